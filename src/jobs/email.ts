import type { Db } from '../db/schema';

export interface SmtpSettings {
  url: string;
  from: string;
}

/** Sends the pending e-mail copies of notifications; a row is marked before sending so two workers never send it twice. */
export async function flushEmail(db: Db, smtp: SmtpSettings | null, limit = 50): Promise<number> {
  if (!smtp) return 0;
  // Loaded on first use: most installations send no e-mail, and the module costs every process memory at start.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(smtp.url);
  let sent = 0;
  try {
    const pending = await db
      .selectFrom('notification')
      .innerJoin('app_user', 'app_user.id', 'notification.user_id')
      .select(['notification.id', 'notification.title', 'notification.body', 'notification.link', 'app_user.email'])
      .where('notification.email_state', '=', 'pending')
      .limit(limit)
      .execute();
    for (const p of pending) {
      const claimed = await db.updateTable('notification').set({ email_state: 'sending' }).where('id', '=', p.id).where('email_state', '=', 'pending').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1 || !p.email) continue;
      try {
        await transport.sendMail({ from: smtp.from, to: p.email, subject: `【双城】${p.title}`, text: [p.body, p.link].filter(Boolean).join('\n\n') });
        await db.updateTable('notification').set({ email_state: 'sent' }).where('id', '=', p.id).execute();
        sent++;
      } catch {
        await db.updateTable('notification').set({ email_state: 'failed' }).where('id', '=', p.id).execute();
      }
    }
  } finally {
    transport.close();
  }
  return sent;
}
