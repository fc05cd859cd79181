import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain';
import { writeJson, toFlag } from '../db/json';
import { findUnit, listUnits as selectUnits, toUnit, type Side, type Unit, type UnitFilter, type UnitKind, type UnitSort } from '../db/queries/units';
import type { Executor } from '../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from './context';
import type { PageRequest } from './paging';
import { writeVersioned } from './versioned-update';

export interface UnitInput {
  name: string;
  fullName?: string | undefined;
  kind: UnitKind;
  side: Side;
  parentId?: string | null | undefined;
  divisionCode?: string | null | undefined;
  aliases?: string[] | undefined;
}

export async function listUnits(ctx: ServiceContext, filter: UnitFilter, page: PageRequest<UnitSort>) {
  return selectUnits(ctx.db, filter, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize, sort: page.sort ?? 'order', order: page.order });
}

export async function getUnit(ctx: ServiceContext, unitId: string): Promise<Unit> {
  const row = await findUnit(ctx.db, unitId);
  if (!row) throw new DomainError('UNIT_NOT_FOUND', { unitId });
  return toUnit(row);
}

async function assertNameFree(db: Executor, name: string, exceptId?: string) {
  let q = db.selectFrom('unit').select('id').where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new DomainError('UNIT_EXISTS', { name });
}

async function assertParent(db: Executor, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId) throw new DomainError('NODE_CYCLE', { parentId });
  // Walk up from the new parent: a unit may not end up under its own subtree.
  let cursor: string | null = parentId;
  const seen = new Set<string>();
  while (cursor) {
    if (cursor === selfId || seen.has(cursor)) throw new DomainError('NODE_CYCLE', { parentId });
    seen.add(cursor);
    const row: { parent_id: string | null } | undefined = await db.selectFrom('unit').select('parent_id').where('id', '=', cursor).executeTakeFirst();
    if (!row) throw new DomainError('UNIT_NOT_FOUND', { unitId: cursor });
    cursor = row.parent_id;
  }
}

export async function createUnit(ctx: ServiceContext, actor: Actor, input: UnitInput): Promise<Unit> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await assertNameFree(tx, input.name);
    await assertParent(tx, input.parentId);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('unit')
      .values({
        id,
        key: null,
        name: input.name,
        full_name: input.fullName || input.name,
        kind: input.kind,
        side: input.side,
        parent_id: input.parentId ?? null,
        division_code: input.divisionCode ?? null,
        aliases: writeJson(input.aliases ?? []),
        active: 1,
        sort_order: 10_000,
        source: null,
        user_edited: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const unit = toUnit((await findUnit(tx, id))!);
    await audit('unit.create', 'unit', id, null, unit);
    return unit;
  });
}

export async function updateUnit(
  ctx: ServiceContext,
  actor: Actor,
  unitId: string,
  input: Partial<UnitInput> & { version: number; active?: boolean | undefined },
): Promise<Unit> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const row = await findUnit(tx, unitId);
    if (!row) throw new DomainError('UNIT_NOT_FOUND', { unitId });
    if (Number(row.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { unitId });
    if (input.name !== undefined) await assertNameFree(tx, input.name, unitId);
    if (input.parentId !== undefined) await assertParent(tx, input.parentId, unitId);
    const before = toUnit(row);
    await writeVersioned(
      tx
        .updateTable('unit')
        .set({
          ...(input.name !== undefined && { name: input.name }),
          ...(input.fullName !== undefined && { full_name: input.fullName }),
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.side !== undefined && { side: input.side }),
          ...(input.parentId !== undefined && { parent_id: input.parentId }),
          ...(input.divisionCode !== undefined && { division_code: input.divisionCode }),
          ...(input.aliases !== undefined && { aliases: writeJson(input.aliases) }),
          ...(input.active !== undefined && { active: toFlag(input.active) }),
          user_edited: 1,
          version: input.version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', unitId)
        .where('version', '=', input.version),
      { unitId },
    );
    const unit = toUnit((await findUnit(tx, unitId))!);
    await audit('unit.update', 'unit', unitId, before, unit);
    return unit;
  });
}
