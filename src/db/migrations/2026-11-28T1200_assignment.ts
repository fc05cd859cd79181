import { type Kysely } from 'kysely';

// Lead and participating units per task, and the fields a blueprint (施工图) needs on tasks and milestones.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignment_node_unit_uq').on('assignment').columns(['node_id', 'unit_id']).unique().execute();
  await db.schema.createIndex('assignment_unit_idx').on('assignment').columns(['unit_id', 'role', 'plan_id']).execute();

  await db.schema.alterTable('plan_node').addColumn('completion_criterion', 'text').execute();
  await db.schema.alterTable('plan_node').addColumn('evidence_required', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('plan_node').addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('plan_node').addColumn('completed_on', 'text').execute();
  await db.schema.alterTable('plan_node').addColumn('deadline_text', 'text').execute();
  await db.schema.alterTable('plan_node').addColumn('division_codes', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('plan').addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignment').execute();
  for (const col of ['completion_criterion', 'evidence_required', 'cancelled', 'completed_on', 'deadline_text', 'division_codes']) {
    await db.schema.alterTable('plan_node').dropColumn(col).execute();
  }
  await db.schema.alterTable('plan').dropColumn('settings').execute();
}
