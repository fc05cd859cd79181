import { fromFlag, readJson } from '../json';
import type { Executor, UnitRow } from '../schema';
import { containsText } from './like';

export type UnitKind = 'office' | 'department' | 'central' | 'city' | 'county' | 'enterprise' | 'other';
export type Side = 'sichuan' | 'chongqing';

export interface Unit {
  id: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  side: Side;
  parentId: string | null;
  divisionCode: string | null;
  aliases: string[];
  active: boolean;
  version: number;
}

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    fullName: r.full_name,
    kind: r.kind as UnitKind,
    side: r.side as Side,
    parentId: r.parent_id,
    divisionCode: r.division_code,
    aliases: readJson<string[]>(r.aliases, []),
    active: fromFlag(r.active),
    version: Number(r.version),
  };
}

export interface UnitFilter {
  q?: string | undefined;
  kind?: UnitKind | undefined;
  side?: Side | undefined;
  active?: boolean | undefined;
}

const UNIT_SORT = { name: 'name', kind: 'kind', side: 'side', updatedAt: 'updated_at', order: 'sort_order' } as const;
export type UnitSort = keyof typeof UNIT_SORT;

export async function listUnits(
  db: Executor,
  f: UnitFilter,
  page: { offset: number; limit: number; sort: UnitSort; order: 'asc' | 'desc' },
) {
  let q = db.selectFrom('unit');
  if (f.q) {
    const needle = f.q;
    q = q.where((eb) => eb.or([containsText(eb.ref('name'), needle), containsText(eb.ref('full_name'), needle), containsText(eb.ref('aliases'), needle)]));
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.side) q = q.where('side', '=', f.side);
  if (f.active !== undefined) q = q.where('active', '=', f.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy(UNIT_SORT[page.sort], page.order).orderBy('name').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toUnit), total: Number(count.n) };
}

export async function findUnit(db: Executor, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}
