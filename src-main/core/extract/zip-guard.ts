/**
 * Zip guard: inspects an archive (Word files are zips) before any parser sees it, refusing zip bombs, path tricks,
 * hidden or duplicate parts and password-protected files. Every entry is actually inflated and counted, because the
 * sizes an archive declares can lie. Built on yauzl, reading from memory; never throws.
 */

import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import type { ExtractionError } from './types';

/** Most parts an archive may hold: a Word file has tens; thousands only come from crafted archives. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Most bytes all parts may unpack to: a long report with tracked changes stays far below; more is a bomb or a photo album. */
export const MAX_ZIP_INFLATED_BYTES = 200 * 1024 * 1024;
/** Highest unpacked/packed ratio of one part: XML packs about 10:1, a bomb of zeros about 1000:1. */
export const MAX_ZIP_RATIO = 100;
/** Parts unpacking to less than this are never judged by ratio: tiny, repetitive XML may pack well and is harmless. */
export const ZIP_RATIO_FLOOR_BYTES = 1024 * 1024;
/** Largest part readZipParts hands back: the metadata parts asked for are a few kilobytes. */
export const MAX_KEPT_PART_BYTES = 4 * 1024 * 1024;

/** The limits the guard enforces (tests pass smaller ones). */
export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
}

/** The limits used when the caller gives none. */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxInflatedBytes: MAX_ZIP_INFLATED_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioFloorBytes: ZIP_RATIO_FLOOR_BYTES,
};

/** Verdict of the guard; inflatedBytes says how much was actually unpacked before it stopped (bombs stop early). */
export type ZipCheck =
  | { ok: true; entryNames: string[]; inflatedBytes: number }
  | { ok: false; error: ExtractionError; inflatedBytes: number };

/** A passed check with the content of the parts asked for (those present and at most MAX_KEPT_PART_BYTES). */
export type ZipParts =
  | { ok: true; entryNames: string[]; inflatedBytes: number; parts: Map<string, Uint8Array> }
  | { ok: false; error: ExtractionError; inflatedBytes: number };

const UTF8_FLAG = 0x0800;
const ENCRYPTED_FLAG = 0x0001;
const STRONG_ENCRYPTION_FLAG = 0x0040;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const STORED = 0;
const DEFLATED = 8;

function refusal(code: ExtractionError['code'], message: string): ExtractionError {
  return { code, message };
}

function megabytes(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;
}

const DAMAGED = refusal('malformed', 'The file is damaged or incomplete, so it cannot be opened.');
const ENCRYPTED = refusal('unreadable', 'The file is password-protected, so its text cannot be read.');

/** Why an entry name is unsafe, as words for the refusal sentence, or null when it is an ordinary relative name. */
export function unsafeNameReason(name: string): string | null {
  if (name === '') return 'no name at all';
  if (/[\u0000-\u001F\u007F]/.test(name)) return 'a control character';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'a drive letter';
  if (name.split('/').includes('..')) return 'a ".." step out of its folder';
  return null;
}

/** The names an entry goes by: its own field (UTF-8 when flagged, else bytes as Latin-1) and any Info-ZIP Unicode path. */
function entryNames(entry: Entry): string[] {
  const raw = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
  const utf8 = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0;
  const names = [utf8 ? new TextDecoder('utf-8').decode(raw) : Buffer.from(raw).toString('latin1')];
  for (const field of entry.extraFields ?? []) {
    if (field.id === INFO_ZIP_UNICODE_PATH && field.data.length >= 6 && field.data[0] === 1) {
      names.push(new TextDecoder('utf-8').decode(field.data.subarray(5)));
    }
  }
  return names;
}

/** A refusal for what yauzl reports, by its message: strong encryption and size lies are told apart from damage. */
function classifyLibraryError(error: unknown): ExtractionError {
  const message = error instanceof Error ? error.message : '';
  if (/encrypt/i.test(message)) return ENCRYPTED;
  if (/too many bytes/i.test(message)) return sizeLie();
  if (/compression method/i.test(message)) return unsupportedMethod();
  return DAMAGED;
}

function sizeLie(): ExtractionError {
  return refusal('unsafe', 'The file contains a part that unpacks to more than its declared size, so it was not opened.');
}

