import { type Kysely } from 'kysely';

// Indicators (issue 6): definitions, observations by division/region and period, targets. Derived
// indicators keep their formula in `derivation` and are computed on read, so they hold no observations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('division_level', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().defaultTo('higher_is_better'))
    .addColumn('source', 'text')
    .addColumn('description', 'text')
    .addColumn('owner_unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('derivation', 'text')
    .addColumn('shipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicator_frequency_idx').on('indicator').columns(['frequency', 'code']).execute();
  await db.schema.createIndex('indicator_owner_idx').on('indicator').columns(['owner_unit_id', 'code']).execute();

  await db.schema
    .createTable('indicator_observation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('source', 'text')
    .addColumn('reliability', 'text')
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('user_edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_observation_key', ['indicator_id', 'division_code', 'period'])
    .execute();
  // The map reads one period across divisions; the unique key already serves reads by indicator and division.
  await db.schema.createIndex('indicator_observation_period_idx').on('indicator_observation').columns(['indicator_id', 'period']).execute();

  await db.schema
    .createTable('indicator_target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicator.id'))
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_target_key', ['indicator_id', 'division_code', 'period'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['indicator_target', 'indicator_observation', 'indicator']) await db.schema.dropTable(t).execute();
}
