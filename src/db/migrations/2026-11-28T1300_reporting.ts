import { PostgresAdapter, type Kysely } from 'kysely';

// Reporting cycles, progress reports and their evidence, and the office's status overrides.
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('cycle')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cycle_plan_period_uq').on('cycle').columns(['plan_id', 'period_start', 'period_end']).unique().execute();
  await db.schema.createIndex('cycle_plan_due_idx').on('cycle').columns(['plan_id', 'due_on']).execute();

  await db.schema
    .createTable('report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('progress_pct', 'double precision')
    .addColumn('narrative', 'text')
    .addColumn('problems', 'text')
    .addColumn('coordination_request', 'text')
    .addColumn('next_steps', 'text')
    .addColumn('milestone_updates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('quality_rating', 'integer')
    .addColumn('returned_at', 'text')
    .addColumn('returned_by', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_cycle_node_unit_uq').on('report').columns(['cycle_id', 'node_id', 'unit_id']).unique().execute();
  await db.schema.createIndex('report_unit_cycle_idx').on('report').columns(['unit_id', 'cycle_id', 'state']).execute();
  await db.schema.createIndex('report_node_idx').on('report').columns(['node_id', 'cycle_id']).execute();
  await db.schema.createIndex('report_cycle_state_idx').on('report').columns(['cycle_id', 'state']).execute();

  // Evidence lives in the database so that any number of stateless server processes can serve it.
  const bytes = isPg ? 'bytea' : 'blob';
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes as 'blob', (c) => c.notNull())
    .addColumn('thumbnail', bytes as 'blob')
    .addColumn('deleted_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachment_report_idx').on('attachment').column('report_id').execute();

  await db.schema
    .createTable('status_override')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('status_override_node_idx').on('status_override').columns(['node_id', 'expires_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['status_override', 'attachment', 'report', 'cycle']) await db.schema.dropTable(t).execute();
}