function unsupportedMethod(): ExtractionError {
  return refusal('unreadable', 'The file uses a compression method Parallax cannot read.');
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Opens the archive lazily; names stay raw bytes (decodeStrings off) so our own rules judge them, one sentence each. */
function openZip(buffer: Buffer): Promise<ZipFile | ExtractionError> {
  return new Promise((resolve) => {
    try {
      const options = { lazyEntries: true, validateEntrySizes: true, decodeStrings: false, autoClose: false };
      yauzl.fromBuffer(buffer, options, (error, zipfile) => {
        resolve(error !== null || zipfile === undefined ? DAMAGED : zipfile);
      });
    } catch {
      resolve(DAMAGED);
    }
  });
}

/**
 * Running count of actually inflated bytes: per entry against its declared size (declared sizes can lie), and in
 * total against the limit (a second line of defence: honest entries cannot pass the declared total, which is judged
 * first, but the count does not rely on that).
 */
export class InflationCounter {
  /** Bytes inflated so far, over all entries. */
  total = 0;
  private entryBytes = 0;
  private declared = 0;

  constructor(private readonly limit: number) {}

  /** Begins counting a new entry that declares this uncompressed size. */
  startEntry(declaredSize: number): void {
    this.entryBytes = 0;
    this.declared = declaredSize;
  }

  /** Counts a chunk; says which bound it broke first ('entry': larger than declared, 'total': over the limit). */
  add(bytes: number): 'entry' | 'total' | null {
    this.entryBytes += bytes;
    this.total += bytes;
    if (this.entryBytes > this.declared) return 'entry';
    return this.total > this.limit ? 'total' : null;
  }

  /** Whether the entry ended exactly at its declared size (shorter means a damaged archive). */
  entryComplete(): boolean {
    return this.entryBytes === this.declared;
  }
}

/** Walks every entry: name, flags and declared sizes checked first, then the bytes inflated and counted. */
class ZipWalk {
  readonly counter: InflationCounter;
  readonly names: string[] = [];
  readonly parts = new Map<string, Uint8Array>();
  private readonly seen = new Set<string>();
  private declaredBytes = 0;

  constructor(
    private readonly zipfile: ZipFile,
    private readonly buffer: Buffer,
    private readonly limits: ZipLimits,
    private readonly wanted: ReadonlySet<string>,
  ) {
    this.counter = new InflationCounter(limits.maxInflatedBytes);
  }

  /** First every header is judged (nothing inflated yet), then every entry is inflated and counted, in order. */
  async run(): Promise<ExtractionError | null> {
    try {
      if (this.zipfile.entryCount > this.limits.maxEntries) return this.tooManyEntries(this.zipfile.entryCount);
      const entries = await this.readHeaders();
      if (!Array.isArray(entries)) return entries;
      for (const [index, entry] of entries.entries()) {
        const error = await this.inflate(entry, this.names[index] ?? '');
        if (error !== null) return error;
      }
      return null;
    } finally {
      if (this.zipfile.isOpen) this.zipfile.close();
    }
  }

  /** Reads and judges every central directory record, or the first refusal. */
  private readHeaders(): Promise<Entry[] | ExtractionError> {
    const { zipfile } = this;
    const entries: Entry[] = [];
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: Entry[] | ExtractionError): void => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      zipfile.on('error', (error: unknown) => settle(classifyLibraryError(error)));
      zipfile.on('end', () => settle(this.hiddenEntries() ?? entries));
      zipfile.on('entry', (entry: Entry) => {
        const refused = this.judge(entry);
        if (refused !== null) return settle(refused);
        entries.push(entry);
        zipfile.readEntry();
      });
      zipfile.readEntry();
    });
  }

  private tooManyEntries(count: number): ExtractionError {
    return refusal(
      'unsafe',
      `The file holds ${count.toLocaleString('en-US')} parts, more than the ${this.limits.maxEntries.toLocaleString('en-US')} a genuine document would, so it was not opened.`,
    );
  }

  /** Refuses an entry on what its headers say, before a byte of it is inflated. */
  private judge(entry: Entry): ExtractionError | null {
    const names = entryNames(entry);
    for (const name of names) {
      const reason = unsafeNameReason(name);
      if (reason !== null) {
        return refusal('unsafe', `The file contains a part whose name has ${reason}, which a genuine document never has, so it was not opened.`);
      }
    }
    for (const name of new Set(names.map((value) => value.toLowerCase()))) {
      // Office part names are compared without regard to case, so "Word/document.xml" duplicates "word/document.xml".
      if (this.seen.has(name)) {
        return refusal('unsafe', 'The file contains two parts with the same name, a way to hide content, so it was not opened.');
      }
      this.seen.add(name);
    }
    this.names.push(names[0] ?? '');
    if ((entry.generalPurposeBitFlag & (ENCRYPTED_FLAG | STRONG_ENCRYPTION_FLAG)) !== 0) return ENCRYPTED;
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) return unsupportedMethod();
    this.declaredBytes += entry.uncompressedSize;
    if (this.declaredBytes > this.limits.maxInflatedBytes) {
      return refusal('unsafe', `The file would unpack to more than ${megabytes(this.limits.maxInflatedBytes)}, so it was not opened.`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > this.limits.ratioFloorBytes && ratio > this.limits.maxRatio) {
      return refusal('unsafe', `The file contains a part packed more than ${this.limits.maxRatio} times over, the mark of a zip bomb, so it was not opened.`);
    }
    return null;
  }

  /** Inflates one entry, counting bytes; stops as soon as it outgrows its declared size or the total limit. */
  private inflate(entry: Entry, name: string): Promise<ExtractionError | null> {
    const keep = this.wanted.has(name) && entry.uncompressedSize <= MAX_KEPT_PART_BYTES;
    const { counter } = this;
    counter.startEntry(entry.uncompressedSize);
    return new Promise((resolve) => {
      this.zipfile.openReadStream(entry, (openError, stream: Readable | undefined) => {
        if (openError !== null || stream === undefined) return resolve(classifyLibraryError(openError));
        let done = false;
        const chunks: Buffer[] = [];
        const finish = (error: ExtractionError | null): void => {
          if (done) return;
          done = true;
          if (error !== null) stream.destroy();
          resolve(error);
        };
        stream.on('data', (chunk: Buffer) => {
          if (done) return;
          const overrun = counter.add(chunk.length);
          if (overrun === 'entry') return finish(sizeLie());
          if (overrun === 'total') {
            return finish(refusal('unsafe', `The file unpacks to more than ${megabytes(this.limits.maxInflatedBytes)}, so it was not opened.`));
          }
          if (keep) chunks.push(chunk);
        });
        stream.on('error', (error: unknown) => finish(classifyLibraryError(error)));
        stream.on('end', () => {
          if (!counter.entryComplete()) return finish(DAMAGED);
          if (keep) this.parts.set(name, Buffer.concat(chunks));
          finish(null);
        });
      });
    });
  }

  /**
   * Entries beyond the count the end record declares: yauzl stops at the declared count, but other zip readers
   * (mammoth's JSZip) read every record, so such entries would reach the parser unchecked.
   */
  private hiddenEntries(): ExtractionError | null {
    const cursor = (this.zipfile as unknown as { readEntryCursor: unknown }).readEntryCursor;
    if (typeof cursor !== 'number' || cursor + 4 > this.buffer.length) return null;
    if (this.buffer.readUInt32LE(cursor) !== CENTRAL_HEADER_SIGNATURE) return null;
    return refusal('unsafe', 'The file contains parts missing from its own count, a way to hide content, so it was not opened.');
  }
}

