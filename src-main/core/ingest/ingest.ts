import { basename, sep } from 'node:path';
import type { Connection } from '../store/database';
import type { IngestProgress, IngestReport } from '../../contract/library';
import { walkPaths, type FoundFile } from './walk';
import {
  documentsUnder,
  findDocumentByPath,
  findDocumentsByPaths,
  insertDocument,
  markMissing,
  touchDocument,
  updateDocumentContent,
  type DocumentContent,
  type DocumentRow,
} from '../store/documents';
import { replaceSpans, restoredTexts } from '../store/boilerplate';
import { addToStory, ensureStory } from '../store/stories';
import type { BoilerplateSpan } from '../extract/types';
import { documentIdForPath } from './identity';
import { readingTextOf, type ReadOutcome } from './read-file';
import type { ExtractPool } from './extract-pool';

/** Bump when extraction changes so unchanged files are re-extracted once (2: damaged UTF-8 and BOM-less UTF-16 read as such). */
export const EXTRACTOR_VERSION = 2;

/** Files written per transaction: large enough to amortize fsync, small enough to report progress. */
const BATCH_SIZE = 1000;

/** How ingest reads files: a pool of extraction workers (or an inline one) and the size limit. */
export interface IngestOptions {
  story?: string;
  /** Reads and extracts files (worker threads or inline); closed when the ingest ends. */
  pool: ExtractPool;
  isSupported: (path: string) => boolean;
  maxFileBytes: number;
  /** Files per transaction (default BATCH_SIZE); the crash tests use smaller batches to kill between commits. */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  now?: () => string;
}

/** One file of a batch after reading: unchanged (content null), or with the content to write. */
interface PreparedFile {
  file: FoundFile;
  existing: DocumentRow | undefined;
  content: DocumentContent | null;
  spans: BoilerplateSpan[];
}

/** Builds the content columns from an extraction; the reporter's restored spans, if any, are put back. */
function contentOf(db: Connection, file: FoundFile, outcome: Extract<ReadOutcome, { status: 'extracted' }>, existing: DocumentRow | undefined): DocumentContent {
  const { extraction } = outcome;
  let reading = outcome.reading;
  const restoredSpanTexts = existing === undefined ? new Set<string>() : restoredTexts(db, existing.rowid);
  if (restoredSpanTexts.size > 0) {
    const restored = new Set<number>();
    extraction.boilerplate.forEach((span, index) => {
      if (restoredSpanTexts.has(extraction.rawText.slice(span.start, span.end))) restored.add(index);
    });
    if (restored.size > 0) reading = readingTextOf(extraction, restored);
  }
  return {
    format: extraction.format,
    encoding: extraction.encoding,
    contentHash: outcome.contentHash,
    fileSize: file.size,
    fileMtimeMs: file.mtimeMs,
    extractorVersion: EXTRACTOR_VERSION,
    rawText: extraction.rawText,
    readingText: reading.text,
    textHash: reading.hash,
    ...extraction.metadata,
    words: reading.words,
  };
}

/** Reads one batch through the pool; files whose size and time are unchanged are not even opened. */
async function prepareBatch(db: Connection, batch: readonly FoundFile[], pool: ExtractPool, options: IngestOptions, report: IngestReport): Promise<PreparedFile[]> {
  const prepared: (PreparedFile | null)[] = [];
  const toRead: { index: number; file: FoundFile; existing: DocumentRow | undefined; fresh: boolean }[] = [];
  const known = findDocumentsByPaths(db, batch.map((file) => file.path));
  for (const file of batch) {
    const existing = known.get(file.path);
    const fresh = existing !== undefined && existing.extractor_version === EXTRACTOR_VERSION;
    if (fresh && existing.file_size === file.size && existing.file_mtime_ms === file.mtimeMs && !existing.missing) {
      prepared.push({ file, existing, content: null, spans: [] });
    } else {
      toRead.push({ index: prepared.length, file, existing, fresh });
      prepared.push(null);
    }
  }
  const outcomes = await pool.run(
    toRead.map(({ file, existing, fresh }) => ({ path: file.path, maxBytes: options.maxFileBytes, knownHash: fresh ? existing!.content_hash : null })),
  );
  outcomes.forEach((outcome, position) => {
    const { index, file, existing } = toRead[position]!;
    if (outcome.status === 'failed') {
      report.failed.push({ path: file.path, error: outcome.error });
      return;
    }
    // The stat of the bytes read, not the walk's: a file changed in between is stored with the size and time it has.
    const read = { ...file, size: outcome.size, mtimeMs: outcome.mtimeMs };
    if (outcome.status === 'same') prepared[index] = { file: read, existing, content: null, spans: [] };
    else prepared[index] = { file: read, existing, content: contentOf(db, read, outcome, existing), spans: outcome.extraction.boilerplate };
  });
  return prepared.filter((item): item is PreparedFile => item !== null);
}

