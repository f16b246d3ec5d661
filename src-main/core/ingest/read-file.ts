import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extractDocument } from '../extract';
import { composeReadingText } from '../extract/reading-text';
import { countWords, hashText } from './text-identity';
import type { Extraction } from '../extract/types';
import { describeFileError } from './walk';

/** One file to read and extract, with the size limit and the content hash it had (to skip unchanged bytes). */
export interface ReadJob {
  path: string;
  maxBytes: number;
  knownHash: string | null;
}

/** What reading one file gave: its content hash and extraction, "same as known", or a reason it was refused. */
export type ReadOutcome =
  | { path: string; status: 'extracted'; contentHash: string; extraction: Extraction; reading: ReadingText }
  | { path: string; status: 'same'; contentHash: string }
  | { path: string; status: 'failed'; error: string };

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

/** Reads, hashes and extracts one file; never throws (runs in the extraction workers and in-process alike). */
export function readAndExtract(job: ReadJob): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.path);
  } catch (error) {
    return { path: job.path, status: 'failed', error: describeFileError(error) };
  }
  if (bytes.length > job.maxBytes) {
    const limit = Math.round(job.maxBytes / 1024 / 1024);
    return { path: job.path, status: 'failed', error: `This file is larger than ${limit} MB; Parallax does not read files that big.` };
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (contentHash === job.knownHash) return { path: job.path, status: 'same', contentHash };
  const outcome = extractDocument(bytes, job.path);
  if (!outcome.ok) return { path: job.path, status: 'failed', error: outcome.error.message };
  return { path: job.path, status: 'extracted', contentHash, extraction: outcome.value, reading: readingTextOf(outcome.value) };
}
