import { createUnitMatcher, type CatalogueUnit, type UnitMatch } from './match-unit';
import { parseDeadline, type Deadline } from './parse-deadline';
import { columnLetter, type ColumnMapping, type ParsedRow, type TaskDivisionField } from './parsed-sheet';
import { nameSimilarity } from './similarity';
import { splitUnitCell } from './split-units';

export interface ArticleRef {
  id: string;
  code: string;
  title: string;
}

export type SectionMatch = { kind: 'article'; articleId: string; code: string; title: string; score: number } | { kind: 'new_section' };

export interface ImportUnit {
  /** As written, after `splitUnitCell`. */
  name: string;
  role: 'lead' | 'participant';
  match: UnitMatch;
}

export interface ImportTask {
  kind: 'task';
  /** Stable within one preview: `t<row>` for a task, `w<row>` for a sub-task. */
  key: string;
  title: string;
  /** What the 序号 column said, e.g. '1'. */
  seqText: string;
  sourceRow: number;
  /** Every row the task was read from (a key task spans its works' rows). */
  sourceRows: number[];
  units: ImportUnit[];
  deadline: Deadline | null;
  note: string;
  subTasks: ImportTask[];
}

export interface ImportSection {
  kind: 'section';
  key: string;
  /** Without its number: 加强交通基础设施建设. */
  title: string;
  /** As written: 一、加强交通基础设施建设. */
  rawTitle: string;
  /** 1 for 一、 / 第一部分, 2 for （一） / 第一条. */
  level: number;
  sourceRow: number;
  match: SectionMatch;
  tasks: ImportTask[];
}

export type ImportProblemCode = 'UNIT_UNKNOWN' | 'UNIT_GROUP_NEEDS_CHOICE' | 'DEADLINE_UNKNOWN' | 'TITLE_MISSING' | 'SECTION_UNMATCHED';

export interface ImportProblem {
  row: number;
  /** Column letter (D) when the column is mapped, else the field name. */
  column: string;
  field: TaskDivisionField | 'section';
  code: ImportProblemCode;
  message_zh: string;
  message_en: string;
  /** The text that caused it. */
  value: string;
}

export interface ImportTree {
  /** Sections in sheet order, each holding its tasks; tasks that come before any section row stand at the top. */
  nodes: (ImportSection | ImportTask)[];
  problems: ImportProblem[];
  notes: { row: number; text: string }[];
}

export interface BuildImportTreeInput {
  rows: readonly ParsedRow[];
  columns: ColumnMapping;
  catalogue: readonly CatalogueUnit[];
  /** The plan's articles, to match section rows by title. */
  articles?: readonly ArticleRef[];
  /** For deadlines written without a year (6月底前). */
  defaultYear?: number;
}