async function walk(bytes: Uint8Array, wanted: ReadonlySet<string>, limits: Partial<ZipLimits>): Promise<ZipParts> {
  const all: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  try {
    const buffer = toBuffer(bytes);
    const opened = await openZip(buffer);
    if ('code' in opened) return { ok: false, error: opened, inflatedBytes: 0 };
    const zipWalk = new ZipWalk(opened, buffer, all, wanted);
    const error = await zipWalk.run();
    if (error !== null) return { ok: false, error, inflatedBytes: zipWalk.counter.total };
    return { ok: true, entryNames: zipWalk.names, inflatedBytes: zipWalk.counter.total, parts: zipWalk.parts };
  } catch {
    return { ok: false, error: DAMAGED, inflatedBytes: 0 };
  }
}

/** Checks a zip archive before a parser sees it: sizes, ratios, names, duplicates, encryption, actual inflated bytes. */
export async function checkZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): Promise<ZipCheck> {
  const result = await walk(bytes, new Set(), limits);
  return result.ok ? { ok: true, entryNames: result.entryNames, inflatedBytes: result.inflatedBytes } : result;
}

/** checkZip that also hands back the content of the named parts (small metadata parts), all in one pass. */
export async function readZipParts(bytes: Uint8Array, names: readonly string[], limits: Partial<ZipLimits> = {}): Promise<ZipParts> {
  return walk(bytes, new Set(names), limits);
}
