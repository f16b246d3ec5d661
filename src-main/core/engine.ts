import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Api } from '../contract/api';
import type { Result } from '../contract/result';
import { failure, success } from '../contract/result';
import { DEFAULT_SORT, METADATA_FIELDS, NO_FILTER, type IngestProgress, type IngestReport, type LibraryNotice, type MetadataField } from '../contract/library';
import type { Connection } from './store/database';
import { ingestPaths } from './ingest/ingest';
import { MAX_FILE_BYTES, SUPPORTED_EXTENSIONS } from './extract';
import { createExtractPool } from './ingest/extract-pool';
import {
  documentSummary,
  documentText,
  findDocumentById,
  findDocumentByPath,
  replaceReadingText,
  unindexDocument,
  indexDocument,
  type DocumentRow,
} from './store/documents';
import { listSpans, setRestored } from './store/boilerplate';
import { createDocumentPages } from './library/document-pages';
import { clearOverride, setOverride } from './store/overrides';
import { documentDetailsOf } from './store/document-details';
import { ensureStory, findStory, listStories } from './store/stories';
import { addWatchedFolder, listWatchedFolders } from './store/watched-folders';
import { readingTextOf } from './ingest/read-file';
import { createSearchService } from './search/search-service';
import { readerViewFor, relatedPassagesFor, sharedPassagesFor } from './reader/reader-methods';
import { createQuoteService } from './quotes/quote-service';
import { createCompareService } from './compare/compare-service';
import { createNoteService } from './notes/note-service';

/** The contract with synchronous handlers: what the engine worker (or an in-process host) runs. */
export type EngineHandlers = {
  [Method in Exclude<keyof Api, AsyncMethod>]: (input: Parameters<Api[Method]>[0]) => Awaited<ReturnType<Api[Method]>>;
} & Pick<Api, AsyncMethod>;

/** Methods that wait for other threads (ingest reads files on the extraction workers). */
type AsyncMethod = 'ingest';

/** Options of an engine: where progress goes. */
export interface EngineOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Where the extraction worker's code is (a bundled app passes its built file). */
  extractWorkerUrl?: URL | string;
  /** What the reporter must be told about the library file (a damaged library restored from a backup, failing backups). */
  notices?: () => LibraryNotice[];
  /**
   * Watches a folder for changes while the workbench runs (its hosts pass one; the CLI watches nothing): every folder
   * ingested is recorded and handed over, and so is every recorded folder when the engine starts.
   */
  watch?: (folder: string) => Promise<void>;
}

/** Engine methods outside the contract: for the host that owns the engine (the folder watcher), not for clients. */
export interface EngineInternals {
  /** Brings the library in line with a watched folder (new, changed, moved, deleted files), as an ingest of it would. */
  reconcileFolder(folder: string): Promise<IngestReport>;
  /** Reads the library list ahead of the workbench's first request for it (a second at 100k articles), when the host is idle. */
  prepareLibraryList(): void;
}

