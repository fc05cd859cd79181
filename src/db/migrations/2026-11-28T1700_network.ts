import { type Kysely } from 'kysely';

// The travel-time network: nodes, links with their sources, the three targets, and what-if scenarios.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_node')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text')
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('position_source', 'text')
    .addColumn('note', 'text')
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('network_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_id', 'text', (c) => c.notNull().references('network_node.id'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('network_node.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('line', 'text')
    .addColumn('minutes', 'double precision')
    .addColumn('minutes_note', 'text')
    .addColumn('headway_minutes', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open_from', 'text')
    .addColumn('planned_opening', 'text')
    .addColumn('closed_from', 'text')
    .addColumn('project_id', 'text')
    .addColumn('one_way', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reliability', 'text')
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('network_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('network_scenario')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['network_scenario', 'network_target', 'network_link', 'network_node']) await db.schema.dropTable(t).execute();
}
