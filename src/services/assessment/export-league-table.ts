import type { UnitGroup } from '../../domain/assessment';
import { writeLeagueTableWorkbook } from '../../documents/assessment/write-league-table';
import type { Actor, ServiceContext } from '../context';
import { readsAll } from './access';
import { getLeagueTables, latestSnapshot } from './results';
import { listItems, requirePeriod } from './periods';

/** The league tables as the reader sees them on screen (current for the office, published for units). */
export async function exportLeagueTables(ctx: ServiceContext, actor: Actor, periodId: string, group?: UnitGroup): Promise<{ fileName: string; content: Buffer }> {
  const view = await getLeagueTables(ctx, actor, periodId, group);
  const period = await requirePeriod(ctx.db, periodId);
  const items = readsAll(actor) ? await listItems(ctx.db, periodId) : ((await latestSnapshot(ctx.db, period))?.items ?? []);
  const status = period.state === 'published' ? `已发布第${period.publishedNumber}版` : period.state === 'computed' ? '已计算，未发布' : '待重新计算';
  const content = await writeLeagueTableWorkbook({
    title: `${period.label}考核排名`,
    note: `${status}；计算时间 ${view.computedAt ?? '—'}；满分 ${view.maxScore}`,
    items,
    tables: view.tables,
  });
  return { fileName: `${period.label}考核排名.xlsx`, content };
}
