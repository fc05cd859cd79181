import { randomUUID } from 'node:crypto';
import { Workbook } from '../../documents/exceljs-workbook';
import { columnLetter, decodeText, DomainError, ImportError, parseCsv, readPeriod, readValue, type ExplainLang, type TextEncodingName } from '../../domain';
import { cellText, guardZip } from '../../documents/task-division';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { requireIndicator, type Indicator } from './definitions';
import { loadDivisionCatalogue, type DivisionCatalogue } from './regions';

const FIELDS = ['indicator', 'division', 'period', 'value', 'source', 'reliability', 'note'] as const;
type Field = (typeof FIELDS)[number];
// Tried in this order on each header cell, so “区划名称” is the division and not a name of the indicator.
const HEADER_WORDS: [Field, RegExp][] = [
  ['division', /区划|地区|行政区|division|region/i],
  ['reliability', /可靠|可信|reliability/i],
  ['source', /来源|出处|source/i],
  ['note', /备注|说明|note/i],
  ['period', /期间|年份|年度|时期|季度|月份|period|year/i],
  ['value', /数值|值|value/i],
  ['indicator', /指标|indicator/i],
];
const HEADER_SEARCH_ROWS = 10;
const MAX_ROWS = 5_000;

export type ObservationProblemCode = 'INDICATOR_UNKNOWN' | 'INDICATOR_DERIVED' | 'DIVISION_UNKNOWN' | 'PERIOD_INVALID' | 'VALUE_INVALID' | 'DUPLICATE_ROW';

export interface ObservationProblem {
  row: number;
  column: string;
  field: Field;
  code: ObservationProblemCode;
  value: string;
}

export interface ObservationImportRow {
  row: number;
  indicatorId: string;
  indicatorCode: string;
  divisionCode: string;
  divisionName: string;
  period: string;
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
  action: 'insert' | 'update' | 'unchanged';
  previous: number | null;
}

export interface ObservationImportPreview {
  format: 'xlsx' | 'csv';
  encoding: TextEncodingName | null;
  sheetName: string | null;
  headerRow: number;
  columns: Partial<Record<Field, string>>;
  rows: ObservationImportRow[];
  /** Every problem blocks apply: nothing is written until the file is clean. */
  problems: ObservationProblem[];
  counts: { insert: number; update: number; unchanged: number };
}

interface Grid {
  format: 'xlsx' | 'csv';
  encoding: TextEncodingName | null;
  sheetName: string | null;
  cells: string[][];
}

async function readGrid(file: Buffer): Promise<Grid> {
  if (!file.length) throw new ImportError('EMPTY', {});
  if (file[0] === 0x50 && file[1] === 0x4b) {
    // A zip bomb or a broken archive is refused (TOO_LARGE / NOT_XLSX) before exceljs unpacks it into memory.
    guardZip(file);
    const wb = new Workbook();
    try {
      await wb.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw new ImportError('NOT_XLSX', { reason: 'not a workbook' });
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ImportError('EMPTY', {});
    if (ws.actualRowCount > MAX_ROWS) throw new ImportError('TOO_LARGE', { rows: ws.actualRowCount, max: MAX_ROWS });
    const cells: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c <= 30) out[c - 1] = cellText(cell.value);
      });
      cells[r - 1] = Array.from(out, (t) => t ?? '');
    });
    return { format: 'xlsx', encoding: null, sheetName: ws.name, cells: Array.from(cells, (r) => r ?? []) };
  }
  // The old binary .xls (an OLE container) is neither a workbook we read nor text.
  if (file[0] === 0xd0 && file[1] === 0xcf && file[2] === 0x11 && file[3] === 0xe0) throw new ImportError('NOT_XLSX', { reason: 'xls' });
  const decoded = decodeText(file);
  if (!decoded) throw new DomainError('IMPORT_ENCODING_UNKNOWN', {});
  const cells = parseCsv(decoded.text);
  if (cells.length > MAX_ROWS) throw new ImportError('TOO_LARGE', { rows: cells.length, max: MAX_ROWS });
  return { format: 'csv', encoding: decoded.encoding, sheetName: null, cells };
}

