import { type Kysely } from 'kysely';

// The major-project library (重大项目库), aligned with OC4IDS 0.9.5, and the projects' monthly reports.
// Nested OC4IDS structures (locations, budget breakdown, parties, milestones, documents) are JSON text: they are
// read and written with their project, never queried on their own; the columns the lists filter on are flat.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('purpose', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('type', 'text')
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('period_text', 'text')
    .addColumn('locations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('division_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('division_code', 'text')
    .addColumn('budget_total', 'double precision')
    .addColumn('budget_plan', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('milestones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['category', 'phase', 'unit_id', 'side', 'division_code'])
    await db.schema.createIndex(`project_${col}_idx`).on('project').column(col).execute();

  // Which divisions a project runs through: a line crosses several, and the map's division filter needs them all.
  await db.schema
    .createTable('project_division')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_division_pk', ['project_id', 'division_code'])
    .execute();
  await db.schema.createIndex('project_division_division_idx').on('project_division').column('division_code').execute();

  await db.schema
    .createTable('project_task')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_task_pk', ['project_id', 'node_id'])
    .execute();
  await db.schema.createIndex('project_task_node_idx').on('project_task').column('node_id').execute();

  await db.schema
    .createTable('project_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('investment_month', 'double precision')
    .addColumn('investment_cumulative', 'double precision')
    .addColumn('physical_pct', 'double precision')
    .addColumn('narrative', 'text')
    .addColumn('problems', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('returned_by', 'text')
    .addColumn('return_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_report_cycle_uq', ['project_id', 'cycle_id'])
    .execute();
  await db.schema.createIndex('project_report_state_idx').on('project_report').columns(['state', 'unit_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['project_report', 'project_task', 'project_division', 'project']) await db.schema.dropTable(t).execute();
}
