import { type Kysely } from 'kysely';

// Issue 8: a request to the national level serves major projects, and an agreement's matters may be
// major projects rather than tasks. Both link to the project library (table `project`, string ids such
// as 'chengyu-zhongxian'), so this runs after it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('national_request_project')
    .addColumn('request_id', 'text', (c) => c.notNull().references('national_request.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addPrimaryKeyConstraint('national_request_project_pk', ['request_id', 'project_id'])
    .execute();
  await db.schema.createIndex('national_request_project_project_idx').on('national_request_project').column('project_id').execute();

  await db.schema
    .createTable('agreement_project')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addPrimaryKeyConstraint('agreement_project_pk', ['agreement_id', 'project_id'])
    .execute();
  await db.schema.createIndex('agreement_project_project_idx').on('agreement_project').column('project_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agreement_project').execute();
  await db.schema.dropTable('national_request_project').execute();
}
