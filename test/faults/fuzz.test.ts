import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors';
import { buildTestApp, type Client, type TestApp } from '../helpers/build-test-app';
import { testDialects } from '../helpers/test-db';
import { bodyArb, encodeSegment, hostileString, paramArb, validArb, type JsonSchema } from './openapi-arbitraries';

// Requests per run across the databases: at least 10,000 (the issue's bar). The seed is fixed so CI is
// repeatable (new routes still get fuzzed: each route × caller pair draws its own samples); FUZZ_SEED=random
// explores, FUZZ_SEED=<n> replays a run that found something.
const DIALECTS = testDialects();
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const PER_DIALECT = Math.ceil(TOTAL / DIALECTS.length);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20_261_128);
const CALLERS = [null, 'admin', 'office1', 'lead1', 'reporter1', 'reporter2', 'viewer1'] as const;
const KNOWN_CODES = new Set<string>(ERROR_CODES);
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Ending one's own session is the route's job, so only the anonymous caller fuzzes it.
const SESSION_ENDING = new Set(['POST /api/auth/logout']);
// A failed login is meant to change state (it counts towards lockout); it is checked for 5xx and messages only.
const STATEFUL_REJECTION = new Set(['POST /api/auth/login']);

interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema?: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema?: JsonSchema }[];
  body?: JsonSchema;
  multipart: boolean;
}

interface FuzzRequest {
  op: Operation;
  caller: (typeof CALLERS)[number];
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  mutation: string;
}

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, ...(p.schema && { schema: p.schema }) })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, ...(p.schema && { schema: p.schema }) })),
        ...(content['application/json']?.schema && { body: content['application/json'].schema }),
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return ops;
}

/** One fuzzed request for an operation: path and query values, then a body broken in one way. */
function requestArb(op: Operation, caller: FuzzRequest['caller'], ids: Map<string, string[]>, allIds: string[]): fc.Arbitrary<FuzzRequest> {
  const segs = op.pathParams.map((p) => paramArb(p.schema, ids.get(p.name) ?? allIds));
  const query = op.queryParams.map((p) =>
    fc.option(fc.oneof({ weight: 3, arbitrary: validArb(p.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) }, { weight: 2, arbitrary: paramArb(p.schema, []) }), { nil: undefined, freq: p.required ? 10 : 2 }),
  );
  const extraQuery = fc.option(fc.tuple(fc.constantFrom('extra', 'page', 'pageSize', 'sort', '__proto__', 'q[]'), hostileString), { nil: undefined, freq: 4 });
  const body = op.multipart
    ? fc.oneof(
        fc.constant({ mutation: 'multipart-garbage', payload: multipart('../../etc/passwd', Buffer.from('not a workbook \u0000')), contentType: 'multipart' }),
        fc.constant({ mutation: 'multipart-no-file', payload: '--b\r\nContent-Disposition: form-data; name="options"\r\n\r\n{bad json\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' }),
        fc.constant({ mutation: 'json-to-multipart', payload: '{}', contentType: 'application/json' }),
      )
    : WRITE.has(op.method)
      ? fc.oneof(
          { weight: 12, arbitrary: bodyArb(op.body).map((b) => ({ mutation: b.mutation, payload: JSON.stringify(b.body), contentType: 'application/json' })) },
          { weight: 1, arbitrary: fc.constantFrom('{"a":', '', 'null', '\u0000', '[1,2', '{"__proto__":{"x":1}}').map((p) => ({ mutation: 'malformed-json', payload: p, contentType: 'application/json' })) },
          { weight: 1, arbitrary: fc.constant({ mutation: 'wrong-content-type', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }) },
        )
      : fc.constant({ mutation: 'none', payload: undefined, contentType: undefined });
  return fc.tuple(fc.tuple(...segs), fc.tuple(...query), extraQuery, body).map(([values, qvals, extra, b]) => {
    let i = 0;
    const path = op.path.replace(/\{(\w+)\}/g, () => encodeSegment(values[i++] ?? ''));
    const qs = op.queryParams.flatMap((p, j) => (qvals[j] === undefined ? [] : [`${encodeURIComponent(p.name)}=${encodeSegment(qvals[j]!)}`]));
    if (extra) qs.push(`${encodeURIComponent(extra[0])}=${encodeSegment(extra[1])}`);
    const req: FuzzRequest = { op, caller, url: qs.length ? `${path}?${qs.join('&')}` : path, mutation: b.mutation };
    if (b.payload !== undefined) req.payload = b.payload;
    if (b.contentType) req.contentType = b.contentType;
    return req;
  });
}

