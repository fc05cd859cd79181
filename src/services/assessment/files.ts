import { createHash, randomUUID } from 'node:crypto';
import { DomainError, sniffEvidenceType, type EvidenceType } from '../../domain';
import type { Executor } from '../../db/schema';
import { loadSharp } from '../../documents/load-sharp';
import { nowIso, type Actor, type BoundAudit, type ServiceContext } from '../context';

// The same rules as a report's evidence (src/services/reporting/attachments.ts): the type is told by the
// content, never by the name, and the name is cleaned before it reaches a header or a disk.
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES_PER_OWNER = 10;

export type FileOwnerKind = 'appeal' | 'adjustment';

export interface AssessmentFile { id: string; fileName: string; mime: string; size: number; createdAt: string }

function cleanFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}

/** Checks a file before any transaction opens: too large, not evidence, or an image that does not decode is refused. */
export async function vetFile(file: { fileName: string; content: Buffer }): Promise<EvidenceType> {
  if (file.content.length > MAX_FILE_BYTES) throw new DomainError('ATTACHMENT_TOO_LARGE', { max: MAX_FILE_BYTES });
  const type = sniffEvidenceType(file.content);
  if (!type) throw new DomainError('ATTACHMENT_TYPE_REJECTED', { fileName: file.fileName });
  if (type.image) {
    const sharp = await loadSharp();
    try {
      await sharp(file.content, { limitInputPixels: 50_000_000 }).stats();
    } catch {
      throw new DomainError('ATTACHMENT_TYPE_REJECTED', { fileName: file.fileName, reason: 'undecodable image' });
    }
  }
  return type;
}

/** Stores a file that `vetFile` has accepted. */
export async function storeFile(
  ctx: ServiceContext,
  tx: Executor,
  actor: Actor,
  audit: BoundAudit,
  owner: { periodId: string; kind: FileOwnerKind; id: string },
  file: { fileName: string; content: Buffer },
): Promise<AssessmentFile> {
  const type = sniffEvidenceType(file.content)!;
  const count = await tx.selectFrom('assessment_file').select((eb) => eb.fn.countAll().as('n')).where('owner_kind', '=', owner.kind).where('owner_id', '=', owner.id).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_FILES_PER_OWNER) throw new DomainError('ATTACHMENT_TOO_LARGE', { maxFiles: MAX_FILES_PER_OWNER });
  const row = {
    id: randomUUID(),
    period_id: owner.periodId,
    owner_kind: owner.kind,
    owner_id: owner.id,
    file_name: cleanFileName(file.fileName, type.ext),
    mime: type.mime,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    created_by: actor.userId ?? 'system',
    created_at: nowIso(ctx),
  };
  await tx.insertInto('assessment_file').values(row).execute();
  await audit('assessment.file_add', `assessment_${owner.kind}`, owner.id, null, { fileId: row.id, fileName: row.file_name, mime: row.mime, size: row.size, sha256: row.sha256 });
  return { id: row.id, fileName: row.file_name, mime: row.mime, size: row.size, createdAt: row.created_at };
}

/** Files of many owners in one query. */
export async function filesOf(db: Executor, kind: FileOwnerKind, ownerIds: string[]): Promise<Map<string, AssessmentFile[]>> {
  const out = new Map<string, AssessmentFile[]>();
  if (!ownerIds.length) return out;
  const rows = await db
    .selectFrom('assessment_file')
    .select(['id', 'owner_id', 'file_name', 'mime', 'size', 'created_at'])
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? [];
    list.push({ id: r.id, fileName: r.file_name, mime: r.mime, size: Number(r.size), createdAt: r.created_at });
    out.set(r.owner_id, list);
  }
  return out;
}

/** A file, for whoever may read the unit it concerns. */
export async function readFile(ctx: ServiceContext, actor: Actor, fileId: string, canReach: (unitId: string) => void) {
  const row = await ctx.db.selectFrom('assessment_file').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!row) throw new DomainError('ATTACHMENT_NOT_FOUND', { fileId });
  const table = row.owner_kind === 'appeal' ? 'assessment_appeal' : 'assessment_adjustment';
  const owner = await ctx.db.selectFrom(table).select('unit_id').where('id', '=', row.owner_id).executeTakeFirst();
  if (!owner) throw new DomainError('ATTACHMENT_NOT_FOUND', { fileId });
  canReach(owner.unit_id);
  void actor;
  return { fileName: row.file_name, mime: row.mime, data: Buffer.from(row.content) };
}
