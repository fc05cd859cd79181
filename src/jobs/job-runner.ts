import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../services/context';
import { todayInChina } from '../services/status/plan-status';
import { flushEmail, type SmtpSettings } from './email';
import { claimNext, enqueue, finishJob } from './job-queue';
import { sendAgreementExpiryReminders } from './agreement-reminders';
import { sendDailyReminders } from './reminders';

export interface JobRunnerOptions {
  ctx: ServiceContext;
  smtp: SmtpSettings | null;
  workerId?: string;
  log?: (msg: string, err?: unknown) => void;
  /** How many days before an agreement's term ends its parties and the office are reminded (default 60). */
  agreementExpiryDays?: number;
}

/** Enqueues what is due now (each under a key that makes it once-only across processes), then runs due jobs. */
export async function tick(opts: JobRunnerOptions): Promise<number> {
  const { ctx } = opts;
  const workerId = opts.workerId ?? `worker-${process.pid}`;
  const now = ctx.clock();
  const at = now.toISOString();
  const today = todayInChina(ctx);
  await enqueue(ctx.db, { name: 'reminders.daily', dedupeKey: `reminders.daily:${today}`, runAt: at, payload: { today } }, at);
  if (opts.smtp) await enqueue(ctx.db, { name: 'email.flush', dedupeKey: `email.flush:${at.slice(0, 16)}`, runAt: at }, at);
  let ran = 0;
  for (let job = await claimNext(ctx.db, workerId, now); job; job = await claimNext(ctx.db, workerId, ctx.clock())) {
    try {
      const payload = JSON.parse(job.payload) as { today?: string };
      if (job.name === 'reminders.daily') {
        await sendDailyReminders(ctx.db, payload.today ?? today, ctx.clock().toISOString());
        await sendAgreementExpiryReminders(ctx.db, payload.today ?? today, ctx.clock().toISOString(), opts.agreementExpiryDays);
      }
      else if (job.name === 'email.flush') await flushEmail(ctx.db, opts.smtp);
      await finishJob(ctx.db, job.id, ctx.clock().toISOString());
      ran++;
    } catch (err) {
      opts.log?.(`job ${job.name} failed`, err);
      await finishJob(ctx.db, job.id, ctx.clock().toISOString(), err, job.attempts);
    }
  }
  return ran;
}

/** Runs `tick` every `intervalMs` until stopped. Safe to start in every server process. */
export function startJobRunner(opts: JobRunnerOptions & { intervalMs?: number }) {
  const workerId = opts.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = tick({ ...opts, workerId }).catch((err: unknown) => opts.log?.('job tick failed', err));
  };
  const timer = setInterval(run, opts.intervalMs ?? 60_000);
  timer.unref();
  run();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
