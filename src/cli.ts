import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig, type TConfig } from './config';
import { APP_VERSION, openContext } from './boot';
import { backupSqlite, restoreSqlite } from './backup';
import { ROLES, type Role } from './domain';
import { buildApp } from './server/app';
import { SYSTEM_ACTOR } from './services/context';
import { verifyAuditChain } from './services/audit';
import { purgeExpiredSessions } from './services/auth';
import { startJobRunner } from './jobs/job-runner';
import { createUser } from './services/users';
import { loadShippedData } from './seed/load-shipped-data';
import { projectRoot } from './seed/project-root';
import { DEMO_PASSWORD, loadDemo } from './seed/load-demo';
import { todayInChina } from './services/status/plan-status';
import { enableHeapRelief } from './services/heap-relief';

const USAGE = `Usage: shuangcheng <command> [options]

  start [--demo]        migrate, load the shipped plan, serve the web app and API (--demo: add labelled demo data to an empty database)
  migrate               apply database migrations
  seed                  load or upgrade the shipped plan and reference data
  create-user           --username U --name N --unit UNIT_NAME --roles office,reporter --password P
  backup <file>         SQLite: consistent online copy; PostgreSQL: prints the pg_dump command
  restore <file>        SQLite: replace the database with a backup (server stopped)
  verify-audit          check the audit log's hash chain; exit 1 on the first broken link

Configuration comes from the environment (see README): PORT, HOST, DATABASE_URL, SHUANGCHENG_ADMIN_PASSWORD …`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config: TConfig;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  switch (command) {
    case 'start':
      return start(config, rest.includes('--demo'));
    case 'migrate': {
      const { database } = await openContext(config);
      console.log(`migrated (${database.dialect})`);
      await database.close();
      return 0;
    }
    case 'seed': {
      const { ctx, database } = await openContext(config);
      const r = await loadShippedData(ctx, { adminPassword: config.SHUANGCHENG_ADMIN_PASSWORD });
      console.log(`applied: ${r.applied.join(', ') || '-'}; unchanged: ${r.skipped.join(', ') || '-'}`);
      announceAdmin(r.admin.generatedPassword);
      await database.close();
      return 0;
    }
    case 'create-user':
      return createUserCommand(config, rest);
    case 'backup':
    case 'restore':
      return backupCommand(config, command, rest[0]);
    case 'verify-audit': {
      const { ctx, database } = await openContext(config);
      const r = await verifyAuditChain(ctx.db);
      await database.close();
      if (r.ok) {
        console.log(`audit chain intact: ${r.checked} entries`);
        return 0;
      }
      console.error(`audit chain BROKEN at entry ${r.firstBroken!.id} (${r.firstBroken!.reason}); ${r.checked} entries read`);
      return 1;
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

function announceAdmin(password: string | null) {
  if (!password) return;
  console.log('\n================================================================');
  console.log(' 已创建管理员账号 / Admin account created');
  console.log(`   user name: admin`);
  console.log(`   password:  ${password}`);
  console.log(' This password is shown once. Change it after signing in.');
  console.log('================================================================\n');
}

async function start(config: TConfig, demo: boolean): Promise<number> {
  const { ctx, database } = await openContext(config);
  const seeded = await loadShippedData(ctx, { adminPassword: config.SHUANGCHENG_ADMIN_PASSWORD });
  if (demo) {
    const r = await loadDemo(ctx, todayInChina(ctx));
    console.log(r.loaded ? `演示数据已载入 / demo data loaded: users demo-office, demo-lead, demo-reporter, demo-chengdu, demo-leader; password ${DEMO_PASSWORD}` : 'demo data already loaded');
  }
  const app = await buildApp({
    ctx,
    version: APP_VERSION,
    logLevel: config.LOG_LEVEL,
    cookieSecure: config.COOKIE_SECURE,
    bodyLimit: config.BODY_LIMIT_BYTES,
    loginRateLimitPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    webRoot: join(projectRoot(), 'dist', 'web'),
    geoDir: config.SHUANGCHENG_GEO_DIR,
  });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  enableHeapRelief();
  // Expired sessions are refused on sight; this only keeps the table small.
  const purge = () => purgeExpiredSessions(ctx).catch((err: unknown) => app.log.error({ err }, 'session purge failed'));
  await purge();
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  const jobs = startJobRunner({
    ctx,
    smtp: config.SMTP_URL ? { url: config.SMTP_URL, from: config.SMTP_FROM } : null,
    intervalMs: config.JOB_INTERVAL_SECONDS * 1000,
    agreementExpiryDays: config.AGREEMENT_EXPIRY_REMINDER_DAYS,
    log: (msg, err) => app.log.error({ err }, msg),
  });
  announceAdmin(seeded.admin.generatedPassword);
  console.log(`双城 Shuangcheng ${APP_VERSION} on ${address} (${database.dialect}; data: ${seeded.applied.join(', ') || 'unchanged'})`);
  const stop = async () => {
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise(() => {});
}

async function createUserCommand(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { username: { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, roles: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.username || !values.unit || !values.roles || !values.password) {
    console.error('create-user needs --username, --unit, --roles and --password');
    return 2;
  }
  const roles = values.roles.split(',').map((r) => r.trim());
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) {
    console.error(`unknown roles: ${bad.join(', ')} (allowed: ${ROLES.join(', ')})`);
    return 2;
  }
  const { ctx, database } = await openContext(config);
  try {
    const unit = await ctx.db.selectFrom('unit').select('id').where('name', '=', values.unit).executeTakeFirst();
    if (!unit) {
      console.error(`no unit named ${values.unit}`);
      return 2;
    }
    const user = await createUser(
      ctx,
      SYSTEM_ACTOR,
      { username: values.username, displayName: values.name ?? values.username, unitId: unit.id, roles: roles as Role[], password: values.password },
      { mustChangePassword: false },
    );
    console.log(`created ${user.username} (${user.roles.join(', ')}) in ${user.unitName}`);
    return 0;
  } finally {
    await database.close();
  }
}

async function backupCommand(config: TConfig, command: 'backup' | 'restore', file: string | undefined): Promise<number> {
  if (!file) {
    console.error(`${command} needs a file name`);
    return 2;
  }
  if (config.DATABASE_URL && !config.DATABASE_URL.startsWith('sqlite:')) {
    console.log(
      command === 'backup'
        ? `PostgreSQL: use pg_dump, e.g.\n  pg_dump --format=custom --file=${file} "$DATABASE_URL"`
        : `PostgreSQL: use pg_restore into an empty database, e.g.\n  pg_restore --clean --if-exists --dbname="$DATABASE_URL" ${file}`,
    );
    return 0;
  }
  const dbFile = config.DATABASE_URL ? config.DATABASE_URL.replace(/^sqlite:(\/\/)?/, '') : join(config.SHUANGCHENG_DATA_DIR, 'shuangcheng.db');
  if (command === 'backup') {
    await backupSqlite(dbFile, file);
    console.log(`backed up ${dbFile} to ${file}`);
  } else {
    const kept = restoreSqlite(file, dbFile);
    console.log(`restored ${file} into ${dbFile}; the previous file is kept as ${kept}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  },
);
