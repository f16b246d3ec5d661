import { existsSync } from 'node:fs';
import { basename, sep } from 'node:path';
import type { Connection } from '../store/database';
import type { IngestProgress, IngestReport } from '../../contract/library';
import { walkPaths, type FoundFile } from './walk';
import {
  attachmentsOf,
  documentsUnder,
  filesWithContent,
  findDocumentByPath,
  findDocumentsByPaths,
  insertDocument,
  markMissing,
  moveDocument,
  setCarrier,
  storedContentHashes,
  touchDocument,
  updateDocumentContent,
  type DocumentContent,
  type DocumentRow,
} from '../store/documents';
import { addSpans, replaceSpans, restoredTexts } from '../store/boilerplate';
import { replacePages } from '../store/pages';
import { addToStory, ensureStory } from '../store/stories';
import type { BoilerplateSpan, Extraction, PageStart } from '../extract/types';
import { BatchIds } from './identity';
import { readingTextOf, type AttachmentOutcome, type ReadingText } from './read-file';
import type { ExtractPool } from './extract-pool';

/** Bump when extraction changes so unchanged files are re-extracted once (2: damaged UTF-8 and BOM-less UTF-16 read as such). */
export const EXTRACTOR_VERSION = 2;

/** Separates a message's path from its attachment's name in the attachment's path ("tip.eml#report.pdf"). */
export const ATTACHMENT_SEPARATOR = '#';

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
  pages: PageStart[];
  /** The message's attachments as read now; null when the file was not read again (its attachments stand). */
  attachments: AttachmentOutcome[] | null;
  /** The extraction the content came from, to rebuild it for a moved file (whose restored spans come back). */
  source: ExtractedSource | null;
}

/** What the store needs of an extracted file or attachment. */
interface ExtractedSource {
  extraction: Extraction;
  reading: ReadingText;
  contentHash: string;
}

/** Builds the content columns from an extraction; the reporter's restored spans, if any, are put back. */
function contentOf(db: Connection, source: ExtractedSource, size: number, mtimeMs: number, existing: DocumentRow | undefined): DocumentContent {
  const { extraction } = source;
  let reading = source.reading;
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
    contentHash: source.contentHash,
    fileSize: size,
    fileMtimeMs: mtimeMs,
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
      prepared.push({ file, existing, content: null, spans: [], pages: [], attachments: null, source: null });
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
    if (outcome.status === 'same') prepared[index] = { file: read, existing, content: null, spans: [], pages: [], attachments: null, source: null };
    else {
      prepared[index] = {
        file: read,
        existing,
        content: contentOf(db, outcome, read.size, read.mtimeMs, existing),
        spans: outcome.extraction.boilerplate,
        pages: outcome.extraction.pages ?? [],
        attachments: outcome.attachments,
        source: outcome,
      };
    }
  });
  return prepared.filter((item): item is PreparedFile => item !== null);
}

/**
 * The stored file a new path's bytes moved from: same content, its old path neither walked now nor on disk. Moving it
 * keeps its id, notes and stories.
 */
function movedFrom(db: Connection, contentHash: string, seen: ReadonlySet<string>): DocumentRow | undefined {
  return filesWithContent(db, contentHash).find((row) => !seen.has(row.path) && (row.missing === 1 || !existsSync(row.path)));
}

