import { inflateRawSync } from 'node:zlib';

/** Why an uploaded workbook was refused before any xlsx library unpacked it. */
export class ZipRefused extends Error {
  constructor(
    readonly kind: 'not_zip' | 'too_large',
    readonly reason: string,
  ) {
    super(`${kind}: ${reason}`);
    this.name = 'ZipRefused';
  }
}

export interface ZipLimits {
  /** Sum of the entries' unpacked sizes (default 64 MiB: even a 50,000-row sheet unpacks to less, see test/faults/hostile-files.test.ts). */
  maxUnpackedBytes?: number;
  /** Entries in the archive (default 2,000: a workbook has a few dozen). */
  maxEntries?: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DEFAULT_MAX_UNPACKED = 64 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 2_000;

/**
 * Checks an uploaded .xlsx (a ZIP) before exceljs unpacks it all into memory: a zip bomb is a few
 * kilobytes that declare, or really hold, gigabytes. The central directory's sizes are summed first; then
 * every entry is inflated with its declared size as a hard ceiling, so an archive that lies about its
 * sizes is caught too, at the cost of one native inflate pass. Throws ZipRefused.
 */
export function assertZipWithinLimits(buf: Buffer, limits: ZipLimits = {}): void {
  const maxUnpacked = limits.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new ZipRefused('not_zip', 'no zip signature');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('not_zip', 'no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: only archives far beyond any upload limit need them.
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new ZipRefused('too_large', 'zip64 archive');
  if (entries > maxEntries) throw new ZipRefused('too_large', `${entries} entries (max ${maxEntries})`);
  if (cdOffset + cdSize > eocd) throw new ZipRefused('not_zip', 'central directory out of bounds');

  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('not_zip', 'broken central directory');
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (unpacked === 0xffffffff || packed === 0xffffffff) throw new ZipRefused('too_large', 'zip64 entry');
    total += unpacked;
    if (total > maxUnpacked) throw new ZipRefused('too_large', `unpacks to more than ${maxUnpacked} bytes`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipRefused('not_zip', 'broken local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) throw new ZipRefused('not_zip', 'entry out of bounds');
    if (method === 0) {
      if (packed !== unpacked) throw new ZipRefused('not_zip', 'stored entry with mismatched size');
    } else if (method === 8) {
      let out: Buffer;
      try {
        out = inflateRawSync(buf.subarray(start, start + packed), { maxOutputLength: Math.max(1, unpacked) });
      } catch (err) {
        const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError;
        throw new ZipRefused(tooBig ? 'too_large' : 'not_zip', tooBig ? 'an entry unpacks beyond its declared size' : 'corrupt entry');
      }
      if (out.length !== unpacked) throw new ZipRefused('not_zip', 'entry size mismatch');
    } else {
      throw new ZipRefused('not_zip', `compression method ${method}`);
    }
  }
}
