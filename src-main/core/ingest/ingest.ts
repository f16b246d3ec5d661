import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, sep } from 'node:path';
import type { Connection } from '../store/database';
import type { IngestProgress, IngestReport } from '../../contract/library';
import type { ExtractionOutcome } from '../extract/types';
import { walkPaths, describeFileError, type FoundFile } from './walk';
import {
  documentsUnder,
  findDocumentByPath,
  insertDocument,
  markMissing,
  touchDocument,
  updateDocumentContent,
  type DocumentContent,
} from '../store/documents';
import { replaceSpans, restoredTexts } from '../store/boilerplate';
import { addToStory, ensureStory } from '../store/stories';
import { composeReadingText } from '../extract/reading-text';
import { countWords, documentIdForPath, hashText } from './identity';

/** Bump when extraction changes so unchanged files are re-extracted once. */
export const EXTRACTOR_VERSION = 1;

/** Files written per transaction: large enough to amortize fsync, small enough to report progress. */
const BATCH_SIZE = 250;

/** How ingest reads and extracts files; the default is in-process, a worker pool can take its place. */
export interface IngestOptions {
  story?: string;
  extract: (bytes: Uint8Array, path: string) => ExtractionOutcome;
  isSupported: (path: string) => boolean;
  maxFileBytes: number;
  onProgress?: (progress: IngestProgress) => void;
  now?: () => string;
}

interface PreparedFile {
  file: FoundFile;
  existing: ReturnType<typeof findDocumentByPath>;
  /** Content to write, or null when the file is unchanged and only needs its stat refreshed. */
  content: DocumentContent | null;
  spans: Parameters<typeof replaceSpans>[2];
}

/** Turns raw bytes into the content columns of a document, or a reason it cannot be read. */
function prepareContent(
  db: Connection,
  file: FoundFile,
  bytes: Buffer,
  contentHash: string,
  existingRowid: number | undefined,
  extract: IngestOptions['extract'],
): { content: DocumentContent; spans: PreparedFile['spans'] } | { error: string } {
  const outcome = extract(bytes, file.path);
  if (!outcome.ok) return { error: outcome.error.message };
  const extraction = outcome.value;
  const restoredSpanTexts = existingRowid === undefined ? new Set<string>() : restoredTexts(db, existingRowid);
  const restored = new Set<number>();
  extraction.boilerplate.forEach((span, index) => {
    if (restoredSpanTexts.has(extraction.rawText.slice(span.start, span.end))) restored.add(index);
  });
  const readingText = composeReadingText(extraction.rawText, extraction.boilerplate, restored);
  const content: DocumentContent = {
    format: extraction.format,
    encoding: extraction.encoding,
    contentHash,
    fileSize: file.size,
    fileMtimeMs: file.mtimeMs,
    extractorVersion: EXTRACTOR_VERSION,
    rawText: extraction.rawText,
    readingText,
    textHash: hashText(readingText),
    ...extraction.metadata,
    words: countWords(readingText),
  };
  return { content, spans: extraction.boilerplate };
}

/**
 * Ingests files and folders into the library: new files added, changed files updated under the same id, unchanged
 * files skipped (size+mtime, then content hash), vanished files marked missing; every refusal reported, never fatal.
 */
export function ingestPaths(db: Connection, paths: readonly string[], options: IngestOptions): IngestReport {
  const now = options.now ?? (() => new Date().toISOString());
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, missing: 0, failed: [] };
  options.onProgress?.({ phase: 'scanning', done: 0, total: 0 });
  const walk = walkPaths(paths, options.isSupported);
  report.failed.push(...walk.problems.filter((problem) => !walk.absent.includes(problem.path) || !findDocumentByPath(db, problem.path)));
  const total = walk.files.length;
  const seen = new Set<string>();
  const storyFor = (file: FoundFile): string | null => options.story ?? (file.root ? basename(file.root) : null);

  for (let offset = 0; offset < total; offset += BATCH_SIZE) {
    const batch = walk.files.slice(offset, offset + BATCH_SIZE);
    const prepared: PreparedFile[] = [];
    for (const file of batch) {
      seen.add(file.path);
      const existing = findDocumentByPath(db, file.path);
      const fresh = existing && existing.extractor_version === EXTRACTOR_VERSION;
      if (fresh && existing.file_size === file.size && existing.file_mtime_ms === file.mtimeMs && !existing.missing) {
        prepared.push({ file, existing, content: null, spans: [] });
        continue;
      }
      if (file.size > options.maxFileBytes) {
        const limit = Math.round(options.maxFileBytes / 1024 / 1024);
        report.failed.push({ path: file.path, error: `This file is larger than ${limit} MB; Parallax does not read files that big.` });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(file.path);
      } catch (error) {
        report.failed.push({ path: file.path, error: describeFileError(error) });
        continue;
      }
      const contentHash = createHash('sha256').update(bytes).digest('hex');
      if (fresh && existing.content_hash === contentHash) {
        prepared.push({ file, existing, content: null, spans: [] });
        continue;
      }
      const outcome = prepareContent(db, file, bytes, contentHash, existing?.rowid, options.extract);
      if ('error' in outcome) report.failed.push({ path: file.path, error: outcome.error });
      else prepared.push({ file, existing, ...outcome });
    }
    db.transaction(() => {
      const stamp = now();
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
    options.onProgress?.({ phase: 'reading', done: Math.min(offset + BATCH_SIZE, total), total, path: batch.at(-1)?.path });
  }

  db.transaction(() => {
    const stamp = now();
    const gone = (rowid: number, missing: number) => {
      if (missing) return;
      markMissing(db, rowid, stamp);
      report.missing++;
    };
    for (const folder of walk.folders) {
      for (const document of documentsUnder(db, folder, sep)) if (!seen.has(document.path)) gone(document.rowid, document.missing);
    }
    for (const path of walk.absent) {
      const document = findDocumentByPath(db, path);
      if (document) gone(document.rowid, document.missing);
    }
  }).immediate();
  options.onProgress?.({ phase: 'done', done: total, total });
  return report;
}
