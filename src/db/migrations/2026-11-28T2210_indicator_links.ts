import { type Kysely } from 'kysely';

// Indicators tied into delivery (issue 6): the plan tasks an indicator measures, and the owner unit's
// figures filed through the reporting cycles. A filed figure lives apart from the observations until the
// office accepts it, so a pending or returned figure never moves the chart or the status.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_task')
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_task_pk', ['indicator_id', 'node_id'])
    .execute();
  // The task detail asks "which indicators measure this task".
  await db.schema.createIndex('indicator_task_node_idx').on('indicator_task').column('node_id').execute();

  await db.schema
    .createTable('indicator_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('value', 'double precision')
    .addColumn('source', 'text')
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_report_key', ['indicator_id', 'cycle_id', 'division_code', 'period'])
    .execute();
  // The office's review queue filters by state; a unit's list by unit and cycle.
  await db.schema.createIndex('indicator_report_state_idx').on('indicator_report').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('indicator_report_unit_idx').on('indicator_report').columns(['unit_id', 'cycle_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['indicator_report', 'indicator_task']) await db.schema.dropTable(t).execute();
}
