/**
 * A small zip writer for test fixtures: local headers, central directory and end record, CRC-32, deflate or store.
 * It can also write the hostile archives the zip guard must refuse: lying sizes, "../" or absolute names, thousands of
 * entries, duplicate names, encryption flags, and bombs of highly compressible bytes never held whole in memory.
 */

import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test archive. */
export interface ZipEntry {
  /** Written byte for byte (UTF-8, flag bit 11 set): hostile names such as "../evil" or "/abs" are kept as given. */
  name: string;
  /** The entry's content; a string is written as UTF-8. Ignored when `repeat` is given. */
  data?: Uint8Array | string;
  /** Bomb content: `chunk` repeated `times` times, deflated piece by piece so the whole is never in memory. */
  repeat?: { chunk: Uint8Array; times: number };
  /** 'deflate' (the default) or 'store' (no compression). */
  method?: 'deflate' | 'store';
  /** A lie: the uncompressed size written in both headers instead of the true one. */
  declaredSize?: number;
  /** Sets the "traditional encryption" flag (the bytes are not actually encrypted). */
  encrypted?: boolean;
}

/** Options of the whole archive. */
export interface ZipOptions {
  /** A lie: the entry count written in the end record instead of the true one. */
  declaredEntryCount?: number;
}

interface Packed {
  name: Buffer;
  compressed: Uint8Array;
  crc: number;
  size: number;
  method: number;
  flags: number;
}

const UTF8_FLAG = 0x0800;
const ENCRYPTED_FLAG = 0x0001;
/** Date and time in MS-DOS format: 2025-01-01 00:00. */
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

function bytesOf(data: Uint8Array | string | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Raw deflate of `chunk` × `times`: each piece is a sync-flushed, non-final deflate run, then one final empty block. */
function deflateRepeated(chunk: Uint8Array, times: number): { compressed: Uint8Array; crc: number; size: number } {
  const piece = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const pieces: Uint8Array[] = [];
  let crc = 0;
  for (let index = 0; index < times; index += 1) {
    pieces.push(piece);
    crc = crc32(chunk, crc);
  }
  pieces.push(Uint8Array.of(0x03, 0x00));
  return { compressed: Buffer.concat(pieces), crc, size: chunk.length * times };
}

function pack(entry: ZipEntry): Packed {
  const flags = UTF8_FLAG | (entry.encrypted === true ? ENCRYPTED_FLAG : 0);
  const name = Buffer.from(entry.name, 'utf8');
  if (entry.repeat !== undefined) {
    const { compressed, crc, size } = deflateRepeated(entry.repeat.chunk, entry.repeat.times);
    return { name, compressed, crc, size: entry.declaredSize ?? size, method: 8, flags };
  }
  const data = bytesOf(entry.data);
  const store = entry.method === 'store';
  return {
    name,
    compressed: store ? data : deflateRawSync(data),
    crc: crc32(data),
    size: entry.declaredSize ?? data.length,
    method: store ? 0 : 8,
    flags,
  };
}

function localHeader(entry: Packed): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(entry.flags, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressed.length, 18);
  header.writeUInt32LE(entry.size >>> 0, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Packed, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressed.length, 20);
  header.writeUInt32LE(entry.size >>> 0, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** Writes a zip archive of the given entries, in order (duplicates kept), with the lies the options ask for. */
export function makeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const packed = pack(entry);
    const header = localHeader(packed);
    central.push(centralHeader(packed, offset));
    parts.push(header, packed.compressed);
    offset += header.length + packed.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  const count = options.declaredEntryCount ?? entries.length;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}