function divisionMatcher(cat: DivisionCatalogue) {
  const byName = new Map<string, string>();
  for (const [code, n] of cat.names) {
    byName.set(code, code);
    byName.set(n.zh, code);
    byName.set(n.en.toLowerCase(), code);
    // “成都” for 成都市, “万州” for 万州区: the short name is how tables often write it.
    const short = n.zh.replace(/(市|区|县|省|自治县|彝族自治州|藏族羌族自治州|藏族自治州)$/, '');
    if (short.length >= 2 && !byName.has(short)) byName.set(short, code);
  }
  return (text: string) => byName.get(text.trim()) ?? byName.get(text.trim().toLowerCase()) ?? null;
}

/** Reads an xlsx or CSV of observations and shows what applying it would write. Writes nothing. */
export async function previewObservationImport(ctx: ServiceContext, file: Buffer, opts: { indicatorId?: string | undefined }, lang: ExplainLang): Promise<ObservationImportPreview> {
  const fixed = opts.indicatorId ? await requireIndicator(ctx.db, opts.indicatorId, lang) : null;
  const grid = await readGrid(file);
  if (!grid.cells.some((r) => r.some(Boolean))) throw new ImportError('EMPTY', {});
  let headerRow = -1;
  const columns: Partial<Record<Field, number>> = {};
  for (let r = 0; r < Math.min(grid.cells.length, HEADER_SEARCH_ROWS) && headerRow < 0; r++) {
    const found: Partial<Record<Field, number>> = {};
    grid.cells[r]!.forEach((text, c) => {
      const t = text.replace(/\s+/g, '');
      const hit = HEADER_WORDS.find(([f, re]) => found[f] === undefined && re.test(t));
      if (hit) found[hit[0]] = c;
    });
    if (found.division !== undefined && found.period !== undefined && found.value !== undefined && (fixed || found.indicator !== undefined)) {
      headerRow = r;
      Object.assign(columns, found);
    }
  }
  if (headerRow < 0) throw new ImportError('NO_HEADER', { searched: HEADER_SEARCH_ROWS, required: fixed ? ['区划', '期间', '数值'] : ['指标代码', '区划', '期间', '数值'] });

  const cat = await loadDivisionCatalogue(ctx.db);
  const matchDivision = divisionMatcher(cat);
  const indicators = new Map<string, Indicator | null>();
  const indicatorOf = async (text: string) => {
    const key = text.trim();
    if (!indicators.has(key)) {
      const row = await ctx.db.selectFrom('indicator').select('id').where((eb) => eb.or([eb('code', '=', key), eb('name_zh', '=', key), eb('name_en', '=', key)])).executeTakeFirst();
      indicators.set(key, row ? await requireIndicator(ctx.db, row.id, lang) : null);
    }
    return indicators.get(key)!;
  };

  const problems: ObservationProblem[] = [];
  const rows: Omit<ObservationImportRow, 'action' | 'previous'>[] = [];
  const seen = new Map<string, number>();
  const cell = (r: string[], f: Field) => (columns[f] === undefined ? '' : (r[columns[f]!] ?? '').trim());
  const problem = (row: number, field: Field, code: ObservationProblemCode, value: string) => problems.push({ row, column: columnLetter(columns[field]! + 1), field, code, value });

  for (let r = headerRow + 1; r < grid.cells.length; r++) {
    const raw = grid.cells[r]!;
    const line = r + 1;
    if (!FIELDS.some((f) => cell(raw, f))) continue;
    let indicator = fixed;
    if (columns.indicator !== undefined && cell(raw, 'indicator')) {
      indicator = await indicatorOf(cell(raw, 'indicator'));
      if (!indicator) problem(line, 'indicator', 'INDICATOR_UNKNOWN', cell(raw, 'indicator'));
    } else if (!fixed) problem(line, 'indicator', 'INDICATOR_UNKNOWN', '');
    if (indicator?.derived) {
      problem(line, columns.indicator !== undefined ? 'indicator' : 'value', 'INDICATOR_DERIVED', indicator.code);
      indicator = null;
    }
    const divisionCode = matchDivision(cell(raw, 'division'));
    if (!divisionCode) problem(line, 'division', 'DIVISION_UNKNOWN', cell(raw, 'division'));
    const period = indicator ? readPeriod(cell(raw, 'period'), indicator.frequency) : null;
    if (indicator && !period) problem(line, 'period', 'PERIOD_INVALID', cell(raw, 'period'));
    const value = readValue(cell(raw, 'value'), indicator?.unit ?? '');
    if (!value.ok) problem(line, 'value', 'VALUE_INVALID', cell(raw, 'value'));
    if (!indicator || !divisionCode || !period || !value.ok) continue;
    const key = `${indicator.id}|${divisionCode}|${period}`;
    if (seen.has(key)) {
      problem(line, 'period', 'DUPLICATE_ROW', `${cell(raw, 'division')} ${period} (${seen.get(key)})`);
      continue;
    }
    seen.set(key, line);
    rows.push({
      row: line,
      indicatorId: indicator.id,
      indicatorCode: indicator.code,
      divisionCode,
      divisionName: cat.names.get(divisionCode)?.[lang] ?? divisionCode,
      period,
      value: value.value,
      source: cell(raw, 'source') || null,
      reliability: cell(raw, 'reliability') || null,
      note: cell(raw, 'note') || null,
    });
  }

  const ids = [...new Set(rows.map((r) => r.indicatorId))];
  const existing = ids.length
    ? new Map(
        (await ctx.db.selectFrom('indicator_observation').select(['indicator_id', 'division_code', 'period', 'value', 'source', 'reliability', 'note']).where('indicator_id', 'in', ids).execute()).map((o) => [
          `${o.indicator_id}|${o.division_code}|${o.period}`,
          o,
        ]),
      )
    : new Map();
  const out: ObservationImportRow[] = rows.map((r) => {
    const prev = existing.get(`${r.indicatorId}|${r.divisionCode}|${r.period}`);
    const prevValue = prev?.value === null || prev?.value === undefined ? null : Number(prev.value);
    const same = prev && prevValue === r.value && prev.source === r.source && prev.reliability === r.reliability && prev.note === r.note;
    return { ...r, action: !prev ? 'insert' : same ? 'unchanged' : 'update', previous: prevValue };
  });
  const count = (a: ObservationImportRow['action']) => out.filter((r) => r.action === a).length;
  return {
    format: grid.format,
    encoding: grid.encoding,
    sheetName: grid.sheetName,
    headerRow: headerRow + 1,
    columns: Object.fromEntries(Object.entries(columns).map(([f, c]) => [f, columnLetter(c + 1)])),
    rows: out,
    problems,
    counts: { insert: count('insert'), update: count('update'), unchanged: count('unchanged') },
  };
}

