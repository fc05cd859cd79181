import type { ImportProblem, ImportSection, ImportTask, TImportPreview, TImportResolutions } from '../../api/imports';

/** A unit name the office must resolve: unknown, or a group (有关单位) that names no units by itself. */
export type UnitToResolve = { name: string; kind: 'unknown' | 'group'; rows: number[]; suggestions: { unitId: string; name: string; score: number }[] };
/** A section matched to no article ('top' = tasks above the first section row). */
export type SectionToResolve = { key: string; row: number; title: string; rows: number[] };

/** What the office has chosen so far; turned into the API's `resolutions` by `toResolutions`. */
export type ResolutionState = {
  units: Record<string, string[]>;
  /** Section row (or 'top') → article id, or SKIP_SECTION. */
  sections: Record<string, string>;
  skipTitleMissing: boolean;
};

export const SKIP_SECTION = '__skip__';
export const emptyResolutions = (): ResolutionState => ({ units: {}, sections: {}, skipTitleMissing: false });

export function sectionsOf(preview: Pick<TImportPreview, 'tree'>): ImportSection[] {
  return preview.tree.nodes.filter((n): n is ImportSection => n.kind === 'section');
}

export function topTasksOf(preview: Pick<TImportPreview, 'tree'>): ImportTask[] {
  return preview.tree.nodes.filter((n): n is ImportTask => n.kind === 'task');
}

function allTasks(tasks: readonly ImportTask[]): ImportTask[] {
  return tasks.flatMap((t) => [t, ...allTasks(t.subTasks)]);
}

/** Every row a list of tasks was read from, sub-tasks included. */
export function rowsOfTasks(tasks: readonly ImportTask[]): number[] {
  return [...new Set(allTasks(tasks).flatMap((t) => t.sourceRows))].sort((a, b) => a - b);
}

export function unitsToResolve(preview: Pick<TImportPreview, 'tree'>): UnitToResolve[] {
  const tasks = allTasks([...topTasksOf(preview), ...sectionsOf(preview).flatMap((s) => s.tasks)]);
  const byName = new Map<string, UnitToResolve>();
  for (const task of tasks) {
    for (const u of task.units) {
      const m = u.match;
      if (m.kind === 'exact' || (m.kind === 'group' && m.unitIds.length > 0)) continue;
      const entry = byName.get(u.name) ?? { name: u.name, kind: m.kind, rows: [], suggestions: m.kind === 'unknown' ? m.suggestions : [] };
      // A key task repeats its works' units; the row list names the works' rows once each.
      if (!task.subTasks.length && !entry.rows.includes(task.sourceRow)) entry.rows.push(task.sourceRow);
      byName.set(u.name, entry);
    }
  }
  for (const e of byName.values()) e.rows.sort((a, b) => a - b);
  return [...byName.values()];
}

export function sectionsToResolve(preview: Pick<TImportPreview, 'tree'>): SectionToResolve[] {
  const out: SectionToResolve[] = [];
  const top = topTasksOf(preview);
  if (top.length) out.push({ key: 'top', row: top[0]!.sourceRow, title: '', rows: rowsOfTasks(top) });
  for (const s of sectionsOf(preview)) {
    if (s.match.kind === 'new_section') out.push({ key: String(s.sourceRow), row: s.sourceRow, title: s.rawTitle, rows: [s.sourceRow, ...rowsOfTasks(s.tasks)] });
  }
  return out;
}

export function titleMissingRows(preview: Pick<TImportPreview, 'tree'>): number[] {
  return [...new Set(preview.tree.problems.filter((p) => p.code === 'TITLE_MISSING').map((p) => p.row))];
}

/** Pre-fills each unknown name with its closest suggestion, keeping whatever the office already chose. */
export function withSuggestions(state: ResolutionState, units: readonly UnitToResolve[]): ResolutionState {
  const next = { ...state.units };
  for (const u of units) {
    if (next[u.name] === undefined && u.suggestions[0]) next[u.name] = [u.suggestions[0].unitId];
  }
  return { ...state, units: next };
}

/** The API's `resolutions`: chosen units, sections' articles, and the rows to leave out. */
export function toResolutions(state: ResolutionState, preview: Pick<TImportPreview, 'tree'>): TImportResolutions {
  const units = Object.fromEntries(Object.entries(state.units).filter(([, ids]) => ids.length > 0));
  const sections: Record<string, string> = {};
  const skip = new Set<number>();
  const pending = sectionsToResolve(preview);
  for (const [key, value] of Object.entries(state.sections)) {
    if (value === SKIP_SECTION) {
      // Leaving a section out leaves out its tasks too, so their problems stop blocking.
      for (const row of pending.find((s) => s.key === key)?.rows ?? []) skip.add(row);
    } else if (value) {
      sections[key] = value;
    }
  }
  if (state.skipTitleMissing) for (const row of titleMissingRows(preview)) skip.add(row);
  const out: TImportResolutions = {};
  if (Object.keys(units).length) out.units = units;
  if (Object.keys(sections).length) out.sections = sections;
  if (skip.size) out.skipRows = [...skip].sort((a, b) => a - b);
  return out;
}

export function problemText(p: Pick<ImportProblem, 'message_zh' | 'message_en'>, lang: string): string {
  return lang === 'en-US' ? p.message_en : p.message_zh;
}

/** Problems that do not stop the import (deadlines that could not be read), shown as hints. */
export function hintsOf(preview: Pick<TImportPreview, 'tree' | 'blocking'>): ImportProblem[] {
  return preview.tree.problems.filter((p) => p.code === 'DEADLINE_UNKNOWN');
}
