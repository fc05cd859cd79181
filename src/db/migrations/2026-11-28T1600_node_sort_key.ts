import { type Kysely } from 'kysely';

// Outline codes sort wrongly as text (3.2.10 before 3.2.2); a zero-padded key sorts right in SQL on both databases.
export const sortKeyOf = (code: string) =>
  code
    .split('.')
    .map((p) => p.padStart(4, '0'))
    .join('.');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_node').addColumn('sort_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows = (await db.selectFrom('plan_node').select(['id', 'code']).execute()) as { id: string; code: string }[];
  for (const r of rows) await db.updateTable('plan_node').set({ sort_key: sortKeyOf(r.code) }).where('id', '=', r.id).execute();
  await db.schema.createIndex('plan_node_sort_idx').on('plan_node').columns(['plan_id', 'sort_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('plan_node_sort_idx').execute();
  await db.schema.alterTable('plan_node').dropColumn('sort_key').execute();
}