/** Writes every row of the file in one transaction, or nothing while any problem is left. */
export async function applyObservationImport(ctx: ServiceContext, actor: Actor, file: Buffer, opts: { indicatorId?: string | undefined }, lang: ExplainLang) {
  const preview = await previewObservationImport(ctx, file, opts, lang);
  if (preview.problems.length) throw new DomainError('IMPORT_BLOCKED', { problems: preview.problems });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const at = nowIso(ctx);
    const changes = preview.rows.filter((r) => r.action !== 'unchanged');
    for (const r of changes) {
      const values = { value: r.value, source: r.source, reliability: r.reliability, note: r.note, entered_by: actor.userId, user_edited: 1, updated_at: at };
      if (r.action === 'insert') {
        await tx.insertInto('indicator_observation').values({ id: randomUUID(), indicator_id: r.indicatorId, division_code: r.divisionCode, period: r.period, ...values, origin: 'import', version: 1, created_at: at }).execute();
      } else {
        await tx
          .updateTable('indicator_observation')
          .set((eb) => ({ ...values, origin: 'import', version: eb('version', '+', 1) }))
          .where('indicator_id', '=', r.indicatorId)
          .where('division_code', '=', r.divisionCode)
          .where('period', '=', r.period)
          .execute();
      }
    }
    for (const id of new Set(changes.map((r) => r.indicatorId))) {
      const mine = changes.filter((r) => r.indicatorId === id);
      await audit(
        'indicator.observation_import',
        'indicator',
        id,
        mine.filter((r) => r.action === 'update').map((r) => ({ divisionCode: r.divisionCode, period: r.period, value: r.previous })),
        { format: preview.format, encoding: preview.encoding, rows: mine.map((r) => ({ divisionCode: r.divisionCode, period: r.period, value: r.value, source: r.source })) },
      );
    }
    return { inserted: preview.counts.insert, updated: preview.counts.update, unchanged: preview.counts.unchanged };
  });
}
