import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file of a hand-built zip. `declaredSize` lets a test lie about the unpacked size, as hostile archives do. */
export interface ZipEntry {
  name: string;
  data: Buffer;
  store?: boolean;
  declaredSize?: number;
}

/** A minimal zip writer (no data descriptors, no zip64): enough to build workbooks and zip bombs byte by byte. */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = e.store ? e.data : deflateRawSync(e.data, { level: 9 });
    const method = e.store ? 0 : 8;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The entries of a zip written by exceljs (central directory sizes are trustworthy there). */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + packed);
    out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
  }
  return out;
}

/**
 * A real workbook whose first sheet is padded with whitespace to `unpackedBytes`: valid XML, a few
 * hundred kilobytes packed, and far too much for exceljs to unpack. `lie` declares a tiny size instead.
 */
export function zipBombWorkbook(validXlsx: Buffer, unpackedBytes: number, lie = false): Buffer {
  const entries = readZip(validXlsx).map((e) => {
    if (!/^xl\/worksheets\/sheet1\.xml$/.test(e.name)) return e;
    const xml = e.data.toString('utf8');
    const at = xml.indexOf('<sheetData');
    const pad = Buffer.alloc(Math.max(0, unpackedBytes - e.data.length), ' ');
    const data = Buffer.concat([Buffer.from(xml.slice(0, at)), pad, Buffer.from(xml.slice(at))]);
    return { name: e.name, data, ...(lie && { declaredSize: e.data.length }) };
  });
  return buildZip(entries);
}
