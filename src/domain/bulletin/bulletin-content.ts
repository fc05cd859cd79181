import type { BulletinSnapshot, ProgressLine, StatusCountsSnapshot } from './bulletin-snapshot';

/** The sections whose wording the office may edit; everything else comes from the snapshot. */
export const BULLETIN_SECTION_KEYS = ['opening', 'overall', 'parts', 'milestones', 'lagging', 'supervision', 'rankings', 'coordination', 'nextSteps', 'closing'] as const;
export type BulletinSectionKey = (typeof BULLETIN_SECTION_KEYS)[number];
export type BulletinSections = Record<BulletinSectionKey, string>;

export interface BulletinDataTable {
  key: string;
  /** Sheet name in the xlsx (≤ 31 characters) and caption in the documents. */
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Column widths as shares of the line, for the Word and PDF tables. */
  widths: number[];
}

export interface BulletinChart {
  key: 'status' | 'parts';
  caption: string;
  /** Bars or slices: label and value, already in the order they are drawn. */
  data: { label: string; value: number }[];
  unit: '%' | '项';
}

export type BulletinBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; lead?: string | undefined }
  | { kind: 'table'; table: BulletinDataTable }
  | { kind: 'chart'; chart: BulletinChart };

export interface BulletinMeta {
  number: string;
  title: string;
  issuingBody: string;
  /** 成文日期, the day of publication (or of the preview). */
  issuedOn: string;
}

