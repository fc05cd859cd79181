import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from './sniff-file-type';

const b = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffEvidenceType', () => {
  it.each([
    ['jpeg', b([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'), 'image/png'],
    ['webp', b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['pdf', b('%PDF-1.7\n'), 'application/pdf'],
    ['docx', b([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', b([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('recognises %s by content', (_n, buf, mime) => expect(sniffEvidenceType(buf)?.mime).toBe(mime));

  it.each([
    ['an HTML page named photo.jpg', b('<html><script>alert(1)</script>')],
    ['a plain zip', b([0x50, 0x4b, 0x03, 0x04], 'payload.exe')],
    ['an executable', b('MZ', [0x90, 0])],
    ['an empty file', b()],
    ['an SVG (can carry script)', b('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
  ])('rejects %s', (_n, buf) => expect(sniffEvidenceType(buf)).toBeNull());
});
