import { fromFlag, readJson } from '../db/json';
import type { ServiceContext } from './context';

export async function listDivisions(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('division').selectAll().orderBy('code').execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    level: r.level as 'prefecture' | 'county',
    side: r.side as 'sichuan' | 'chongqing',
    parentCode: r.parent_code,
    roles: readJson<string[]>(r.roles, []),
    outlineScope: r.outline_scope,
    bordersChongqing: fromFlag(r.borders_chongqing),
  }));
}

export async function listPlatforms(ctx: ServiceContext) {
  const rows = await ctx.db.selectFrom('platform').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    cluster: r.cluster,
    members: readJson<{ sichuan: string[]; chongqing: string[] }>(r.members, { sichuan: [], chongqing: [] }),
    focus: r.focus,
  }));
}
