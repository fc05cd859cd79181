import { createHash, randomUUID } from 'node:crypto';
import {
  cycleLabelInEnglish,
  BULLETIN_SECTION_KEYS,
  buildBulletinContent,
  bulletinNumber,
  defaultSections,
  DomainError,
  scopeOf,
  type BulletinContent,
  type BulletinSections,
  type BulletinSnapshot,
} from '../../domain';
import { readJson, writeJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import { BULLETIN_MIME, type BulletinFormat } from '../../documents/bulletin/formats';

// The writers pull in docx, pdfmake, the CJK font and the chart renderer (~40 MB resident): a process loads
// them when it first writes a bulletin, not at start (the server bundle is split so this stays lazy).
const writeBulletinFiles: typeof import('../../documents/bulletin').writeBulletinFiles = async (...args) => (await import('../../documents/bulletin')).writeBulletinFiles(...args);
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requirePlan } from '../plan/read-plan';
import { todayInChina } from '../status/plan-status';
import { gatherBulletinSnapshot } from './gather-snapshot';
import { writeVersioned } from '../versioned-update';

export type BulletinState = 'draft' | 'published';
export const DEFAULT_ISSUING_BODY = '四川省推动成渝地区双城经济圈建设工作领导小组办公室';

export interface Bulletin {
  id: string;
  planId: string;
  cycleId: string;
  cycleLabel: string;
  cycleLabelEn: string;
  number: string;
  title: string;
  issuingBody: string;
  state: BulletinState;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface BulletinDetail extends Bulletin {
  /** The wording as it will print: the office's text where edited, the default elsewhere. */
  sections: BulletinSections;
  defaults: BulletinSections;
  /** The day the frozen (or draft) data was computed for. */
  asOf: string;
  content: BulletinContent;
  files: { format: BulletinFormat; fileName: string; size: number; sha256: string }[];
}

export interface BulletinFields {
  number?: string | undefined;
  title?: string | undefined;
  issuingBody?: string | undefined;
  sections?: Partial<BulletinSections> | undefined;
}

// Every bulletin is written with its snapshot (the column is NOT NULL).
const snapshotOf = (r: { snapshot: string }) => JSON.parse(r.snapshot) as BulletinSnapshot;

const canManage = (actor: Actor) => scopeOf(actor.roles, 'bulletin:manage') !== null;

function baseQuery(db: Executor) {
  return db
    .selectFrom('bulletin as b')
    .innerJoin('cycle as c', 'c.id', 'b.cycle_id')
    .leftJoin('app_user as u', 'u.id', 'b.published_by')
    .select(['b.id', 'b.plan_id', 'b.cycle_id', 'c.label as cycle_label', 'b.number', 'b.title', 'b.issuing_body', 'b.state', 'b.version', 'b.created_at', 'b.updated_at', 'b.published_at', 'u.display_name as published_by_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toBulletin = (r: Row): Bulletin => ({
  id: r.id,
  planId: r.plan_id,
  cycleId: r.cycle_id,
  cycleLabel: r.cycle_label,
  cycleLabelEn: cycleLabelInEnglish(r.cycle_label),
  number: r.number,
  title: r.title,
  issuingBody: r.issuing_body,
  state: r.state as BulletinState,
  version: Number(r.version),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
  publishedBy: r.published_by_name ?? null,
});

/** A bulletin as its reader may see it: drafts exist only for those who manage bulletins. */
async function requireBulletin(db: Executor, id: string, actor: Actor | null, version?: number) {
  const row = await db.selectFrom('bulletin').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (actor && row.state !== 'published' && !canManage(actor))) throw new DomainError('BULLETIN_NOT_FOUND', { bulletinId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { bulletinId: id, expected: version, actual: Number(row.version) });
  return row;
}

async function requireDraft(db: Executor, id: string, version: number) {
  const row = await requireBulletin(db, id, null);
  // Immutability first: a stale save of a published bulletin is still refused because it is published.
  if (row.state === 'published') throw new DomainError('BULLETIN_PUBLISHED', { bulletinId: id });
  if (Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { bulletinId: id, expected: version, actual: Number(row.version) });
  return row;
}

// 成文日期 is the Beijing day of publication (a bulletin published at 20:00 UTC is dated the next day).
const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

const metaOf = (r: { number: string; title: string; issuing_body: string; published_at: string | null }, today: string) => ({
  number: r.number,
  title: r.title,
  issuingBody: r.issuing_body,
  issuedOn: r.published_at ? beijingDay(r.published_at) : today,
});

export async function getBulletin(ctx: ServiceContext, actor: Actor, id: string): Promise<BulletinDetail> {
  const row = await requireBulletin(ctx.db, id, actor);
  const [view, files] = await Promise.all([
    baseQuery(ctx.db).where('b.id', '=', id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('bulletin_file').select(['format', 'file_name', 'size', 'sha256']).where('bulletin_id', '=', id).execute(),
  ]);
  const snapshot = snapshotOf(row);
  const edited = readJson<Partial<BulletinSections>>(row.sections, {});
  const defaults = defaultSections(snapshot);
  const sections = Object.fromEntries(BULLETIN_SECTION_KEYS.map((k) => [k, edited[k] ?? defaults[k]])) as BulletinSections;
  const order: BulletinFormat[] = ['docx', 'pdf', 'xlsx'];
  return {
    ...toBulletin(view),
    sections,
    defaults,
    asOf: snapshot.asOf,
    content: buildBulletinContent(snapshot, metaOf(row, todayInChina(ctx)), edited),
    files: files
      .map((f) => ({ format: f.format as BulletinFormat, fileName: f.file_name, size: Number(f.size), sha256: f.sha256 }))
      .sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format)),
  };
}

export interface BulletinFilter {
  state?: BulletinState | undefined;
  cycleId?: string | undefined;
}

export async function listBulletins(ctx: ServiceContext, actor: Actor, planId: string, f: BulletinFilter, page: { page: number; pageSize: number }): Promise<Page<Bulletin>> {
  await requirePlan(ctx.db, planId);
  let q = baseQuery(ctx.db).where('b.plan_id', '=', planId);
  // Readers without bulletin:manage see what has been issued, never a draft.
  const state = canManage(actor) ? f.state : 'published';
  if (f.state && state !== f.state) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  if (state) q = q.where('b.state', '=', state);
  if (f.cycleId) q = q.where('b.cycle_id', '=', f.cycleId);
  const [{ n }, rows] = await Promise.all([
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.orderBy('b.created_at', 'desc').orderBy('b.id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
  ]);
  return { items: rows.map(toBulletin), total: Number(n), page: page.page, pageSize: page.pageSize };
}

/** The next 文号 of the year: one more than the plan's bulletins of that year so far. */
async function nextNumber(db: Executor, planId: string, year: number): Promise<string> {
  const rows = await db.selectFrom('bulletin').select('number').where('plan_id', '=', planId).where('number', 'like', `〔${year}〕%`).execute();
  const highest = rows.reduce((max, r) => Math.max(max, Number(/〔\d+〕(\d+)号/.exec(r.number)?.[1] ?? 0)), 0);
  return bulletinNumber(year, highest + 1);
}

/** Drafts a bulletin for a reporting cycle from live data, with the default wording for the office to edit. */
export async function generateBulletin(ctx: ServiceContext, actor: Actor, planId: string, input: BulletinFields & { cycleId: string }): Promise<BulletinDetail> {
  await requirePlan(ctx.db, planId);
  const snapshot = await gatherBulletinSnapshot(ctx, planId, input.cycleId);
  const id = await inTransaction(ctx, actor, async (tx, audit) => {
    const id = randomUUID();
    const at = nowIso(ctx);
    const number = input.number ?? (await nextNumber(tx, planId, Number(todayInChina(ctx).slice(0, 4))));
    const title = input.title ?? `关于${snapshot.cycle.label}成渝地区双城经济圈建设重点任务推进情况的通报`;
    const issuingBody = input.issuingBody ?? DEFAULT_ISSUING_BODY;
    await tx
      .insertInto('bulletin')
      .values({ id, plan_id: planId, cycle_id: input.cycleId, number, title, issuing_body: issuingBody, sections: writeJson(input.sections ?? {}), snapshot: writeJson(snapshot), created_by: actor.userId, created_at: at, updated_at: at })
      .execute();
    await audit('bulletin.generate', 'bulletin', id, null, { cycleId: input.cycleId, number, title, issuingBody, asOf: snapshot.asOf });
    return id;
  });
  return getBulletin(ctx, actor, id);
}

/** Edits a draft's heading fields and wording; a published bulletin refuses every edit. */
export async function updateBulletin(ctx: ServiceContext, actor: Actor, id: string, input: BulletinFields & { version: number }): Promise<BulletinDetail> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireDraft(tx, id, input.version);
    const edited = readJson<Partial<BulletinSections>>(before.sections, {});
    const sections: Partial<BulletinSections> = { ...edited, ...input.sections };
    // Wording equal to the default is not kept as the office's: it follows the data when refreshed.
    const defaults = defaultSections(snapshotOf(before));
    for (const k of BULLETIN_SECTION_KEYS) if (sections[k] === defaults[k]) delete sections[k];
    await writeVersioned(
      tx
        .updateTable('bulletin')
        .set({
          ...(input.number !== undefined && { number: input.number }),
          ...(input.title !== undefined && { title: input.title }),
          ...(input.issuingBody !== undefined && { issuing_body: input.issuingBody }),
          sections: writeJson(sections),
          version: input.version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', input.version),
      { bulletinId: id },
    );
    const { version, ...patch } = input;
    await audit('bulletin.update', 'bulletin', id, { number: before.number, title: before.title, issuingBody: before.issuing_body, sections: input.sections ? Object.fromEntries(Object.keys(input.sections).map((k) => [k, edited[k as keyof BulletinSections] ?? null])) : undefined }, patch);
  });
  return getBulletin(ctx, actor, id);
}

/** Gathers a draft's data again (reports filed since it was generated); the wording is kept. */
export async function refreshBulletin(ctx: ServiceContext, actor: Actor, id: string, version: number): Promise<BulletinDetail> {
  const current = await requireDraft(ctx.db, id, version);
  const snapshot = await gatherBulletinSnapshot(ctx, current.plan_id, current.cycle_id);
  await inTransaction(ctx, actor, async (tx, audit) => {
    await requireDraft(tx, id, version);
    await writeVersioned(tx.updateTable('bulletin').set({ snapshot: writeJson(snapshot), version: version + 1, updated_at: nowIso(ctx) }).where('id', '=', id).where('version', '=', version), { bulletinId: id });
    await audit('bulletin.refresh', 'bulletin', id, { asOf: snapshotOf(current).asOf }, { asOf: snapshot.asOf });
  });
  return getBulletin(ctx, actor, id);
}

export async function deleteDraft(ctx: ServiceContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireDraft(tx, id, version);
    await tx.deleteFrom('bulletin_download').where('bulletin_id', '=', id).execute();
    await writeVersioned(tx.deleteFrom('bulletin').where('id', '=', id).where('version', '=', version), { bulletinId: id });
    await audit('bulletin.delete', 'bulletin', id, { number: before.number, title: before.title }, null);
  });
}