function multipart(fileName: string, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), content, Buffer.from('\r\n--b--\r\n')]);
}

describe.each(DIALECTS)('[%s] fuzzing every route from the OpenAPI document', (dialect) => {
  let t: TestApp;
  const clients = new Map<string | null, Client>();
  let ops: Operation[] = [];
  const ids = new Map<string, string[]>();
  let tables: string[] = [];

  /** Cheap fingerprint of all content: the audit chain's head and every table's row count (sessions aside). */
  async function fingerprint(): Promise<string> {
    const parts = tables.map((n) => sql`(select count(*) from ${sql.table(n)})`);
    const row = await sql<Record<string, unknown>>`select (select max(id) from audit_log) as audit, ${sql.join(parts, sql`|| ',' ||`)} as counts`.execute(t.ctx.db);
    return JSON.stringify(row.rows[0]);
  }

  async function auditHead(): Promise<unknown> {
    const row = await sql<{ audit: unknown }>`select max(id) as audit from audit_log`.execute(t.ctx.db);
    return JSON.parse(JSON.stringify(row.rows[0]!.audit));
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const c of CALLERS) clients.set(c, c ? await t.as(c) : t.anonymous);
    const office = clients.get('office1')!;
    // Real records, so fuzzed ids sometimes reach the services behind validation.
    const nodes = ((await office.get(`/api/plans/${t.planId}/nodes`)).json() as { items: { id: string; kind: string }[] }).items;
    const units = (await t.ctx.db.selectFrom('unit').select('id').limit(5).execute()).map((u) => u.id);
    const users = (await t.ctx.db.selectFrom('app_user').select('id').execute()).map((u) => u.id);
    await office.post(`/api/plans/${t.planId}/cycles`, { frequency: 'monthly', year: 2026, index: 11 });
    const cycles = (await t.ctx.db.selectFrom('cycle').select('id').execute()).map((c) => c.id);
    const reports = (await t.ctx.db.selectFrom('report').select('id').limit(5).execute()).map((r) => r.id);
    const meeting = await office.post(`/api/plans/${t.planId}/meetings`, { layer: 'decision', title: '联席会议', heldOn: '2026-10-01', body: '川渝党政联席会议' });
    const meetings = meeting.statusCode === 201 ? [(meeting.json() as { id: string }).id] : [];
    const tasks = nodes.filter((n) => n.kind === 'task').slice(0, 5).map((n) => n.id);
    ids.set('planId', [t.planId]);
    ids.set('nodeId', tasks);
    ids.set('unitId', units);
    ids.set('userId', users);
    ids.set('cycleId', cycles);
    ids.set('reportId', reports);
    ids.set('id', [...meetings, ...tasks.slice(0, 1)]);
    const doc = (await t.anonymous.get('/api/openapi.json')).json();
    ops = operationsOf(doc);
    tables = (await t.ctx.db.introspection.getTables()).map((x) => x.name).filter((n) => n !== 'session' && !n.startsWith('kysely_'));
  });
  afterAll(() => t.close());

  it(`sends ${PER_DIALECT} hostile requests (seed ${SEED}): never a 5xx, every rejection a known code with a message, no change of state on rejection`, async () => {
    expect(ops.length).toBeGreaterThanOrEqual(25);
    const allIds = [...ids.values()].flat();
    const pairs = ops.flatMap((op) => CALLERS.filter((c) => c === null || !SESSION_ENDING.has(`${op.method} ${op.path}`)).map((caller) => ({ op, caller })));
    const perPair = Math.ceil(PER_DIALECT / pairs.length);
    const failures: string[] = [];
    const stats = { sent: 0, byStatus: new Map<number, number>(), rejectedWrites: 0 };
    let pairIndex = 0;
    // The fingerprint after the last request, while nothing can have changed since (a rejection leaves state as it was).
    let known: string | null = null;
    for (const { op, caller } of pairs) {
      const samples = fc.sample(requestArb(op, caller, ids, allIds), { numRuns: perPair, seed: SEED + pairIndex++ });
      for (const r of samples) {
        const key = `${op.method} ${op.path}`;
        const check = WRITE.has(op.method) && !STATEFUL_REJECTION.has(key);
        const before: string = check ? (known ?? (await fingerprint())) : '';
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType === 'multipart' ? 'multipart/form-data; boundary=b' : r.contentType;
        const res = await clients.get(caller)!.request({ method: op.method as 'GET', url: r.url, headers, ...(r.payload !== undefined && { payload: r.payload }) });
        stats.sent++;
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        const where = `${key} as ${caller ?? 'anonymous'} [${r.mutation}] ${r.url.slice(0, 160)} → ${res.statusCode}`;
        if (res.statusCode >= 500) {
          failures.push(`${where}: ${res.body.slice(0, 300)} payload=${String(r.payload ?? '').slice(0, 300)}`);
          known = null;
          continue;
        }
        if (res.statusCode >= 400) {
          let err: { code?: unknown; message?: unknown } | undefined;
          try {
            err = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
          } catch {
            err = undefined;
          }
          if (!err || typeof err.code !== 'string' || !KNOWN_CODES.has(err.code) || typeof err.message !== 'string' || !err.message.trim()) {
            failures.push(`${where}: unclear rejection ${res.body.slice(0, 200)}`);
          }
          if (check && (res.statusCode === 401 || res.statusCode === 403)) {
            // Refused by the policy hook before any handler ran: the audit chain's head is the proof needed.
            stats.rejectedWrites++;
            const head = await auditHead();
            if (head !== JSON.parse(before).audit) failures.push(`${where}: audit grew on a refused request`);
          } else if (check) {
            stats.rejectedWrites++;
            const after = await fingerprint();
            if (after !== before) failures.push(`${where}: state changed on rejection ${before} → ${after}`);
            known = after;
          }
        }
        if (res.statusCode < 400 || STATEFUL_REJECTION.has(key)) known = null;
        // A session ended by a fuzzed admin action (deactivation, role change) is renewed where it still can be.
        if (res.statusCode === 401 && caller !== null && op.path !== '/api/auth/login') {
          known = null;
          try {
            clients.set(caller, await t.as(caller));
          } catch {
            /* the account was deactivated by an earlier fuzzed request: it keeps fuzzing as what it now is */
          }
        }
        if (failures.length > 40) break;
      }
      if (failures.length > 40) break;
    }
    // One request over the body limit per write route family is enough to prove the limit answers cleanly.
    const over = await clients.get('office1')!.request({ method: 'POST', url: `/api/plans/${t.planId}/meetings`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'A'.repeat(1_100_000) }) });
    expect(over.statusCode).toBe(413);
    expect(over.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    console.log(`[${dialect}] fuzz: ${stats.sent} requests over ${ops.length} operations × ${CALLERS.length} callers, ${stats.rejectedWrites} rejected writes checked for state; statuses ${JSON.stringify(Object.fromEntries(stats.byStatus))}; seed ${SEED}`);
    expect(failures).toEqual([]);
    expect(stats.sent).toBeGreaterThanOrEqual(PER_DIALECT);
  }, 240_000);
});
