import { latestPublishedLeagueTables } from '../assessment/published-ranking';
import type { ServiceContext } from '../context';

export type PublishedRanking = NonNullable<Awaited<ReturnType<typeof latestPublishedLeagueTables>>>;

/**
 * The latest published assessment league tables on or before a day, or null when none was published
 * (the bulletin then ranks by on-time reporting). Inside a transaction the assessment reads through it.
 */
export function publishedRanking(ctx: ServiceContext, planId: string, onOrBefore: string): Promise<PublishedRanking | null> {
  return latestPublishedLeagueTables(ctx.db, planId, onOrBefore);
}
