import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import type { BulletinBlock, BulletinContent, BulletinDataTable } from '../../domain';
import type { ChartImages } from './write-bulletin-docx';
import { A4_MM, LINE_PT, MM, ptOfMm, RED, SIZE_PT, TEXT_WIDTH_MM } from './layout';

/**
 * The PDF embeds WenQuanYi Micro Hei (Debian fonts-wqy-microhei, 5 MB installed; Apache-2.0 or GPLv3
 * with the font-embedding exception), subset to the characters used. It is a sans face: the PDF keeps
 * the official layout but not the 仿宋/小标宋 faces, which may not be redistributed.
 */
export const PDF_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const PS_NAME = 'WenQuanYiMicroHei';
// pdfmake 0.3 accepts [file, PostScript name] for a face inside a .ttc; @types/pdfmake does not know the tuple.
const face = [PDF_FONT_FILE, PS_NAME] as unknown as string;
// WenQuanYi has no bold or italic face and pdfkit does not fake one: the PDF sets no bold (and so embeds one subset).
const FONTS: TFontDictionary = { WQY: { normal: face, bold: face, italics: face, bolditalics: face } };

let configured = false;
function configure() {
  if (configured) return;
  pdfmake.setFonts(FONTS);
  // Nothing in a bulletin comes from the network, and only the font file from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === PDF_FONT_FILE);
  configured = true;
}

// pdfmake's lineHeight is a multiple of the font's own line height; WenQuanYi's is ~1.2 em.
const lineHeight = (pt: number) => LINE_PT / (pt * 1.2);
const TEXT_WIDTH_PT = ptOfMm(TEXT_WIDTH_MM);

function tableOf(t: BulletinDataTable): Content[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const parts: Content[] = [
    { text: t.caption, alignment: 'center', fontSize: SIZE_PT.caption, margin: [0, 6, 0, 3] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: t.widths.map((w) => (w / total) * (TEXT_WIDTH_PT - t.widths.length * 8.5)),
        body: [t.columns.map((c) => ({ text: c, alignment: 'center' as const, fillColor: '#f2f2f2' })), ...t.rows.map((r) => r.map((v) => ({ text: String(v) })))],
      },
      fontSize: SIZE_PT.table,
      lineHeight: 1.15,
      margin: [0, 0, 0, 8],
    },
  ];
  // A short table stays on one page with its caption; a long one breaks between rows, its header repeated.
  return t.rows.length <= 12 ? [{ unbreakable: true, stack: parts }] : parts;
}

function blockOf(b: BulletinBlock, charts: ChartImages): Content[] {
  switch (b.kind) {
    case 'heading':
      return [{ text: b.text, leadingIndent: SIZE_PT.body * 2, headlineLevel: b.level } as Content];
    case 'paragraph':
      return [{ text: `${b.lead ?? ''}${b.text}`, alignment: 'justify', leadingIndent: SIZE_PT.body * 2 }];
    case 'table':
      return tableOf(b.table);
    case 'chart': {
      const img = charts.get(b.chart.key);
      if (!img) return [];
      const width = TEXT_WIDTH_PT * 0.9;
      return [
        {
          unbreakable: true,
          stack: [
            { image: `data:image/png;base64,${img.png.toString('base64')}`, width, alignment: 'center', margin: [0, 4, 0, 2] },
            { text: b.chart.caption, alignment: 'center', fontSize: SIZE_PT.caption, lineHeight: 1.2, margin: [0, 0, 0, 6] },
          ],
        },
      ];
    }
  }
}

/** A heading never ends a page: one followed by a short table or a chart is kept on a page with it. */
function bodyOf(c: BulletinContent, charts: ChartImages): Content[] {
  const out: Content[] = [];
  c.blocks.forEach((b, i) => {
    const prev = c.blocks[i - 1];
    const keptWithPrev = prev?.kind === 'heading' && (b.kind === 'chart' || (b.kind === 'table' && b.table.rows.length <= 12));
    if (keptWithPrev) out.push({ unbreakable: true, stack: [...blockOf(prev, charts), ...blockOf(b, charts)] });
    else if (!(b.kind === 'heading' && keepsNext(c.blocks[i + 1]))) out.push(...blockOf(b, charts));
  });
  return out;
}
const keepsNext = (next: BulletinBlock | undefined) => next?.kind === 'chart' || (next?.kind === 'table' && next.table.rows.length <= 12);

/** The same bulletin as a PDF on the same A4 page and margins, page numbers "— n —" at the foot. */
export async function writeBulletinPdf(c: BulletinContent, charts: ChartImages): Promise<Buffer> {
  configure();
  const doc: TDocumentDefinitions = {
    info: { title: c.meta.title, author: c.meta.issuingBody, creator: 'Shuangcheng' },
    pageSize: 'A4',
    pageMargins: [ptOfMm(MM.left), ptOfMm(MM.top), ptOfMm(MM.right), ptOfMm(MM.bottom)],
    defaultStyle: { font: 'WQY', fontSize: SIZE_PT.body, lineHeight: lineHeight(SIZE_PT.body) },
    footer: (page) => ({ text: `— ${page} —`, alignment: 'center', fontSize: SIZE_PT.footer, margin: [0, ptOfMm(MM.bottom) - ptOfMm(28), 0, 0] }),
    content: [
      { text: c.meta.issuingBody, color: `#${RED}`, alignment: 'center', fontSize: fitIssuer(c.meta.issuingBody), lineHeight: 1.1 },
      { text: c.meta.number, alignment: 'center', margin: [0, 14, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 4, x2: TEXT_WIDTH_PT, y2: 4, lineWidth: 1.5, lineColor: `#${RED}` }], margin: [0, 0, 0, 22] },
      { text: c.meta.title, alignment: 'center', fontSize: SIZE_PT.title, lineHeight: 35 / (SIZE_PT.title * 1.2), margin: [0, 0, 0, 14] },
      { text: '各有关单位：' },
      ...bodyOf(c, charts),
      { text: c.meta.issuingBody, alignment: 'right', margin: [0, LINE_PT * 2, signatureIndent(c), 0] },
      { text: c.dateText, alignment: 'right', margin: [0, 0, signatureIndent(c), LINE_PT] },
      {
        table: { widths: ['*', 'auto'], body: [[{ text: c.meta.issuingBody }, { text: `${c.dateText}印发` }]] },
        layout: { hLineWidth: () => 0.75, vLineWidth: () => 0, paddingTop: () => 4, paddingBottom: () => 4 },
        fontSize: 12,
        lineHeight: 1.2,
      },
    ],
  };
  return pdfmake.createPdf(doc).getBuffer();
}

const signatureIndent = (c: BulletinContent) => ([...c.meta.issuingBody].length > 20 ? 0 : SIZE_PT.body * 4);

/** The red issuer line is one line: long names are set smaller (pdfmake cannot squeeze characters). */
function fitIssuer(name: string): number {
  return Math.min(SIZE_PT.issuer, Math.floor((TEXT_WIDTH_PT / [...name].length) * 0.98));
}

export const PDF_PAGE = { widthPt: ptOfMm(A4_MM.width), heightPt: ptOfMm(A4_MM.height) };
