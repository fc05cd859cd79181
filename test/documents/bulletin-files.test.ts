import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBulletinFiles } from '../../src/documents/bulletin';
import { safeCell } from '../../src/documents/xlsx-safety';
import { BULLETIN_SNAPSHOT } from '../../src/domain/__fixtures__/bulletin-snapshot';

const META = { number: '〔2026〕3号', title: '关于2026年10月成渝地区双城经济圈建设重点任务推进情况的通报', issuingBody: '四川省推动成渝地区双城经济圈建设工作领导小组办公室', issuedOn: '2026-11-28' };
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('bulletin files', () => {
  let files: Record<'docx' | 'pdf' | 'xlsx', Buffer>;
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-files-'));
  const pdfPath = join(dir, 'b.pdf');

  beforeAll(async () => {
    files = await writeBulletinFiles(BULLETIN_SNAPSHOT, META, { closing: '特此通报。' });
    writeFileSync(pdfPath, files.pdf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('docx', () => {
    let xml: string;
    let zip: JSZip;
    beforeAll(async () => {
      zip = await JSZip.loadAsync(files.docx);
      xml = await zip.file('word/document.xml')!.async('string');
    });
    const text = () => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

    it('is A4 with the GB/T 9704 margins', () => {
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
      const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]);
      expect([attr('top'), attr('bottom'), attr('left'), attr('right')]).toEqual([twips(37), twips(35), twips(28), twips(26)]);
    });

    it('sets the issuer in red 小标宋, the title in 二号 小标宋, the body in 三号 仿宋 with 黑体/楷体 headings', () => {
      const runOf = (needle: string) => {
        const at = xml.indexOf(`>${needle}<`);
        expect(at, needle).toBeGreaterThan(0);
        return xml.slice(xml.lastIndexOf('<w:r>', at), at);
      };
      expect(runOf(META.issuingBody)).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:color w:val="E60012"\/>/);
      expect(runOf(META.title)).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
      expect(runOf('一、总体进展')).toMatch(/w:eastAsia="黑体"[\s\S]*<w:sz w:val="32"\/>/);
      expect(runOf('（一）分部分推进情况')).toMatch(/w:eastAsia="楷体_GB2312"/);
      expect(runOf('特此通报。')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
      // A fixed line of 28.5 pt for the body.
      expect(xml).toContain('<w:spacing w:line="570" w:lineRule="exact"/>');
    });

    it('names each font’s substitute for machines without it', async () => {
      const fonts = await zip.file('word/fontTable.xml')!.async('string');
      expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
      expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    });

    it('carries the number, the text, the tables, the chart images and the page number field', async () => {
      const t = text();
      for (const s of ['〔2026〕3号', '各有关单位：', '三、节点目标完成情况', '共建汽车产业集群', '省经济和信息化厅', '请省自然资源厅协调用地指标', '2026年11月28日']) expect(t).toContain(s);
      expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(6);
      expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(2);
      const footer = await zip.file(Object.keys(zip.files).find((f) => /^word\/footer\d*\.xml$/.test(f))!)!.async('string');
      expect(footer).toMatch(/PAGE/);
      expect(footer).toContain('— ');
    });
  });

  describe('pdf', () => {
    it('is A4 and embeds the CJK font', () => {
      const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
      const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) {
        expect(line).toContain('WenQuanYiMicroHei');
        // name, type (two words), encoding, then emb sub uni
        expect(line.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
      }
    });

    it('gives back its Chinese text, numbered headings and page numbers', () => {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, '');
      for (const s of ['四川省推动成渝地区双城经济圈建设工作领导小组办公室', '〔2026〕3号', '一、总体进展', '（一）分部分推进情况', '滞后任务清单', '共建汽车产业集群', '特此通报。']) expect(flat).toContain(s);
      expect(text).toMatch(/—\s*1\s*—/);
    });

    it('keeps the margins: nothing is printed outside the text block but the page number', () => {
      const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' });
      const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, w: m[5]! }));
      const pt = (mm: number) => (mm * 72) / 25.4;
      const body = words.filter((w) => !/^[—\d]+$/.test(w.w));
      expect(Math.min(...body.map((w) => w.x0))).toBeGreaterThanOrEqual(pt(28) - 1);
      expect(Math.max(...body.map((w) => w.x1))).toBeLessThanOrEqual(595.28 - pt(26) + 1);
      expect(Math.min(...body.map((w) => w.y0))).toBeGreaterThanOrEqual(pt(37) - 2);
      expect(Math.max(...body.map((w) => w.y1))).toBeLessThanOrEqual(841.89 - pt(35) + 2);
    });
  });

  describe('xlsx', () => {
    it('has one sheet per table, and a unit’s text that looks like a formula stays text', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(files.xlsx as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '总体进展', '分部分推进情况', '重点领域推进情况', '本期完成的节点目标', '滞后任务清单', '督办事项', '排名（省直部门）', '排名（市（州））', '需协调解决的事项']);
      const lagging = wb.getWorksheet('滞后任务清单')!;
      expect(lagging.getRow(1).values).toEqual([undefined, '序号', '任务编号', '任务', '状态', '牵头单位', '滞后原因']);
      expect(lagging.getCell('F2').value).toBe('2026年10月报告缺报；单位反映：=配套资金未到位');
      expect(lagging.getCell('A2').value).toBe(1);
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined())));
      // The writer goes through the shared toXlsxBuffer; a signed number such as a change of '+1' is left as it is.
      expect([safeCell('=SUM(A1)'), safeCell('+1'), safeCell('-x'), safeCell('@a'), safeCell('成都'), safeCell(-3)]).toEqual(["'=SUM(A1)", '+1', "'-x", "'@a", '成都', -3]);
    });
  });
});
