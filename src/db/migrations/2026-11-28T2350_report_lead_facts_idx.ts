import { type Kysely } from 'kysely';

// The plan's status and the cockpit read every lead report of a plan's cycles (~300k at 100k nodes).
// With every column they read in one index, both are index-only range scans per cycle instead of a
// row lookup per report: 2.9 s → 0.2 s for the status facts on the L bench data (bench/RESULTS.md).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('report_lead_facts_idx')
    .on('report')
    .ifNotExists()
    .columns(['cycle_id', 'role', 'node_id', 'unit_id', 'state', 'submitted_at', 'progress_pct'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('report_lead_facts_idx').execute();
}
