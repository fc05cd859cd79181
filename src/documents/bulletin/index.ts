import { buildBulletinContent, type BulletinContent, type BulletinMeta, type BulletinSections, type BulletinSnapshot } from '../../domain';
import { renderChartPng } from './render-chart';
import { writeBulletinDocx, type ChartImages } from './write-bulletin-docx';
import { writeBulletinPdf } from './write-bulletin-pdf';
import { writeBulletinXlsx } from './write-bulletin-xlsx';
import sharp from 'sharp';

import type { BulletinFormat } from './formats';

export { BULLETIN_FORMATS, BULLETIN_MIME, type BulletinFormat } from './formats';

export async function renderCharts(c: BulletinContent): Promise<ChartImages> {
  const images: ChartImages = new Map();
  for (const b of c.blocks) {
    if (b.kind !== 'chart') continue;
    const png = await renderChartPng(b.chart);
    const { width = 1, height = 1 } = await sharp(png).metadata();
    images.set(b.chart.key, { png, width, height });
  }
  return images;
}

/** The three issued files of a bulletin, drawn from one content model so they say the same thing. */
export async function writeBulletinFiles(snapshot: BulletinSnapshot, meta: BulletinMeta, sections: Partial<BulletinSections>): Promise<Record<BulletinFormat, Buffer>> {
  const content = buildBulletinContent(snapshot, meta, sections);
  const charts = await renderCharts(content);
  const [docx, pdf, xlsx] = await Promise.all([writeBulletinDocx(content, charts), writeBulletinPdf(content, charts), writeBulletinXlsx(content)]);
  return { docx, pdf, xlsx };
}

/**
 * Writes a one-page bulletin and throws it away: the first real bulletin of a process would otherwise pay
 * for loading the CJK font, the chart renderer and the writers' code (about 2 s on a busy 2-core host).
 * The server calls it once, shortly after it starts listening.
 */
export async function warmUpBulletinWriters(): Promise<void> {
  const counts = { red: 1, yellow: 1, green: 1, not_started: 1, completed: 1, cancelled: 0 };
  const line = { code: '1', title: '预热', progressPct: 50, counts };
  const snapshot: BulletinSnapshot = {
    plan: { title: '预热', shortTitle: '预热' },
    cycle: { id: 'warm-up', label: '预热', periodStart: '2026-01-01', periodEnd: '2026-01-31', dueOn: '2026-02-05' },
    asOf: '2026-02-01',
    overall: { progressPct: 50, tasks: 5, counts },
    parts: [line],
    keyAreas: [line],
    milestones: [],
    lagging: [{ code: '1.1', title: '预热任务', status: 'red', leads: ['单位'], reasons: ['原因'], problems: null }],
    laggingTotal: 1,
    supervision: { counts: { open: 0, responded: 0, closed: 0, escalated: 0, overdue: 0 }, items: [] },
    reporting: { due: 1, onTime: 1, late: 0, missing: 0 },
    rankings: { source: 'reporting', periodLabel: '预热', groups: [] },
    coordination: [],
    nextSteps: [],
  };
  await writeBulletinFiles(snapshot, { number: '〔2026〕1号', title: '预热', issuingBody: '预热', issuedOn: '2026-02-01' }, {});
}

export { renderChartPng, writeBulletinDocx, writeBulletinPdf, writeBulletinXlsx };
export type { ChartImages };
