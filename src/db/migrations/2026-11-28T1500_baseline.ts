import { type Kysely } from 'kysely';

// The approved blueprint (施工图): numbered, frozen snapshots of every task's and milestone's dates and weight.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('baseline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('baseline_plan_number_uq').on('baseline').columns(['plan_id', 'number']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('baseline').execute();
}