// Titles as offices retype them drift a little (加强交通基础设施建设 vs 加快交通基础设施建设); below this
// the section is offered as new rather than guessed.
const SECTION_MATCH_FLOOR = 0.6;
const SECTION_NUMBER = /^(?:第[一二三四五六七八九十百\d]+(?:部分|章|条|节)|[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[、.．](?!\d))\s*/;

/**
 * Turns the rows of a 任务分工表 into the preview tree the office confirms before anything is saved.
 *
 * - A section row opens a section, matched to an existing article by title (Dice / edit similarity ≥ 0.6,
 *   or one title containing the other), else `new_section` with a SECTION_UNMATCHED problem.
 * - With both a 重点任务 and a 具体工作 column, rows of one key task (one vertical merge, the same text on
 *   consecutive rows, or an empty key-task cell under a previous one) become a task with one sub-task per
 *   work. The task's own units are the union of its works' (leads first) and its deadline the latest
 *   dated one. With only one title column, each row is one task.
 * - A unit cell in the lead column where some units are marked （牵头） makes the unmarked ones
 *   participants; a unit marked （牵头） in the participants column is a lead.
 * - Rows without a title are left out with TITLE_MISSING. Unknown units, groups the office must resolve
 *   (相关市（州）, 省直有关部门, 各有关单位) and unreadable deadlines stay on the node and are reported.
 */
export function buildImportTree(input: BuildImportTreeInput): ImportTree {
  const { rows, columns, articles = [] } = input;
  const matchUnit = createUnitMatcher(input.catalogue);
  const problems: ImportProblem[] = [];
  const notes: { row: number; text: string }[] = [];
  const nodes: (ImportSection | ImportTask)[] = [];
  const hasGroups = columns.keyTask !== undefined && columns.work !== undefined;
  const titleField: TaskDivisionField = columns.work !== undefined ? 'work' : 'keyTask';

  let section: ImportSection | null = null;
  let group: { task: ImportTask; mergeId: string | undefined; keyText: string } | null = null;

  const col = (field: TaskDivisionField) => {
    const c = columns[field];
    return c === undefined ? field : columnLetter(c);
  };
  const report = (row: number, field: ImportProblem['field'], code: ImportProblemCode, value: string, zh: string, en: string) =>
    problems.push({
      row,
      column: field === 'section' ? 'A' : col(field),
      field,
      code,
      value,
      message_zh: `第${row}行${field === 'section' ? '' : `${col(field)}列`}：${zh}`,
      message_en: `Row ${row}${field === 'section' ? '' : `, column ${col(field)}`}: ${en}`,
    });
  const place = (task: ImportTask) => (section ? section.tasks : nodes).push(task);
  const closeGroup = () => {
    if (group) deriveFromSubTasks(group.task);
    group = null;
  };

  // Sheets repeat the same unit and deadline texts on most rows: each distinct text is read once.
  // The results are shared, never changed.
  const split = memo(splitUnitCell);
  const deadlineOf = memo((text: string) => parseDeadline(text, { defaultYear: input.defaultYear }));

  const readUnits = (r: ParsedRow): ImportUnit[] => {
    const units: ImportUnit[] = [];
    const leadMentions = split(r.cells.lead);
    const marked = leadMentions.some((m) => m.lead) && leadMentions.some((m) => !m.lead);
    const mentions = [
      ...leadMentions.map((m) => ({ ...m, field: 'lead' as const, role: marked && !m.lead ? ('participant' as const) : ('lead' as const) })),
      ...split(r.cells.participants).map((m) => ({ ...m, field: 'participants' as const, role: m.lead ? ('lead' as const) : ('participant' as const) })),
    ];
    for (const m of mentions) {
      if (units.some((u) => u.name === m.name)) continue;
      const match = matchUnit(m.name);
      units.push({ name: m.name, role: m.role, match });
      if (match.kind === 'unknown') {
        const hint = match.suggestions.map((s) => s.name).join('、');
        report(r.row, m.field, 'UNIT_UNKNOWN', m.name,
          `未能识别单位“${m.name}”${hint ? `，是否为：${hint}` : ''}`,
          `unknown unit "${m.name}"${hint ? `; did you mean: ${hint}` : ''}`);
      } else if (match.kind === 'group' && match.unitIds.length === 0) {
        report(r.row, m.field, 'UNIT_GROUP_NEEDS_CHOICE', m.name, `“${m.name}”需指定具体单位`, `"${m.name}" names a group: choose the units`);
      }
    }
    return units;
  };

  const readDeadline = (r: ParsedRow): Deadline | null => {
    if (!r.cells.deadline) return null;
    const deadline = deadlineOf(r.cells.deadline);
    if (deadline.kind === 'unknown') {
      report(r.row, 'deadline', 'DEADLINE_UNKNOWN', r.cells.deadline, `无法识别完成时限“${r.cells.deadline}”`, `cannot read the deadline "${r.cells.deadline}"`);
    }
    return deadline;
  };

  const leaf = (r: ParsedRow, key: string, title: string): ImportTask => ({
    kind: 'task', key, title, seqText: r.cells.seq, sourceRow: r.row, sourceRows: [r.row],
    units: readUnits(r), deadline: readDeadline(r), note: r.cells.note, subTasks: [],
  });
  const titleMissing = (r: ParsedRow, field: TaskDivisionField) =>
    report(r.row, field, 'TITLE_MISSING', '', '任务名称为空，该行未导入', 'the task has no title; the row is left out');

  for (const r of rows) {
    if (r.kind === 'blank') {
      closeGroup();
      continue;
    }
    if (r.kind === 'note') {
      closeGroup();
      notes.push({ row: r.row, text: r.text ?? Object.values(r.cells).find(Boolean) ?? '' });
      continue;
    }
    if (r.kind === 'section') {
      closeGroup();
      const rawTitle = r.text ?? Object.values(r.cells).find(Boolean) ?? '';
      const title = stripSectionNumber(rawTitle);
      const match = matchSection(title, articles);
      section = { kind: 'section', key: `s${r.row}`, title, rawTitle, level: sectionLevel(rawTitle), sourceRow: r.row, match, tasks: [] };
      nodes.push(section);
      if (match.kind === 'new_section') {
        report(r.row, 'section', 'SECTION_UNMATCHED', rawTitle, `章节“${title}”未对应到《决定》中的条目，将作为新章节`, `section "${title}" matches no article of the plan; it will be added as a new section`);
      }
      continue;
    }

    if (!hasGroups) {
      const title = r.cells[titleField];
      if (title) place(leaf(r, `t${r.row}`, title));
      else titleMissing(r, titleField);
      continue;
    }

    const keyText = r.cells.keyTask;
    const work = r.cells.work;
    const continues =
      group !== null &&
      (r.keyTaskMergeId !== undefined
        ? r.keyTaskMergeId === group.mergeId
        : (keyText !== '' && keyText === group.keyText && group.mergeId === undefined) || (keyText === '' && work !== ''));
    if (continues && group) {
      if (!work) {
        titleMissing(r, 'work');
        continue;
      }
      group.task.subTasks.push(leaf(r, `w${r.row}`, work));
      group.task.sourceRows.push(r.row);
      continue;
    }
    closeGroup();
    if (!keyText && !work) {
      titleMissing(r, 'keyTask');
      continue;
    }
    if (!keyText) {
      place(leaf(r, `t${r.row}`, work));
      continue;
    }
    const task: ImportTask = work
      ? { kind: 'task', key: `t${r.row}`, title: keyText, seqText: r.cells.seq, sourceRow: r.row, sourceRows: [r.row], units: [], deadline: null, note: '', subTasks: [leaf(r, `w${r.row}`, work)] }
      : leaf(r, `t${r.row}`, keyText);
    place(task);
    group = { task, mergeId: r.keyTaskMergeId, keyText };
  }
  closeGroup();
  return { nodes, problems, notes };
}

function memo<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) seen.set(text, (value = read(text)));
    return value;
  };
}

