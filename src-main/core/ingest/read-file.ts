import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { extractDocument } from '../extract';
import { composeReadingText } from '../extract/reading-text';
import { countWords, hashText } from './text-identity';
import type { Extraction } from '../extract/types';
import { describeFileError, describeSpecial } from './walk';

/** One file to read and extract, with the size limit and the content hash it had (to skip unchanged bytes). */
export interface ReadJob {
  path: string;
  maxBytes: number;
  knownHash: string | null;
}

/** An attached file of a message, extracted by the worker that read the message, or refused with a reason. */
export type AttachmentOutcome =
  | { name: string; status: 'extracted'; contentHash: string; size: number; extraction: Extraction; reading: ReadingText }
  | { name: string; status: 'failed'; error: string };

/** What reading one file gave: its content hash and extraction, "same as known", or a reason it was refused. */
export type ReadOutcome =
  | ({ path: string; status: 'extracted'; contentHash: string; extraction: Extraction; reading: ReadingText; attachments: AttachmentOutcome[] } & ReadStat)
  | ({ path: string; status: 'same'; contentHash: string } & ReadStat)
  | { path: string; status: 'failed'; error: string };

/** Size and modification time of the bytes actually read (the walk's stat may be older): what the store keeps. */
export interface ReadStat {
  size: number;
  mtimeMs: number;
}

/** Reads of a file that keeps changing while it is read, before it is refused. */
const READ_ATTEMPTS = 3;

/** Opening flags: read-only, and non-blocking so a file swapped for a named pipe after the walk cannot hang the read. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The refusal of a file over the size limit, naming both sizes (the file's rounded up, so it never reads as equal). */
function tooLargeMessage(size: number, maxBytes: number): string {
  const megabytes = size / 1024 / 1024;
  const shown = megabytes >= 100 ? Math.ceil(megabytes) : Math.ceil(megabytes * 10) / 10;
  return `This file is ${shown} MB, more than the ${Math.round(maxBytes / 1024 / 1024)} MB Parallax reads; it was not read.`;
}

/** Why a file was not stored when it kept changing while it was read. */
export const CHANGED_WHILE_READ = 'This file changed while Parallax was reading it (it is probably still being written); it was not stored. Ingest it again once it is complete.';

function sameStat(before: Stats, after: Stats): boolean {
  return before.size === after.size && before.mtimeMs === after.mtimeMs;
}

/** One read of an open file: refused by its stat before any byte is read, or its bytes if the stat held throughout. */
function readOnce(fd: number, maxBytes: number): { bytes: Buffer; stat: ReadStat } | { error: string } | 'changed' {
  const before = fstatSync(fd);
  if (!before.isFile()) return { error: describeSpecial(before) ?? 'This is not a regular file; it was not read.' };
  if (before.size > maxBytes) return { error: tooLargeMessage(before.size, maxBytes) };
  // One byte more than the stat says, so a file that grew since is noticed. Reading stops once the stat's size is in:
  // a file that grows after that changes its size, which the second stat below sees, so no read is spent on the end.
  const bytes = Buffer.allocUnsafe(before.size + 1);
  let length = 0;
  for (;;) {
    const count = readSync(fd, bytes, length, bytes.length - length, length);
    if (count === 0) break;
    length += count;
    if (length >= before.size) break;
  }
  if (length !== before.size || !sameStat(before, fstatSync(fd))) return 'changed';
  return { bytes: bytes.subarray(0, length), stat: { size: before.size, mtimeMs: Math.trunc(before.mtimeMs) } };
}

/**
 * Reads a whole file as one consistent snapshot: the size limit is checked on the open file's stat before reading
 * (a huge file costs no memory), and a file whose size or time changes during the read is read again, then refused.
 */
export function readSnapshot(path: string, maxBytes: number): { bytes: Buffer; stat: ReadStat } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return { error: describeFileError(error) };
  }
  try {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const result = readOnce(fd, maxBytes);
      if (result !== 'changed') return result;
    }
    return { error: CHANGED_WHILE_READ };
  } catch (error) {
    return { error: describeFileError(error) };
  } finally {
    closeSync(fd);
  }
}

/** A reading text with what the store keeps beside it. */
export interface ReadingText {
  text: string;
  hash: string;
  words: number;
}

/** Composes the reading text (minus boilerplate, except restored spans) with its hash and word count. */
export function readingTextOf(source: Pick<Extraction, 'rawText' | 'boilerplate'>, restored?: ReadonlySet<number>): ReadingText {
  const text = composeReadingText(source.rawText, source.boilerplate, restored);
  return { text, hash: hashText(text), words: countWords(text) };
}

/** Messages inside messages are opened this deep (a forwarded tip inside a tip); deeper ones are stored unopened. */
const ATTACHMENT_DEPTH = 3;

const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Extracts the attached files of an extraction, flattening forwarded messages' own attachments ("fwd.eml/report.pdf"). */
async function extractAttachments(extraction: Extraction, depth: number, prefix = ''): Promise<AttachmentOutcome[]> {
  const attached = extraction.attachments ?? [];
  delete extraction.attachments;
  const outcomes: AttachmentOutcome[] = [];
  const taken = new Set<string>();
  for (const file of attached) {
    let name = prefix + file.fileName;
    for (let copy = 2; taken.has(name); copy++) name = `${prefix}${copy}-${file.fileName}`;
    taken.add(name);
    const outcome = await extractDocument(file.bytes, file.fileName);
    if (!outcome.ok) {
      outcomes.push({ name, status: 'failed', error: outcome.error.message });
      continue;
    }
    const nested = depth > 1 ? await extractAttachments(outcome.value, depth - 1, `${name}/`) : [];
    delete outcome.value.attachments;
    outcomes.push({ name, status: 'extracted', contentHash: hashBytes(file.bytes), size: file.bytes.length, extraction: outcome.value, reading: readingTextOf(outcome.value) }, ...nested);
  }
  return outcomes;
}

/** Reads, hashes and extracts one file and its attachments; never rejects (runs in the extraction workers and in-process alike). */
export async function readAndExtract(job: ReadJob): Promise<ReadOutcome> {
  const snapshot = readSnapshot(job.path, job.maxBytes);
  if ('error' in snapshot) return { path: job.path, status: 'failed', error: snapshot.error };
  const { bytes, stat } = snapshot;
  const contentHash = hashBytes(bytes);
  if (contentHash === job.knownHash) return { path: job.path, status: 'same', contentHash, ...stat };
  const outcome = await extractDocument(bytes, job.path);
  if (!outcome.ok) return { path: job.path, status: 'failed', error: outcome.error.message };
  const attachments = await extractAttachments(outcome.value, ATTACHMENT_DEPTH);
  return { path: job.path, status: 'extracted', contentHash, extraction: outcome.value, reading: readingTextOf(outcome.value), attachments, ...stat };
}
