/**
 * The page of a GB/T 9704 official document, in one place for the Word and PDF generators: A4, margins
 * 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (a 156 × 225 mm text block), body 三号 (16 pt) on a
 * fixed ~28.5 pt line (22 lines a page), title 二号 (22 pt).
 */
export const MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const A4_MM = { width: 210, height: 297 } as const;

export const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);
export const ptOfMm = (mm: number) => (mm * 72) / 25.4;

export const SIZE_PT = { title: 22, body: 16, table: 12, caption: 14, footer: 14, issuer: 26 } as const;
/** 28.5 pt: the fixed line GB/T 9704's 22 lines of 28 characters give on a 225 mm text block. */
export const LINE_PT = 28.5;
export const TEXT_WIDTH_MM = A4_MM.width - MM.left - MM.right;

/**
 * Font names as Chinese Word installations know them. Word cannot list fallbacks in a run, so the Word
 * generator also writes each one's common substitute (仿宋_GB2312 → 仿宋) as w:altName in the font table.
 */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '华文中宋' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体_GB2312', alt: '楷体' },
  latin: 'Times New Roman',
} as const;

export const RED = 'E60012';
