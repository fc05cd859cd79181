import { type Kysely } from 'kysely';

// The coordination mechanism (issue 8): where a task came from (a meeting's decision, an agreement's
// matter, a request to the national level), the meetings of the three layers, agreements and requests.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_node').addColumn('source_kind', 'text').execute();
  await db.schema.alterTable('plan_node').addColumn('source_id', 'text').execute();
  await db.schema.createIndex('plan_node_source_idx').on('plan_node').columns(['source_kind', 'source_id']).execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('unit_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('agenda', 'text')
    .addColumn('minutes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_body_idx').on('meeting').columns(['plan_id', 'body', 'held_on']).execute();

  await db.schema
    .createTable('agreement')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('parties', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('term_until', 'text')
    .addColumn('documents', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreement_term_idx').on('agreement').columns(['plan_id', 'term_until']).execute();

  await db.schema
    .createTable('national_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('addressed_to', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('joint_with_chongqing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('drafting'))
    .addColumn('outcome', 'text')
    .addColumn('documents', 'text')
    .addColumn('node_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('national_request_status_idx').on('national_request').columns(['plan_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['national_request', 'agreement', 'meeting']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('plan_node_source_idx').execute();
  await db.schema.alterTable('plan_node').dropColumn('source_id').execute();
  await db.schema.alterTable('plan_node').dropColumn('source_kind').execute();
}
