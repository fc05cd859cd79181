import { randomUUID } from 'node:crypto';
import { Workbook } from '../../documents/exceljs-workbook';
import { DomainError, type ExplainLang } from '../../domain';
import { toXlsxBuffer } from '../../documents/xlsx-safety';
import { fromFlag, readJson, toFlag, writeJson } from '../../db/json';
import { containsText } from '../../db/queries/like';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requirePlan } from '../plan/read-plan';
import { assertProjects, projectsOf, setProjectLinks, type ProjectRef } from './project-links';
import { addSourcedTask, listSourcedTasks, type SourcedTask, type SourcedTaskInput } from './sourced-task';
import { writeVersioned } from '../versioned-update';

export const REQUEST_TYPES = ['policy', 'project', 'funds', 'pilot', 'plan_approval'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_STATUSES = ['drafting', 'submitted', 'under_consideration', 'approved', 'partly_approved', 'not_approved'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const TYPE_ZH: Record<RequestType, string> = { policy: '政策', project: '项目', funds: '资金', pilot: '试点', plan_approval: '规划审批' };
const STATUS_ZH: Record<RequestStatus, string> = {
  drafting: '起草中',
  submitted: '已报送',
  under_consideration: '审议中',
  approved: '已批复',
  partly_approved: '部分批复',
  not_approved: '未获批',
};

export interface NationalRequestFields {
  title: string;
  type: RequestType;
  /** The ministry or body asked (国家发展改革委, 财政部 …). */
  addressedTo: string;
  leadUnitId: string;
  jointWithChongqing: boolean;
  submittedOn: string | null;
  status: RequestStatus;
  outcome: string | null;
  documents: string | null;
  /** The plan's tasks the request serves. */
  nodeIds: string[];
  /** The major projects (project library ids) it serves. */
  projectIds: string[];
}

export interface NationalRequest extends NationalRequestFields {
  id: string;
  planId: string;
  leadUnitName: string;
  nodes: { id: string; code: string; title: string }[];
  projects: ProjectRef[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NationalRequestFilter {
  type?: RequestType | undefined;
  status?: RequestStatus | undefined;
  leadUnitId?: string | undefined;
  joint?: boolean | undefined;
  q?: string | undefined;
}

function select(db: Executor) {
  return db
    .selectFrom('national_request as r')
    .innerJoin('unit', 'unit.id', 'r.lead_unit_id')
    .selectAll('r')
    .select('unit.name as lead_unit_name');
}
type RequestRow = NonNullable<Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirst']>>>;

type RequestCore = Omit<NationalRequest, 'nodes' | 'projects'>;

function toRequest(r: RequestRow): RequestCore {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    type: r.type as RequestType,
    addressedTo: r.addressed_to,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name,
    jointWithChongqing: fromFlag(r.joint_with_chongqing),
    submittedOn: r.submitted_on,
    status: r.status as RequestStatus,
    outcome: r.outcome,
    documents: r.documents,
    nodeIds: readJson<string[]>(r.node_ids, []),
    projectIds: [],
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Adds the linked tasks (code, title) and projects of a page of requests: two queries, whatever the page size. */
async function withLinks(db: Executor, planId: string, list: RequestCore[]): Promise<NationalRequest[]> {
  const nodeIds = [...new Set(list.flatMap((r) => r.nodeIds))];
  const [nodes, projects] = await Promise.all([
    nodeIds.length
      ? db.selectFrom('plan_node').select(['id', 'code', 'title']).where('plan_id', '=', planId).where('id', 'in', nodeIds).where('deleted_at', 'is', null).execute()
      : Promise.resolve([]),
    projectsOf(db, 'national_request_project', list.map((r) => r.id)),
  ]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return list.map((r) => {
    const linked = projects.get(r.id) ?? [];
    return {
      ...r,
      // a deleted task drops out of the links it was named in
      nodes: r.nodeIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      projectIds: linked.map((p) => p.id),
      projects: linked,
    };
  });
}

export async function requireRequest(db: Executor, id: string, version?: number): Promise<NationalRequest> {
  const row = await select(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('NATIONAL_REQUEST_NOT_FOUND', { requestId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { requestId: id, expected: version, actual: Number(row.version) });
  return (await withLinks(db, row.plan_id, [toRequest(row)]))[0]!;
}

async function assertRefs(db: Executor, planId: string, input: Partial<NationalRequestFields>) {
  if (input.leadUnitId) {
    const unit = await db.selectFrom('unit').select('id').where('id', '=', input.leadUnitId).executeTakeFirst();
    if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitIds: [input.leadUnitId] });
  }
  if (input.nodeIds?.length) {
    const found = await db.selectFrom('plan_node').select('id').where('plan_id', '=', planId).where('id', 'in', input.nodeIds).where('deleted_at', 'is', null).execute();
    const missing = input.nodeIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new DomainError('NODE_NOT_FOUND', { nodeIds: missing });
  }
  if (input.projectIds) await assertProjects(db, input.projectIds);
}

function filtered(ctx: ServiceContext, planId: string, f: NationalRequestFilter) {
  let q = select(ctx.db).where('r.plan_id', '=', planId);
  if (f.type) q = q.where('r.type', '=', f.type);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.leadUnitId) q = q.where('r.lead_unit_id', '=', f.leadUnitId);
  if (f.joint !== undefined) q = q.where('r.joint_with_chongqing', '=', toFlag(f.joint));
  if (f.q) q = q.where((eb) => eb.or([containsText(eb.ref('r.title'), f.q!), containsText(eb.ref('r.addressed_to'), f.q!)]));
  return q.orderBy('r.created_at', 'desc').orderBy('r.id');
}

export async function listRequests(ctx: ServiceContext, planId: string, f: NationalRequestFilter, page: { page: number; pageSize: number }): Promise<Page<NationalRequest>> {
  await requirePlan(ctx.db, planId);
  const rows = await filtered(ctx, planId, f).execute();
  const start = (page.page - 1) * page.pageSize;
  return { items: await withLinks(ctx.db, planId, rows.slice(start, start + page.pageSize).map(toRequest)), total: rows.length, page: page.page, pageSize: page.pageSize };
}

/** For the cockpit: how many requests stand at each status, every status present. */
export async function countRequests(ctx: ServiceContext, planId: string) {
  await requirePlan(ctx.db, planId);
  const rows = await ctx.db.selectFrom('national_request').select(['status', (eb) => eb.fn.countAll().as('n')]).where('plan_id', '=', planId).groupBy('status').execute();
  const byStatus = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<RequestStatus, number>;
  for (const r of rows) if (r.status in byStatus) byStatus[r.status as RequestStatus] = Number(r.n);
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}

export async function getRequest(ctx: ServiceContext, id: string, lang: ExplainLang): Promise<NationalRequest & { tasks: SourcedTask[] }> {
  const r = await requireRequest(ctx.db, id);
  const tasks = (await listSourcedTasks(ctx, r.planId, 'national_request', [r.id], lang)).get(r.id) ?? [];
  return { ...r, tasks };
}

export async function createRequest(ctx: ServiceContext, actor: Actor, planId: string, input: NationalRequestFields): Promise<NationalRequest> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    await assertRefs(tx, planId, input);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('national_request')
      .values({
        id, plan_id: planId, title: input.title, type: input.type, addressed_to: input.addressedTo, lead_unit_id: input.leadUnitId,
        joint_with_chongqing: toFlag(input.jointWithChongqing), submitted_on: input.submittedOn, status: input.status, outcome: input.outcome,
        documents: input.documents, node_ids: writeJson([...new Set(input.nodeIds)]), created_at: at, updated_at: at,
      })
      .execute();
    await setProjectLinks(tx, 'national_request_project', id, input.projectIds);
    await audit('national_request.create', 'national_request', id, null, input);
    return requireRequest(tx, id);
  });
}

export async function updateRequest(ctx: ServiceContext, actor: Actor, id: string, input: Partial<NationalRequestFields> & { version: number }): Promise<NationalRequest> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requireRequest(tx, id, input.version);
    const { version, ...patch } = input;
    await assertRefs(tx, before.planId, patch);
    await writeVersioned(
      tx
        .updateTable('national_request')
        .set({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.type !== undefined && { type: patch.type }),
          ...(patch.addressedTo !== undefined && { addressed_to: patch.addressedTo }),
          ...(patch.leadUnitId !== undefined && { lead_unit_id: patch.leadUnitId }),
          ...(patch.jointWithChongqing !== undefined && { joint_with_chongqing: toFlag(patch.jointWithChongqing) }),
          ...(patch.submittedOn !== undefined && { submitted_on: patch.submittedOn }),
          ...(patch.status !== undefined && { status: patch.status }),
          ...(patch.outcome !== undefined && { outcome: patch.outcome }),
          ...(patch.documents !== undefined && { documents: patch.documents }),
          ...(patch.nodeIds !== undefined && { node_ids: writeJson([...new Set(patch.nodeIds)]) }),
          version: version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', version),
      { requestId: id },
    );
    if (patch.projectIds !== undefined) await setProjectLinks(tx, 'national_request_project', id, patch.projectIds);
    const changed = Object.keys(patch) as (keyof NationalRequestFields)[];
    await audit('national_request.update', 'national_request', id, Object.fromEntries(changed.map((k) => [k, before[k]])), patch);
    return requireRequest(tx, id);
  });
}