/** Whether a path has an extension the extractor reads. */
export function isSupportedPath(path: string): boolean {
  const lower = path.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Finds a document by id or by path (relative paths resolve against the working folder). */
export function resolveDocument(db: Connection, reference: string): Result<DocumentRow> {
  const trimmed = reference.trim();
  const row = findDocumentById(db, trimmed) ?? findDocumentByPath(db, resolve(trimmed));
  return row ? success(row) : failure('not-found', `No document with the id or path "${reference}" is in the library.`);
}

/** Creates the engine: every contract method implemented once, over one database connection. */
export function createEngine(db: Connection, options: EngineOptions = {}): EngineHandlers & EngineInternals {
  const search = createSearchService(db);
  const quotes = createQuoteService(db, resolveDocument);
  const compare = createCompareService(db, resolveDocument);
  const notes = createNoteService(db, { resolveDocument });
  const pages = createDocumentPages(db);
  /** Forgets what depends on documents (search vocabulary, quote clusters, the library list) after a change. Compared
   * passages stay: they check each document's text hash and take in added documents incrementally. */
  const changed = (): void => {
    search.invalidate();
    quotes.invalidate();
    pages.invalidate();
  };
  /** The same after a change to one document's metadata or reading text: its row of the library list is read again. */
  const changedDocument = (document: DocumentRow): void => {
    search.invalidate();
    quotes.invalidate();
    pages.refresh(document);
  };

  const rebuildReadingText = (row: DocumentRow): void => {
    const raw = documentText(db, row.rowid, true);
    const spans = listSpans(db, row.rowid, raw);
    const restored = new Set(spans.flatMap((span, index) => (span.restored ? [index] : [])));
    const reading = readingTextOf({ rawText: raw, boilerplate: spans }, restored);
    replaceReadingText(db, row.rowid, reading.text, reading.hash, reading.words, new Date().toISOString());
  };

  // One ingest at a time: a watched folder's reconcile and a reporter's import never interleave their batches.
  let ingesting: Promise<unknown> = Promise.resolve();
  const runIngest = (paths: readonly string[], story: string | undefined): Promise<IngestReport> => {
    const run = ingesting.then(async () => {
      try {
        return await ingestPaths(db, paths, {
          story,
          pool: createExtractPool({ workerUrl: options.extractWorkerUrl }),
          isSupported: isSupportedPath,
          maxFileBytes: MAX_FILE_BYTES,
          onProgress: options.onProgress,
        });
      } finally {
        // Batches committed before a failure changed the library too.
        changed();
      }
    });
    ingesting = run.catch(() => undefined);
    return run;
  };

  /** Records the folders among ingested paths as watched and hands them to the watcher; resolves once they are watched. */
  const watchFolders = async (paths: readonly string[], story: string | undefined): Promise<void> => {
    if (!options.watch) return;
    const watching: Promise<void>[] = [];
    const stamp = new Date().toISOString();
    for (const path of paths.map((item) => resolve(item))) {
      let folder = false;
      try {
        folder = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (!folder) continue;
      addWatchedFolder(db, path, story ? ensureStory(db, story, stamp) : null, stamp);
      watching.push(options.watch(path));
    }
    await Promise.all(watching);
  };
  for (const folder of options.watch ? listWatchedFolders(db) : []) void options.watch!(folder.path);

  const summaryOf = (row: DocumentRow) => {
    const { missing: _missing, ...summary } = documentSummary(db, row.rowid)!;
    return summary;
  };

  return {
    ...notes,

    async ingest({ paths, story }) {
      if (!Array.isArray(paths) || paths.length === 0 || paths.some((path) => typeof path !== 'string' || !path)) {
        return failure('bad-request', 'Give at least one file or folder to ingest.');
      }
      const named = story?.trim() || undefined;
      // Watching starts before the scan, so a file added while the folder is read is not missed.
      await watchFolders(paths, named);
      return success(await runIngest(paths, named));
    },

    prepareLibraryList() {
      pages.page({ filter: NO_FILTER, sort: DEFAULT_SORT, offset: 0, limit: 1 });
      pages.outlets();
    },

    reconcileFolder(folder) {
      const watched = listWatchedFolders(db).find((item) => item.path === folder);
      return runIngest([folder], watched?.story ?? undefined);
    },

    listDocuments({ story, offset, limit }) {
      if (story !== undefined && findStory(db, story) === undefined) {
        return failure('not-found', `There is no story named "${story}".`);
      }
      return success(pages.entries(story, offset ?? 0, limit));
    },

    listDocumentPage(request) {
      return success(pages.page(request));
    },

    listOutlets() {
      return success(pages.outlets());
    },

    getDocument({ doc }) {
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      return success(documentDetailsOf(db, found.value));
    },

    getDocumentText({ doc, raw }) {
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      return success({ id: found.value.id, text: documentText(db, found.value.rowid, raw === true) });
    },

    listBoilerplate({ doc }) {
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      const raw = documentText(db, found.value.rowid, true);
      return success(
        listSpans(db, found.value.rowid, raw).map((span, index) => ({
          index,
          start: span.start,
          end: span.end,
          reason: span.reason,
          text: raw.slice(span.start, span.end),
          restored: span.restored,
        })),
      );
    },

    setBoilerplateRestored({ doc, index, restored }) {
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      const raw = documentText(db, found.value.rowid, true);
      const span = listSpans(db, found.value.rowid, raw)[index];
      if (!span) return failure('not-found', `This document has no hidden passage number ${index}.`);
      db.transaction(() => {
        setRestored(db, found.value.rowid, raw.slice(span.start, span.end), restored === true);
        rebuildReadingText(found.value);
      }).immediate();
      changedDocument(found.value);
      return success({ id: found.value.id });
    },

    setMetadataOverride({ doc, field, value }) {
      if (!METADATA_FIELDS.includes(field)) return failure('bad-request', `"${field}" is not a metadata field.`);
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      const cleaned = typeof value === 'string' ? value.trim() || null : null;
      db.transaction(() => {
        unindexDocument(db, found.value.rowid);
        setOverride(db, found.value.rowid, field as MetadataField, cleaned);
        indexDocument(db, found.value.rowid);
      }).immediate();
      changedDocument(found.value);
      return success(summaryOf(found.value));
    },

    clearMetadataOverride({ doc, field }) {
      if (!METADATA_FIELDS.includes(field)) return failure('bad-request', `"${field}" is not a metadata field.`);
      const found = resolveDocument(db, doc);
      if (!found.ok) return found;
      db.transaction(() => {
        unindexDocument(db, found.value.rowid);
        clearOverride(db, found.value.rowid, field as MetadataField);
        indexDocument(db, found.value.rowid);
      }).immediate();
      changedDocument(found.value);
      return success(summaryOf(found.value));
    },

    listStories() {
      return success(listStories(db));
    },

    getLibraryStatus() {
      return success({ notices: [...(options.notices?.() ?? [])] });
    },

    search(request) {
      return search.search(request);
    },

    getReaderView(input) {
      return readerViewFor(db, input, resolveDocument);
    },

    findRelatedPassages(input) {
      return relatedPassagesFor(db, input, resolveDocument);
    },

    listSharedPassages(input) {
      return sharedPassagesFor(db, input, resolveDocument);
    },

    listQuotes(input) {
      return quotes.listQuotes(input);
    },

    listQuoteClusters(input) {
      return quotes.listQuoteClusters(input);
    },

    verifyQuote(input) {
      return quotes.verifyQuote(input);
    },

    comparePassages(input) {
      return compare.comparePassages(input);
    },
    comparePassagePage(input) {
      return compare.comparePassagePage(input);
    },

    listClaims(input) {
      return compare.listClaims(input);
    },

    listProvenance(input) {
      return compare.listProvenance(input);
    },

    getStoryComparison(input) {
      return compare.getStoryComparison(input);
    },

    chooseFolder() {
      return failure('unsupported', 'Choosing a folder needs the desktop app: type the folder’s path instead.');
    },
  };
}
