import { PostgresAdapter, type Kysely } from 'kysely';

// Assessment (考核, issue 5): schemes per period, their items, bonus/penalty entries, self-assessments and
// appeals with their files, the computed results and the frozen published versions.
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const bytes = isPg ? 'bytea' : 'blob';

  await db.schema
    .createTable('assessment_period')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('include_chongqing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('computed_at', 'text')
    .addColumn('computed_as_of', 'text')
    .addColumn('reopen_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_period_plan_idx').on('assessment_period').columns(['plan_id', 'period_start']).execute();
  await db.schema.createIndex('assessment_period_state_idx').on('assessment_period').columns(['plan_id', 'state']).execute();

  await db.schema
    .createTable('assessment_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('max_points', 'double precision', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_item_period_idx').on('assessment_item').columns(['period_id', 'sort_order']).execute();

  await db.schema
    .createTable('assessment_adjustment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_refs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('deleted_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_adjustment_period_idx').on('assessment_adjustment').columns(['period_id', 'unit_id']).execute();

  await db.schema
    .createTable('assessment_appeal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.references('assessment_item.id'))
    .addColumn('evidence_kind', 'text')
    .addColumn('evidence_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('claimed_points', 'double precision')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('submitted'))
    .addColumn('decision_comment', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_appeal_period_idx').on('assessment_appeal').columns(['period_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('assessment_appeal_unit_idx').on('assessment_appeal').columns(['unit_id', 'period_id']).execute();

  // Evidence for appeals, self-assessments and bonus/penalty entries; in the database like report attachments.
  await db.schema
    .createTable('assessment_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes as 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_file_owner_idx').on('assessment_file').columns(['owner_kind', 'owner_id']).execute();

  // The latest computation, replaced as a whole by each recompute.
  await db.schema
    .createTable('assessment_result')
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_result_pk', ['period_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('assessment_result_rank_idx').on('assessment_result').columns(['period_id', 'group_key', 'rank']).execute();
  await db.schema.createIndex('assessment_result_unit_idx').on('assessment_result').columns(['unit_id']).execute();

  // A publication freezes the results: its snapshot is what units and bulletins read from then on.
  await db.schema
    .createTable('assessment_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_period.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_publication_uq').on('assessment_publication').columns(['period_id', 'number']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['assessment_publication', 'assessment_result', 'assessment_file', 'assessment_appeal', 'assessment_adjustment', 'assessment_item', 'assessment_period']) {
    await db.schema.dropTable(t).execute();
  }
}