/** Writes a message's attachments as documents linked to it: new ones added, changed ones updated, vanished ones marked missing. */
function writeAttachments(db: Connection, carrier: { rowid: number; path: string; mtimeMs: number }, outcomes: readonly AttachmentOutcome[], story: number | null, ids: BatchIds, stamp: string, report: IngestReport): void {
  const stored = attachmentsOf(db, carrier.rowid);
  const present = new Set<string>();
  for (const outcome of outcomes) {
    const path = `${carrier.path}${ATTACHMENT_SEPARATOR}${outcome.name}`;
    present.add(path);
    if (outcome.status === 'failed') {
      report.failed.push({ path, error: outcome.error });
      continue;
    }
    const existing = stored.get(path);
    let rowid: number;
    if (existing && existing.content_hash === outcome.contentHash && existing.extractor_version === EXTRACTOR_VERSION) {
      rowid = existing.rowid;
      if (existing.missing) report.updated++;
      else report.unchanged++;
      touchDocument(db, rowid, carrier.mtimeMs);
    } else {
      const content = contentOf(db, outcome, outcome.size, carrier.mtimeMs, existing);
      if (existing) {
        rowid = existing.rowid;
        updateDocumentContent(db, rowid, content, stamp);
        report.updated++;
      } else {
        rowid = insertDocument(db, ids.next(path), path, content, stamp);
        setCarrier(db, rowid, carrier.rowid);
        report.added++;
      }
      if (existing) replaceSpans(db, rowid, outcome.extraction.boilerplate);
      else addSpans(db, rowid, outcome.extraction.boilerplate);
      if (existing || outcome.extraction.pages) replacePages(db, rowid, outcome.extraction.pages ?? []);
    }
    if (story !== null) addToStory(db, story, rowid);
  }
  for (const [path, row] of stored) {
    if (present.has(path) || row.missing) continue;
    markMissing(db, row.rowid, stamp);
    report.missing++;
  }
}

/** Writes one prepared batch in a single transaction, counting what changed. */
function writeBatch(db: Connection, prepared: readonly PreparedFile[], storyFor: (file: FoundFile) => string | null, seen: ReadonlySet<string>, stamp: string, report: IngestReport): void {
  db.transaction(() => {
    // Looked up once per batch rather than once per file: the stories, the new files' ids and contents.
    const stories = new Map<string, number>();
    const storyOf = (name: string): number => {
      let rowid = stories.get(name);
      if (rowid === undefined) stories.set(name, (rowid = ensureStory(db, name, stamp)));
      return rowid;
    };
    const added = prepared.filter((item) => item.content && !item.existing);
    const ids = new BatchIds(db, added.map((item) => item.file.path));
    const storedContents = storedContentHashes(db, added.map((item) => item.content!.contentHash));
    for (const item of prepared) {
      const storyName = storyFor(item.file);
      const story = storyName ? storyOf(storyName) : null;
      let rowid: number;
      if (!item.content) {
        rowid = item.existing!.rowid;
        if (item.existing!.missing) {
          report.updated++;
          // A message back in place brings back its attachments (the same bytes hold the same attachments).
          for (const attachment of attachmentsOf(db, rowid).values()) touchDocument(db, attachment.rowid, item.file.mtimeMs);
        } else report.unchanged++;
        if (item.existing!.file_mtime_ms !== item.file.mtimeMs || item.existing!.missing) touchDocument(db, rowid, item.file.mtimeMs);
      } else {
        // A file moved here keeps its old row; the batch's own new rows have paths walked now, so none is a source.
        const moved = item.existing || !storedContents.has(item.content.contentHash) ? undefined : movedFrom(db, item.content.contentHash, seen);
        const existing = item.existing ?? moved;
        if (moved) moveDocument(db, moved.rowid, moved.path, item.file.path);
        if (existing) {
          rowid = existing.rowid;
          const content = moved && item.source ? contentOf(db, item.source, item.file.size, item.file.mtimeMs, moved) : item.content;
          updateDocumentContent(db, rowid, content, stamp);
          report.updated++;
        } else {
          rowid = insertDocument(db, ids.next(item.file.path), item.file.path, item.content, stamp);
          report.added++;
        }
        if (existing) replaceSpans(db, rowid, item.spans);
        else addSpans(db, rowid, item.spans);
        // A new document without pages has none to replace: no statement on the ingest's hot path.
        if (existing || item.pages.length > 0) replacePages(db, rowid, item.pages);
        if (item.attachments) writeAttachments(db, { rowid, path: item.file.path, mtimeMs: item.file.mtimeMs }, item.attachments, story, ids, stamp, report);
      }
      if (story !== null) addToStory(db, story, rowid);
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
      for (const attachment of attachmentsOf(db, rowid).values()) gone(attachment.rowid, attachment.missing);
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
      writeBatch(db, prepared, storyFor, seen, now(), report);
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