export interface BulletinContent {
  meta: BulletinMeta;
  blocks: BulletinBlock[];
  /** Every table behind the bulletin, including those too long to print in full (the xlsx carries them). */
  tables: BulletinDataTable[];
  /** 成文日期 in Chinese: 2026年11月28日. */
  dateText: string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings never pass 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 〔2026〕3号, with the GB/T 9704 hexagonal brackets. */
export const bulletinNumber = (year: number, seq: number) => `〔${year}〕${seq}号`;

export const chineseDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const STATUS_LABEL: Record<keyof StatusCountsSnapshot, string> = { red: '严重滞后', yellow: '滞后', green: '正常推进', not_started: '未启动', completed: '已完成', cancelled: '已取消' };
const LEVEL_LABEL: Record<string, string> = { remind: '提醒', urge: '催办', supervise: '督办', bulletin: '通报' };
const SUPERVISION_STATE_LABEL: Record<string, string> = { open: '待反馈', responded: '已反馈', closed: '已办结', escalated: '已升级' };

/** Lists longer than this print their head and point to the attached xlsx for the rest. */
export const PRINTED_ROWS = 30;

const pct = (x: number) => `${Math.round(x * 10) / 10}%`;
const active = (c: StatusCountsSnapshot) => c.red + c.yellow + c.green + c.not_started + c.completed;

/** The wording a new draft starts with, written from its data; the office edits it before publishing. */
export function defaultSections(s: BulletinSnapshot): BulletinSections {
  const c = s.overall.counts;
  const topPart = [...s.parts].sort((a, b) => b.progressPct - a.progressPct)[0];
  const r = s.reporting;
  const rate = r.due ? pct((r.onTime / r.due) * 100) : '—';
  return {
    opening: `为全面掌握《${s.plan.title}》贯彻落实情况，推动各项任务落地见效，现将${s.cycle.label}工作推进情况通报如下。`,
    overall: `截至${chineseDate(s.asOf)}，纳入跟踪的${s.overall.tasks}项任务总体完成进度为${pct(s.overall.progressPct)}。其中，已完成${c.completed}项，正常推进${c.green}项，滞后${c.yellow}项，严重滞后${c.red}项，未启动${c.not_started}项。本期应报告${r.due}份，按时报告${r.onTime}份，逾期报告${r.late}份，未报告${r.missing}份，按时报告率${rate}。`,
    parts: topPart ? `从各部分看，${topPart.title}推进较快，完成进度${pct(topPart.progressPct)}。各部分、各重点领域推进情况见下表。` : '本期暂无分部分推进数据。',
    milestones: s.milestones.length ? `本期共完成节点目标${s.milestones.length}个。` : '本期无到期完成的节点目标。',
    lagging: s.laggingTotal
      ? `目前仍有${s.laggingTotal}项任务推进滞后，其中严重滞后${c.red}项。请各牵头单位逐项分析原因，制定整改措施，确保按期完成。`
      : '本期无滞后任务。',
    supervision: `本期在办督办事项${s.supervision.counts.open + s.supervision.counts.responded}件，其中逾期未反馈${s.supervision.counts.overdue}件，已办结${s.supervision.counts.closed}件。`,
    rankings:
      s.rankings.source === 'assessment'
        ? `根据${s.rankings.periodLabel}考核结果，各单位得分及排名如下。`
        : `根据${s.cycle.label}报告按时率，各牵头单位排名如下。`,
    coordination: s.coordination.length ? `各单位本期提出需协调解决的事项${s.coordination.length}项，请相关单位研究办理。` : '本期各单位未提出需协调解决的事项。',
    nextSteps: ['聚焦滞后任务，压实牵头单位责任，逐项明确整改时限。', '加强督办跟踪，对逾期未反馈的督办事项予以通报。', '做好下一周期进度报告，确保数据真实、按时报送。'].join('\n'),
    closing: '',
  };
}

const progressTable = (key: string, caption: string, first: string, lines: ProgressLine[]): BulletinDataTable => ({
  key,
  caption,
  columns: [first, '名称', '完成进度', '已完成', '正常推进', '滞后', '严重滞后', '未启动'],
  rows: lines.map((l) => [l.code, l.title, pct(l.progressPct), l.counts.completed, l.counts.green, l.counts.yellow, l.counts.red, l.counts.not_started]),
  widths: [8, 36, 12, 9, 9, 8, 9, 9],
});

/** Every table behind a bulletin, in the order the bulletin speaks of them. */
export function bulletinTables(s: BulletinSnapshot): BulletinDataTable[] {
  const tables: BulletinDataTable[] = [
    {
      key: 'overall',
      caption: '总体进展',
      columns: ['状态', '任务数'],
      rows: (Object.keys(STATUS_LABEL) as (keyof StatusCountsSnapshot)[]).map((k) => [STATUS_LABEL[k], s.overall.counts[k]]),
      widths: [60, 40],
    },
    progressTable('parts', '分部分推进情况', '序号', s.parts),
    progressTable('keyAreas', '重点领域推进情况', '代码', s.keyAreas),
    {
      key: 'milestones',
      caption: '本期完成的节点目标',
      columns: ['任务编号', '任务', '节点目标', '计划完成', '实际完成', '牵头单位'],
      rows: s.milestones.map((m) => [m.taskCode, m.taskTitle, m.title, m.dueOn ?? '', m.completedOn, m.leads.join('、')]),
      widths: [10, 26, 24, 12, 12, 16],
    },
    {
      key: 'lagging',
      caption: '滞后任务清单',
      columns: ['序号', '任务编号', '任务', '状态', '牵头单位', '滞后原因'],
      rows: s.lagging.map((l, i) => [i + 1, l.code, l.title, STATUS_LABEL[l.status], l.leads.join('、'), [...l.reasons, ...(l.problems ? [`单位反映：${l.problems}`] : [])].join('；')]),
      widths: [6, 10, 28, 10, 16, 30],
    },
    {
      key: 'supervision',
      caption: '督办事项',
      columns: ['方式', '任务编号', '任务', '责任单位', '督办内容', '反馈时限', '办理情况'],
      rows: s.supervision.items.map((v) => [LEVEL_LABEL[v.level] ?? v.level, v.taskCode, v.taskTitle, v.unitName, v.message, v.responseDueOn, SUPERVISION_STATE_LABEL[v.state] ?? v.state]),
      widths: [7, 9, 22, 14, 26, 11, 11],
    },
    ...s.rankings.groups.map<BulletinDataTable>((g) => ({
      key: `ranking-${g.group}`,
      caption: `排名（${g.groupLabel}）`.slice(0, 31),
      columns: ['名次', '单位', s.rankings.source === 'assessment' ? '得分' : '按时报告率（%）', '说明'],
      rows: g.rows.map((r) => [r.rank, r.unitName, r.score, r.detail ?? '']),
      widths: [10, 40, 20, 30],
    })),
    {
      key: 'coordination',
      caption: '需协调解决的事项',
      columns: ['序号', '任务编号', '任务', '提出单位', '需协调事项'],
      rows: s.coordination.map((c, i) => [i + 1, c.taskCode, c.taskTitle, c.unitName, c.request]),
      widths: [6, 10, 26, 16, 42],
    },
  ];
  return tables;
}

const head = (t: BulletinDataTable): BulletinDataTable => (t.rows.length > PRINTED_ROWS ? { ...t, rows: t.rows.slice(0, PRINTED_ROWS) } : t);

/**
 * The bulletin as an ordered list of blocks (headings 一、（一）, paragraphs, tables, charts), the one
 * model the Word, PDF and preview renderers all draw; wording the office left empty falls back to the
 * default for that section.
 */
export function buildBulletinContent(s: BulletinSnapshot, meta: BulletinMeta, edited: Partial<BulletinSections>): BulletinContent {
  const defaults = defaultSections(s);
  const say = (k: BulletinSectionKey) => (edited[k] ?? defaults[k]).trim();
  const tables = bulletinTables(s);
  const table = (key: string) => tables.find((t) => t.key === key)!;
  const blocks: BulletinBlock[] = [];
  let h1 = 0;
  let h2 = 0;
  const heading1 = (text: string) => {
    h2 = 0;
    blocks.push({ kind: 'heading', level: 1, text: `${chineseNumeral(++h1)}、${text}` });
  };
  const heading2 = (text: string) => blocks.push({ kind: 'heading', level: 2, text: `（${chineseNumeral(++h2)}）${text}` });
  const paragraphs = (text: string) => {
    for (const line of text.split(/\n+/).map((l) => l.trim()).filter(Boolean)) blocks.push({ kind: 'paragraph', text: line });
  };
  const numbered = (items: { lead: string; text: string }[]) => items.forEach((it, i) => blocks.push({ kind: 'paragraph', lead: `${i + 1}．${it.lead}`, text: it.text }));
  const withTable = (key: string) => {
    const t = table(key);
    if (!t.rows.length) return;
    blocks.push({ kind: 'table', table: head(t) });
    if (t.rows.length > PRINTED_ROWS) paragraphs(`（共${t.rows.length}项，此处列出前${PRINTED_ROWS}项，完整清单见附件表格。）`);
  };

  paragraphs(say('opening'));

  heading1('总体进展');
  paragraphs(say('overall'));
  if (active(s.overall.counts)) {
    const order: (keyof StatusCountsSnapshot)[] = ['completed', 'green', 'yellow', 'red', 'not_started'];
    blocks.push({ kind: 'chart', chart: { key: 'status', caption: '图1  任务状态分布', unit: '项', data: order.map((k) => ({ label: STATUS_LABEL[k], value: s.overall.counts[k] })) } });
  }

  heading1('分领域推进情况');
  paragraphs(say('parts'));
  heading2('分部分推进情况');
  if (s.parts.length) blocks.push({ kind: 'chart', chart: { key: 'parts', caption: '图2  各部分完成进度', unit: '%', data: s.parts.map((p) => ({ label: p.title, value: p.progressPct })) } });
  withTable('parts');
  if (s.keyAreas.length) {
    heading2('重点领域推进情况');
    withTable('keyAreas');
  }

  heading1('节点目标完成情况');
  paragraphs(say('milestones'));
  numbered(s.milestones.slice(0, PRINTED_ROWS).map((m) => ({ lead: `${m.title}`, text: `（任务${m.taskCode}，牵头单位：${m.leads.join('、') || '未明确'}，${chineseDate(m.completedOn)}完成）` })));
  if (s.milestones.length > PRINTED_ROWS) paragraphs(`（共${s.milestones.length}个，完整清单见附件表格。）`);

  heading1('滞后任务及原因');
  paragraphs(say('lagging'));
  withTable('lagging');

  heading1('督办事项办理情况');
  paragraphs(say('supervision'));
  withTable('supervision');

  heading1(s.rankings.source === 'assessment' ? '考核排名' : '报告按时率排名');
  paragraphs(say('rankings'));
  for (const g of s.rankings.groups) {
    heading2(g.groupLabel);
    withTable(`ranking-${g.group}`);
  }

  heading1('需协调解决的事项');
  paragraphs(say('coordination'));
  numbered(s.coordination.slice(0, PRINTED_ROWS).map((c) => ({ lead: `${c.unitName}（任务${c.taskCode}）：`, text: c.request })));

  heading1('下步工作安排');
  numbered(
    say('nextSteps')
      .split(/\n+/)
      .map((l) => l.trim().replace(/^\d+[.．、]\s*/, ''))
      .filter(Boolean)
      .map((text) => ({ lead: '', text })),
  );
  paragraphs(say('closing'));

  return { meta, blocks, tables, dateText: chineseDate(meta.issuedOn) };
}
