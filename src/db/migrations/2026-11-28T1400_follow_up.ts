import { type Kysely } from 'kysely';

// Follow-up (盯住抓、抓到底): supervision items and their timeline, notifications, and a job table that
// several server processes can share.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervision_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('node_id', 'text', (c) => c.notNull().references('plan_node.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('response_due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('response', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closing_comment', 'text')
    .addColumn('escalated_from', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('supervision_plan_state_idx').on('supervision_item').columns(['plan_id', 'state', 'level']).execute();
  await db.schema.createIndex('supervision_unit_idx').on('supervision_item').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('supervision_node_idx').on('supervision_item').columns(['node_id', 'state']).execute();

  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('link', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at', 'created_at']).execute();
  await db.schema.createIndex('notification_dedupe_uq').on('notification').columns(['user_id', 'dedupe_key']).unique().execute();
  await db.schema.createIndex('notification_email_idx').on('notification').column('email_state').execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_state_run_idx').on('job').columns(['state', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['job', 'notification', 'supervision_item']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('app_user').dropColumn('email').execute();
}
