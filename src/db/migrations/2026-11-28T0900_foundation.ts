import { type Kysely } from 'kysely';

// Frozen in time: never import from src/. Booleans are integer, JSON is text, timestamps are ISO text,
// so the same statements run on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  const audited = (t: any) =>
    t
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull());

  await audited(
    db.schema
      .createTable('unit')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.unique())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('unit.id'))
      .addColumn('division_code', 'text')
      .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source', 'text')
      .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('unit_kind_side_idx').on('unit').columns(['kind', 'side', 'sort_order']).execute();
  await db.schema.createIndex('unit_parent_idx').on('unit').column('parent_id').execute();

  await audited(
    db.schema
      .createTable('app_user')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('last_login_at', 'text'),
  ).execute();
  await db.schema.createIndex('app_user_unit_idx').on('app_user').column('unit_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();

  await audited(
    db.schema
      .createTable('plan')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('short_title', 'text', (c) => c.notNull())
      .addColumn('adopted_on', 'text')
      .addColumn('issuer', 'text')
      .addColumn('summary', 'text')
      .addColumn('facts', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('source', 'text'),
  ).execute();

  await audited(
    db.schema
      .createTable('plan_node')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
      .addColumn('parent_id', 'text', (c) => c.references('plan_node.id'))
      .addColumn('key', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('weight', 'double precision', (c) => c.notNull().defaultTo(1))
      .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
      .addColumn('start_on', 'text')
      .addColumn('due_on', 'text')
      .addColumn('key_area', 'text')
      .addColumn('source_ref', 'text')
      .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deleted_at', 'text')
      .addColumn('deleted_batch', 'text'),
  ).execute();
  await db.schema.createIndex('plan_node_plan_key_uq').on('plan_node').columns(['plan_id', 'key']).unique().execute();
  await db.schema.createIndex('plan_node_tree_idx').on('plan_node').columns(['plan_id', 'parent_id', 'seq']).execute();
  await db.schema.createIndex('plan_node_batch_idx').on('plan_node').column('deleted_batch').execute();

  await db.schema
    .createTable('division')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outline_scope', 'text')
    .addColumn('borders_chongqing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text')
    .execute();

  await db.schema
    .createTable('platform')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cluster', 'text')
    .addColumn('members', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('focus', 'text')
    .addColumn('source', 'text')
    .execute();

  // id is assigned by the writer under a lock (id = previous + 1), which keeps the hash chain gap-free
  // and needs no dialect-specific auto-increment.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();
  await db.schema.createIndex('audit_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_at_idx').on('audit_log').column('at').execute();

  await db.schema
    .createTable('seed_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['seed_state', 'audit_log', 'platform', 'division', 'plan_node', 'plan', 'session', 'app_user', 'unit']) {
    await db.schema.dropTable(t).execute();
  }
}
