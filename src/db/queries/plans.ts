import { readJson } from '../json';
import type { Executor, PlanRow } from '../schema';

export interface PlanFacts {
  goals: { key: string; title: string; text: string }[];
  principles: { key: string; title: string; text: string }[];
  keyAreas: { key: string; title: string }[];
}

export interface Plan {
  id: string;
  code: string;
  title: string;
  shortTitle: string;
  adoptedOn: string | null;
  issuer: string | null;
  summary: string | null;
  facts: PlanFacts;
  source: Record<string, unknown> | null;
  version: number;
}

export function toPlan(r: PlanRow): Plan {
  return {
    id: r.id,
    code: r.key,
    title: r.title,
    shortTitle: r.short_title,
    adoptedOn: r.adopted_on,
    issuer: r.issuer,
    summary: r.summary,
    facts: readJson<PlanFacts>(r.facts, { goals: [], principles: [], keyAreas: [] }),
    source: readJson<Record<string, unknown> | null>(r.source, null),
    version: Number(r.version),
  };
}

export async function listPlans(db: Executor): Promise<Plan[]> {
  const rows = await db.selectFrom('plan').selectAll().orderBy('created_at').execute();
  return rows.map(toPlan);
}

export async function findPlan(db: Executor, planId: string): Promise<Plan | undefined> {
  const row = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst();
  return row && toPlan(row);
}
