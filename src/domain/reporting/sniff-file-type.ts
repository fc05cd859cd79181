/** Evidence types the platform accepts, told apart by their content: a file's name and declared type are not trusted. */
export type EvidenceType = { mime: string; ext: string; image: boolean };

const startsWith = (buf: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => buf[at + i] === b);

function zipContains(buf: Uint8Array, name: string): boolean {
  // Entry names are stored uncompressed in the zip's headers, so a byte search finds them.
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(name, 0, 'latin1');
}

export function sniffEvidenceType(buf: Uint8Array): EvidenceType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', image: true };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png', image: true };
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', ext: 'webp', image: true };
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf', image: false };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) && zipContains(buf, '[Content_Types].xml')) {
    if (zipContains(buf, 'word/document.xml')) return { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx', image: false };
    if (zipContains(buf, 'xl/workbook.xml')) return { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', image: false };
  }
  return null;
}
