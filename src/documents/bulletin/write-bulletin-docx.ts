import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { BulletinBlock, BulletinContent, BulletinDataTable } from '../../domain';
import { FONTS, LINE_PT, MM, RED, SIZE_PT, TEXT_WIDTH_MM, twipsOfMm } from './layout';

export type ChartImages = Map<string, { png: Buffer; width: number; height: number }>;

const half = (pt: number) => pt * 2;
const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });
const run = (text: string, face: string, pt: number, extra: Partial<IRunOptions> = {}) => new TextRun({ text, font: font(face), size: half(pt), ...extra });
const exactLine = { line: Math.round(LINE_PT * 20), lineRule: LineRuleType.EXACT } as const;
const INDENT_2_CHARS = half(SIZE_PT.body) * 20;
const blank = () => new Paragraph({ spacing: exactLine, children: [run('', FONTS.body.name, SIZE_PT.body)] });

/** 发文机关署名 sits four characters in from the right, unless the name is too long for that. */
const signatureIndent = (c: BulletinContent) => ([...c.meta.issuingBody].length > 20 ? 0 : INDENT_2_CHARS * 2);

/** 发文机关标志: red 小标宋, squeezed horizontally when a long name would not fit on one line. */
function issuerBlock(c: BulletinContent): Paragraph[] {
  const widthPt = (TEXT_WIDTH_MM * 72) / 25.4;
  const chars = [...c.meta.issuingBody].length;
  const scale = Math.min(100, Math.floor((widthPt / (chars * SIZE_PT.issuer)) * 100));
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, children: [run(c.meta.issuingBody, FONTS.title.name, SIZE_PT.issuer, { color: RED, ...(scale < 100 && { scale }) })] }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine, children: [run(c.meta.number, FONTS.body.name, SIZE_PT.body)] }),
    // 版头中的分隔线: red, the width of the text block, 4 mm below the number.
    new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 1 } }, children: [] }),
    blank(),
  ];
}

function tableOf(t: BulletinDataTable): (Paragraph | Table)[] {
  const cell = (text: string, bold: boolean, share: number) =>
    new TableCell({
      width: { size: share, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, bold ? FONTS.heading1.name : FONTS.body.name, SIZE_PT.table)] })],
    });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [run(t.caption, FONTS.heading1.name, SIZE_PT.caption)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((col, i) => cell(col, true, t.widths[i] ?? 10)) }),
        ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(String(v), false, t.widths[i] ?? 10)) })),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function blockOf(b: BulletinBlock, charts: ChartImages): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: exactLine,
          indent: { firstLine: INDENT_2_CHARS },
          keepNext: true,
          children: [run(b.text, b.level === 1 ? FONTS.heading1.name : FONTS.heading2.name, SIZE_PT.body)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: exactLine,
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT_2_CHARS },
          children: [...(b.lead ? [run(b.lead, FONTS.body.name, SIZE_PT.body)] : []), run(b.text, FONTS.body.name, SIZE_PT.body)],
        }),
      ];
    case 'table':
      return tableOf(b.table);
    case 'chart': {
      const img = charts.get(b.chart.key);
      if (!img) return [];
      // An image cannot sit on an exact line height (Word would clip it to one line).
      const widthPx = 540;
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new ImageRun({ type: 'png', data: img.png, transformation: { width: widthPx, height: Math.round((widthPx * img.height) / img.width) } })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(b.chart.caption, FONTS.body.name, SIZE_PT.caption)] }),
      ];
    }
  }
}

/** A bulletin as a Word document in the manner of GB/T 9704 (版头, title, numbered body, signature, page numbers). */
export async function writeBulletinDocx(c: BulletinContent, charts: ChartImages): Promise<Buffer> {
  const doc = new Document({
    creator: c.meta.issuingBody,
    title: c.meta.title,
    styles: { default: { document: { run: { font: font(FONTS.body.name), size: half(SIZE_PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: twipsOfMm(MM.top), bottom: twipsOfMm(MM.bottom), left: twipsOfMm(MM.left), right: twipsOfMm(MM.right), header: twipsOfMm(15), footer: twipsOfMm(20) },
          },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('— ', FONTS.latin, SIZE_PT.footer), new TextRun({ children: [PageNumber.CURRENT], font: font(FONTS.latin), size: half(SIZE_PT.footer) }), run(' —', FONTS.latin, SIZE_PT.footer)] })],
          }),
        },
        children: [
          ...issuerBlock(c),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: Math.round(35 * 20), lineRule: LineRuleType.EXACT }, children: [run(c.meta.title, FONTS.title.name, SIZE_PT.title)] }),
          blank(),
          new Paragraph({ spacing: exactLine, children: [run('各有关单位：', FONTS.body.name, SIZE_PT.body)] }),
          ...c.blocks.flatMap((b) => blockOf(b, charts)),
          blank(),
          blank(),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: signatureIndent(c) }, children: [run(c.meta.issuingBody, FONTS.body.name, SIZE_PT.body)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine, indent: { right: signatureIndent(c) }, children: [run(c.dateText, FONTS.body.name, SIZE_PT.body)] }),
          blank(),
          // 版记: who issued it and when, between two rules (12 pt so that a long name stays on one line).
          new Paragraph({
            spacing: exactLine,
            border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 }, bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } },
            tabStops: [{ type: 'right', position: twipsOfMm(TEXT_WIDTH_MM) - 200 }],
            children: [run(` ${c.meta.issuingBody}`, FONTS.body.name, 12), run(`\t${c.dateText}印发 `, FONTS.body.name, 12)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc, false, [FONT_TABLE]);
}

/**
 * Word substitutes a missing font by its w:altName: a machine without 仿宋_GB2312 (Windows 10 and later
 * ship 仿宋 only) still sets the body in FangSong rather than a default sans. docx writes an empty font
 * table; this one replaces it in the package as it is zipped.
 */
const FONT_TABLE = {
  path: 'word/fontTable.xml',
  data:
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    [FONTS.title, FONTS.body, FONTS.heading1, FONTS.heading2]
      .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
      .join('') +
    `<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`,
};
