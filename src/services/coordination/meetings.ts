import { randomUUID } from 'node:crypto';
import { DomainError, type ExplainLang } from '../../domain';
import { readJson, writeJson } from '../../db/json';
import { containsText } from '../../db/queries/like';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requirePlan } from '../plan/read-plan';
import { addSourcedTask, countSourced, countSourcedBySource, isOpen, listSourcedTasks, type SourceCounts, type SourcedTask, type SourcedTaskInput } from './sourced-task';
import { writeVersioned } from '../versioned-update';

export const MEETING_LAYERS = ['decision', 'coordination', 'execution'] as const;
export type MeetingLayer = (typeof MEETING_LAYERS)[number];

export interface Meeting {
  id: string;
  planId: string;
  layer: MeetingLayer;
  title: string;
  heldOn: string;
  place: string | null;
  /** The joint meeting, leading group or working group that met; meetings of one body follow each other. */
  body: string;
  unitIds: string[];
  agenda: string | null;
  minutes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingFields {
  layer: MeetingLayer;
  title: string;
  heldOn: string;
  place: string | null;
  body: string;
  unitIds: string[];
  agenda: string | null;
  minutes: string | null;
}

export interface MeetingFilter {
  layer?: MeetingLayer | undefined;
  body?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface MeetingDetail extends Meeting {
  decisions: SourcedTask[];
  counts: SourceCounts;
  /** The previous meeting of the same body and what it decided that is still open. */
  previous: { meeting: Meeting; openDecisions: SourcedTask[] } | null;
}

type MeetingRow = { id: string; plan_id: string; layer: string; title: string; held_on: string; place: string | null; body: string; unit_ids: string; agenda: string | null; minutes: string | null; version: number; created_at: string; updated_at: string };

function toMeeting(r: MeetingRow): Meeting {
  return {
    id: r.id,
    planId: r.plan_id,
    layer: r.layer as MeetingLayer,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    body: r.body,
    unitIds: readJson<string[]>(r.unit_ids, []),
    agenda: r.agenda,
    minutes: r.minutes,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function requireMeeting(db: Executor, id: string, version?: number): Promise<Meeting> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('MEETING_NOT_FOUND', { meetingId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { meetingId: id, expected: version, actual: Number(row.version) });
  return toMeeting(row);
}

async function assertUnits(db: Executor, unitIds: string[]) {
  if (!unitIds.length) return;
  const found = await db.selectFrom('unit').select('id').where('id', 'in', unitIds).execute();
  const missing = unitIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new DomainError('UNIT_NOT_FOUND', { unitIds: missing });
}

/** The register, newest first, each meeting with its decisions done / on track / late (one query for the page's decisions). */
export async function listMeetings(ctx: ServiceContext, planId: string, f: MeetingFilter, page: { page: number; pageSize: number }): Promise<Page<Meeting & { counts: SourceCounts }>> {
  await requirePlan(ctx.db, planId);
  let q = ctx.db.selectFrom('meeting').where('plan_id', '=', planId);
  if (f.layer) q = q.where('layer', '=', f.layer);
  if (f.body) q = q.where((eb) => containsText(eb.ref('body'), f.body!));
  if (f.from) q = q.where('held_on', '>=', f.from);
  if (f.to) q = q.where('held_on', '<=', f.to);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('held_on', 'desc').orderBy('created_at', 'desc').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
  ]);
  const counts = await countSourcedBySource(ctx, planId, 'meeting_decision', rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...toMeeting(r), counts: counts.get(r.id)! })), total: Number(n), page: page.page, pageSize: page.pageSize };
}

export async function createMeeting(ctx: ServiceContext, actor: Actor, planId: string, input: MeetingFields): Promise<Meeting> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    const unitIds = [...new Set(input.unitIds)];
    await assertUnits(tx, unitIds);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('meeting')
      .values({ id, plan_id: planId, layer: input.layer, title: input.title, held_on: input.heldOn, place: input.place, body: input.body, unit_ids: writeJson(unitIds), agenda: input.agenda, minutes: input.minutes, created_at: at, updated_at: at })
      .execute();
    const meeting = await requireMeeting(tx, id);
    await audit('meeting.create', 'meeting', id, null, input);
    return meeting;
  });
}

export async function updateMeeting(ctx: ServiceContext, actor: Actor, id: string, input: Partial<MeetingFields> & { version: number }): Promise<Meeting> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireMeeting(tx, id, input.version);
    if (input.unitIds) await assertUnits(tx, input.unitIds);
    const { version, ...patch } = input;
    await writeVersioned(
      tx
        .updateTable('meeting')
        .set({
          ...(patch.layer !== undefined && { layer: patch.layer }),
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.heldOn !== undefined && { held_on: patch.heldOn }),
          ...(patch.place !== undefined && { place: patch.place }),
          ...(patch.body !== undefined && { body: patch.body }),
          ...(patch.unitIds !== undefined && { unit_ids: writeJson([...new Set(patch.unitIds)]) }),
          ...(patch.agenda !== undefined && { agenda: patch.agenda }),
          ...(patch.minutes !== undefined && { minutes: patch.minutes }),
          version: version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', version),
      { meetingId: id },
    );
    const after = await requireMeeting(tx, id);
    const changed = Object.keys(patch) as (keyof MeetingFields)[];
    await audit('meeting.update', 'meeting', id, Object.fromEntries(changed.map((k) => [k, before[k]])), patch);
    return after;
  });
}

/** A meeting's follow-up page: its decisions with status and evidence, and the previous meeting's open ones. */
export async function getMeeting(ctx: ServiceContext, id: string, lang: ExplainLang): Promise<MeetingDetail> {
  const meeting = await requireMeeting(ctx.db, id);
  const prevRow = await ctx.db
    .selectFrom('meeting')
    .selectAll()
    .where('plan_id', '=', meeting.planId)
    .where('body', '=', meeting.body)
    .where('id', '!=', meeting.id)
    .where((eb) => eb.or([eb('held_on', '<', meeting.heldOn), eb.and([eb('held_on', '=', meeting.heldOn), eb('created_at', '<', meeting.createdAt)])]))
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const previous = prevRow ? toMeeting(prevRow) : null;
  const tasks = await listSourcedTasks(ctx, meeting.planId, 'meeting_decision', previous ? [meeting.id, previous.id] : [meeting.id], lang);
  const decisions = tasks.get(meeting.id) ?? [];
  return {
    ...meeting,
    decisions,
    counts: countSourced(decisions),
    previous: previous ? { meeting: previous, openDecisions: (tasks.get(previous.id) ?? []).filter(isOpen) } : null,
  };
}

/** One decision (议定事项) of a meeting becomes a tracked task linked back to it. */
export async function addDecision(ctx: ServiceContext, actor: Actor, meetingId: string, input: SourcedTaskInput, lang: ExplainLang): Promise<SourcedTask> {
  const { meeting, nodeId } = await inTransaction(ctx, actor, async (tx, audit) => {
    const meeting = await requireMeeting(tx, meetingId);
    const nodeId = await addSourcedTask(ctx, tx, actor, meeting.planId, input, { kind: 'meeting_decision', id: meeting.id, startOn: meeting.heldOn });
    await audit('meeting.decision_add', 'meeting', meeting.id, null, { nodeId, title: input.title, dueOn: input.dueOn ?? null, closureEvidence: input.closureEvidence });
    return { meeting, nodeId };
  });
  const tasks = (await listSourcedTasks(ctx, meeting.planId, 'meeting_decision', [meeting.id], lang)).get(meeting.id)!;
  return tasks.find((t) => t.nodeId === nodeId)!;
}
