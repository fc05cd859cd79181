import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain';

export interface Upload {
  fileName: string;
  content: Buffer;
  fields: Record<string, string>;
}

/** One file (field `file`) and a few text fields from a multipart request, with a size limit. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
  let file: { fileName: string; content: Buffer } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 256 * 1024 } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file') file = { fileName: part.filename, content };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new DomainError('VALIDATION_FAILED', { field: 'file' });
  return { ...file, fields };
}
