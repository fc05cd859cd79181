import { createHash, randomUUID } from 'node:crypto';
import { DomainError, isEditable, sniffEvidenceType } from '../../domain';
import { findReport } from '../../db/queries/reports';
import { loadSharp } from '../../documents/load-sharp';
import { assertZipWithinLimits, ZipRefused } from '../../documents/zip-guard';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { writeOnce } from '../versioned-update';
import { assertCanRead, workflowRolesFor } from './report-access';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_ATTACHMENTS_PER_REPORT = 30;

/** Safe for a Content-Disposition header and a file system: no path, no control characters. */
function cleanFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}

export async function addAttachment(ctx: ServiceContext, actor: Actor, reportId: string, file: { fileName: string; content: Buffer }) {
  const report = await findReport(ctx.db, reportId);
  if (!report) throw new DomainError('REPORT_NOT_FOUND', { reportId });
  await assertCanRead(ctx.db, actor, report);
  if (!workflowRolesFor(actor, report).includes('unit_staff')) throw new DomainError('FORBIDDEN', { reportId });
  if (!isEditable(report.state)) throw new DomainError('REPORT_NOT_EDITABLE', { state: report.state });
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new DomainError('ATTACHMENT_TOO_LARGE', { max: MAX_ATTACHMENT_BYTES });
  const type = sniffEvidenceType(file.content);
  if (!type) throw new DomainError('ATTACHMENT_TYPE_REJECTED', { fileName: file.fileName });
  if (type.ext === 'docx' || type.ext === 'xlsx') {
    // Never unpacked here, but a reviewer's Word or Excel would be: a zip bomb is not evidence.
    try {
      assertZipWithinLimits(file.content);
    } catch (err) {
      if (err instanceof ZipRefused) throw new DomainError('ATTACHMENT_TYPE_REJECTED', { fileName: file.fileName, reason: err.reason });
      throw err;
    }
  }
  let thumbnail: Buffer | null = null;
  if (type.image) {
    const sharp = await loadSharp();
    try {
      thumbnail = await sharp(file.content, { limitInputPixels: 50_000_000 }).rotate().resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
    } catch {
      // A file that claims to be an image but does not decode is not evidence.
      throw new DomainError('ATTACHMENT_TYPE_REJECTED', { fileName: file.fileName, reason: 'undecodable image' });
    }
  }
  return inTransaction(ctx, actor, async (tx, audit) => {
    const count = await tx.selectFrom('attachment').select((eb) => eb.fn.countAll().as('n')).where('report_id', '=', reportId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ATTACHMENTS_PER_REPORT) throw new DomainError('ATTACHMENT_TOO_LARGE', { maxFiles: MAX_ATTACHMENTS_PER_REPORT });
    const id = randomUUID();
    const row = {
      id,
      report_id: reportId,
      file_name: cleanFileName(file.fileName, type.ext),
      mime: type.mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      thumbnail,
      created_by: actor.userId ?? 'system',
      created_at: nowIso(ctx),
    };
    await tx.insertInto('attachment').values(row).execute();
    await audit('attachment.add', 'report', reportId, null, { attachmentId: id, fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256 });
    return { id, fileName: row.file_name, mime: row.mime, size: row.size, hasThumbnail: thumbnail !== null, createdAt: row.created_at };
  });
}

export async function readAttachment(ctx: ServiceContext, actor: Actor, attachmentId: string, variant: 'content' | 'thumbnail') {
  const row = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', attachmentId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND', { attachmentId });
  const report = await findReport(ctx.db, row.report_id);
  if (!report) throw new DomainError('ATTACHMENT_NOT_FOUND', { attachmentId });
  await assertCanRead(ctx.db, actor, report);
  const data = variant === 'thumbnail' ? row.thumbnail : row.content;
  if (!data) throw new DomainError('ATTACHMENT_NOT_FOUND', { attachmentId, variant });
  return { fileName: row.file_name, mime: variant === 'thumbnail' ? 'image/jpeg' : row.mime, data: Buffer.from(data) };
}

export async function removeAttachment(ctx: ServiceContext, actor: Actor, attachmentId: string) {
  await inTransaction(ctx, actor, async (tx, audit) => {
    const row = await tx.selectFrom('attachment').select(['id', 'report_id', 'file_name']).where('id', '=', attachmentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND', { attachmentId });
    const report = (await findReport(tx, row.report_id))!;
    await assertCanRead(tx, actor, report);
    if (!workflowRolesFor(actor, report).includes('unit_staff')) throw new DomainError('FORBIDDEN', { attachmentId });
    if (!isEditable(report.state)) throw new DomainError('REPORT_NOT_EDITABLE', { state: report.state });
    await writeOnce(tx.updateTable('attachment').set({ deleted_at: nowIso(ctx) }).where('id', '=', attachmentId).where('deleted_at', 'is', null), { attachmentId });
    await audit('attachment.remove', 'report', report.id, { attachmentId, fileName: row.file_name }, null);
  });
}
