import { PostgresAdapter, type Kysely } from 'kysely';

// Bulletins (通报, issue 5): a draft whose wording the office edits, published once with its data frozen,
// the issued files kept as they were sent, and who downloaded which.
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('bulletin')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycle.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletin_list_idx').on('bulletin').columns(['plan_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('bulletin_cycle_idx').on('bulletin').columns(['plan_id', 'cycle_id']).execute();

  await db.schema
    .createTable('bulletin_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletin.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes as 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletin_file_format_idx').on('bulletin_file').columns(['bulletin_id', 'format']).unique().execute();

  await db.schema
    .createTable('bulletin_download')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bulletin_id', 'text', (c) => c.notNull().references('bulletin.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('draft', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bulletin_download_idx').on('bulletin_download').columns(['bulletin_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['bulletin_download', 'bulletin_file', 'bulletin']) await db.schema.dropTable(t).execute();
}