/** Work the province does to get the request through becomes a tracked task linked back to it. */
export async function addRequestTask(ctx: ServiceContext, actor: Actor, requestId: string, input: SourcedTaskInput, lang: ExplainLang): Promise<SourcedTask> {
  const { planId, nodeId } = await inTransaction(ctx, actor, async (tx, audit) => {
    const r = await requireRequest(tx, requestId);
    const nodeId = await addSourcedTask(ctx, tx, actor, r.planId, input, { kind: 'national_request', id: r.id, startOn: null });
    await audit('national_request.task_add', 'national_request', r.id, null, { nodeId, title: input.title, dueOn: input.dueOn ?? null });
    return { planId: r.planId, nodeId };
  });
  return (await listSourcedTasks(ctx, planId, 'national_request', [requestId], lang)).get(requestId)!.find((t) => t.nodeId === nodeId)!;
}

/** The register as filtered, as an xlsx the office can circulate. */
export async function exportRequests(ctx: ServiceContext, planId: string, f: NationalRequestFilter): Promise<{ fileName: string; content: Buffer }> {
  await requirePlan(ctx.db, planId);
  const rows = await withLinks(ctx.db, planId, (await filtered(ctx, planId, f).execute()).map(toRequest));
  const wb = new Workbook();
  const ws = wb.addWorksheet('向上争取事项');
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '事项名称', width: 40 },
    { header: '类型', width: 10 },
    { header: '报送对象', width: 20 },
    { header: '牵头单位', width: 18 },
    { header: '是否联合重庆', width: 12 },
    { header: '报送日期', width: 12 },
    { header: '状态', width: 10 },
    { header: '结果', width: 30 },
    { header: '服务任务', width: 20 },
    { header: '服务项目', width: 30 },
  ];
  rows.forEach((r, i) =>
    ws.addRow([i + 1, r.title, TYPE_ZH[r.type], r.addressedTo, r.leadUnitName, r.jointWithChongqing ? '是' : '否', r.submittedOn ?? '', STATUS_ZH[r.status], r.outcome ?? '', r.nodes.map((n) => n.code).join('、'), r.projects.map((p) => p.title).join('、')]),
  );
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { fileName: '向上争取事项台账.xlsx', content: await toXlsxBuffer(wb) };
}