/** 一、加强交通基础设施建设 → 加强交通基础设施建设. */
export function stripSectionNumber(title: string): string {
  return title.trim().replace(SECTION_NUMBER, '').trim();
}

/**
 * The article whose title is closest to a section row's, or `new_section`. Numbers and punctuation
 * are ignored; a title containing the other (at least 4 characters) scores 0.9.
 */
export function matchSection(title: string, articles: readonly ArticleRef[]): SectionMatch {
  const clean = (s: string) => stripSectionNumber(s.normalize('NFKC')).replace(/[\s\p{P}]/gu, '');
  const wanted = clean(title);
  let best: SectionMatch = { kind: 'new_section' };
  let bestScore = 0;
  for (const a of articles) {
    const other = clean(a.title);
    const contains = Math.min(wanted.length, other.length) >= 4 && (wanted.includes(other) || other.includes(wanted));
    const score = wanted === other ? 1 : Math.max(nameSimilarity(wanted, other), contains ? 0.9 : 0);
    if (score >= SECTION_MATCH_FLOOR && score > bestScore) {
      bestScore = score;
      best = { kind: 'article', articleId: a.id, code: a.code, title: a.title, score: Math.round(score * 100) / 100 };
    }
  }
  return best;
}

function sectionLevel(rawTitle: string): number {
  return /^[（(]|^第.+?[条节]/.test(rawTitle.trim()) ? 2 : 1;
}

function deriveFromSubTasks(task: ImportTask): void {
  if (!task.subTasks.length || task.units.length) return;
  const byName = new Map<string, ImportUnit>();
  for (const role of ['lead', 'participant'] as const) {
    for (const u of task.subTasks.flatMap((s) => s.units)) if (u.role === role && !byName.has(u.name)) byName.set(u.name, u);
  }
  task.units = [...byName.values()];
  const dated = task.subTasks.map((s) => s.deadline).filter((d): d is Extract<Deadline, { kind: 'date' }> => d?.kind === 'date');
  task.deadline = dated.length ? dated.reduce((a, b) => (b.dueOn > a.dueOn ? b : a)) : null;
}