/** Writes one prepared batch in a single transaction, counting what changed. */
function writeBatch(db: Connection, prepared: readonly PreparedFile[], storyFor: (file: FoundFile) => string | null, stamp: string, report: IngestReport): void {
  db.transaction(() => {
    for (const item of prepared) {
      let rowid: number;
      if (!item.content) {
        rowid = item.existing!.rowid;
        if (item.existing!.missing) report.updated++;
        else report.unchanged++;
        if (item.existing!.file_mtime_ms !== item.file.mtimeMs || item.existing!.missing) touchDocument(db, rowid, item.file.mtimeMs);
      } else if (item.existing) {
        rowid = item.existing.rowid;
        updateDocumentContent(db, rowid, item.content, stamp);
        replaceSpans(db, rowid, item.spans);
        report.updated++;
      } else {
        rowid = insertDocument(db, documentIdForPath(db, item.file.path), item.file.path, item.content, stamp);
        replaceSpans(db, rowid, item.spans);
        report.added++;
      }
      const story = storyFor(item.file);
      if (story) addToStory(db, ensureStory(db, story, stamp), rowid);
    }
  }).immediate();
}

/** Marks the documents of walked folders (and absent file arguments) whose files are gone. */
function markVanished(db: Connection, folders: readonly string[], absent: readonly string[], seen: ReadonlySet<string>, stamp: string, report: IngestReport): void {
  db.transaction(() => {
    const gone = (rowid: number, missing: number) => {
      if (missing) return;
      markMissing(db, rowid, stamp);
      report.missing++;
    };
    for (const folder of folders) {
      for (const document of documentsUnder(db, folder, sep)) if (!seen.has(document.path)) gone(document.rowid, document.missing);
    }
    for (const path of absent) {
      const document = findDocumentByPath(db, path);
      if (document) gone(document.rowid, document.missing);
    }
  }).immediate();
}

/**
 * Ingests files and folders into the library: new files added, changed files updated under the same id, unchanged
 * files skipped (size+mtime, then content hash), vanished files marked missing; every refusal reported, never fatal.
 * Reading and extraction of the next batch overlap the writing of the current one.
 */
export async function ingestPaths(db: Connection, paths: readonly string[], options: IngestOptions): Promise<IngestReport> {
  const now = options.now ?? (() => new Date().toISOString());
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, missing: 0, failed: [] };
  options.onProgress?.({ phase: 'scanning', done: 0, total: 0 });
  const walk = walkPaths(paths, options.isSupported);
  report.failed.push(...walk.problems.filter((problem) => !walk.absent.includes(problem.path) || !findDocumentByPath(db, problem.path)));
  const total = walk.files.length;
  const seen = new Set(walk.files.map((file) => file.path));
  const storyFor = (file: FoundFile): string | null => options.story ?? (file.root ? basename(file.root) : null);

  const batches: FoundFile[][] = [];
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  for (let offset = 0; offset < total; offset += batchSize) batches.push(walk.files.slice(offset, offset + batchSize));
  const pool = options.pool;
  try {
    let done = 0;
    let next = batches.length > 0 ? prepareBatch(db, batches[0]!, pool, options, report) : null;
    for (let index = 0; index < batches.length; index++) {
      const prepared = await next!;
      next = index + 1 < batches.length ? prepareBatch(db, batches[index + 1]!, pool, options, report) : null;
      writeBatch(db, prepared, storyFor, now(), report);
      done += batches[index]!.length;
      options.onProgress?.({ phase: 'reading', done, total, path: batches[index]!.at(-1)?.path });
    }
  } finally {
    await pool.close();
  }
  markVanished(db, walk.folders, walk.absent, seen, now(), report);
  options.onProgress?.({ phase: 'done', done: total, total });
  return report;
}