const fileNameOf = (r: { number: string; title: string }, format: BulletinFormat) => `${r.title}${r.number}.${format}`.replace(/[\\/:*?"<>|]/g, '_');

/**
 * Publishes a draft: its snapshot is frozen as it is and the .docx, .pdf and .xlsx are written once and
 * stored, so every later download gives the same bytes. The files are written before the transaction
 * (a second or so of CPU) and the version check inside it refuses a publication that raced an edit.
 */
export async function publishBulletin(ctx: ServiceContext, actor: Actor, id: string, version: number): Promise<BulletinDetail> {
  const draft = await requireDraft(ctx.db, id, version);
  const at = nowIso(ctx);
  const files = await writeBulletinFiles(snapshotOf(draft), metaOf({ ...draft, published_at: at }, todayInChina(ctx)), readJson(draft.sections, {}));
  await inTransaction(ctx, actor, async (tx, audit) => {
    await requireDraft(tx, id, version);
    // Claimed first: a racing publish waits on this row and gets a 409 before it stores a second set of files.
    await writeVersioned(tx.updateTable('bulletin').set({ state: 'published', published_at: at, published_by: actor.userId, version: version + 1, updated_at: at }).where('id', '=', id).where('version', '=', version), { bulletinId: id });
    const stored = (Object.entries(files) as [BulletinFormat, Buffer][]).map(([format, content]) => ({
      id: randomUUID(),
      bulletin_id: id,
      format,
      file_name: fileNameOf(draft, format),
      mime: BULLETIN_MIME[format],
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      created_at: at,
    }));
    await tx.insertInto('bulletin_file').values(stored).execute();
    await audit('bulletin.publish', 'bulletin', id, { state: 'draft' }, { state: 'published', files: stored.map((f) => ({ format: f.format, size: f.size, sha256: f.sha256 })) });
  });
  return getBulletin(ctx, actor, id);
}

export interface BulletinFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

/**
 * A bulletin's file in one format, with the download recorded. Published: the stored file. Draft (for
 * the office only): written now from the draft, marked as a draft in the history.
 */
export async function downloadBulletin(ctx: ServiceContext, actor: Actor, id: string, format: BulletinFormat): Promise<BulletinFile> {
  const row = await requireBulletin(ctx.db, id, actor);
  let file: BulletinFile;
  if (row.state === 'published') {
    const stored = await ctx.db.selectFrom('bulletin_file').select(['file_name', 'mime', 'content']).where('bulletin_id', '=', id).where('format', '=', format).executeTakeFirst();
    if (!stored) throw new DomainError('BULLETIN_NOT_FOUND', { bulletinId: id, format });
    file = { fileName: stored.file_name, mime: stored.mime, content: Buffer.from(stored.content) };
  } else {
    const files = await writeBulletinFiles(snapshotOf(row), metaOf(row, todayInChina(ctx)), readJson(row.sections, {}));
    file = { fileName: `（草稿）${fileNameOf(row, format)}`, mime: BULLETIN_MIME[format], content: files[format] };
  }
  await inTransaction(ctx, actor, async (tx, audit) => {
    const draft = row.state !== 'published';
    await tx
      .insertInto('bulletin_download')
      .values({ id: randomUUID(), bulletin_id: id, format, user_id: actor.userId, user_name: actor.username, unit_id: actor.unitId, draft: draft ? 1 : 0, at: nowIso(ctx) })
      .execute();
    await audit('bulletin.download', 'bulletin', id, null, { format, draft });
  });
  return file;
}

export interface BulletinDownload {
  format: BulletinFormat;
  userName: string;
  displayName: string | null;
  unitName: string | null;
  draft: boolean;
  at: string;
}

export async function listDownloads(ctx: ServiceContext, actor: Actor, id: string, page: { page: number; pageSize: number }): Promise<Page<BulletinDownload>> {
  await requireBulletin(ctx.db, id, actor);
  const q = ctx.db.selectFrom('bulletin_download as d').where('d.bulletin_id', '=', id);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q
      .leftJoin('app_user as u', 'u.id', 'd.user_id')
      .leftJoin('unit', 'unit.id', 'd.unit_id')
      .select(['d.format', 'd.user_name', 'u.display_name', 'unit.name as unit_name', 'd.draft', 'd.at'])
      .orderBy('d.at', 'desc')
      .orderBy('d.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map((r) => ({ format: r.format as BulletinFormat, userName: r.user_name, displayName: r.display_name, unitName: r.unit_name, draft: Boolean(r.draft), at: r.at })),
    total: Number(n),
    page: page.page,
    pageSize: page.pageSize,
  };
}
