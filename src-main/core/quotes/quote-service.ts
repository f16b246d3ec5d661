/**
 * The quote methods of the engine: quotes with their cluster, clusters of the same quote, verification. Clusters are
 * computed on demand per scope (the library or one story) and cached until quotes or dates change.
 */
import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import type { Quote, QuoteCluster, QuoteVerification } from '../../contract/quotes';
import type { DocumentRow } from '../store/documents';
import { findStory } from '../store/stories';
import { listQuoteRecords, quoteIdOf, replaceQuotes, staleQuoteDocuments, staleQuoteTexts, type ListedQuote, type QuoteRecord, type QuoteScope } from '../store/quotes';
import { extractQuotes } from './extract-quotes';
import { clusterQuotes, describeClusters, type QuoteClustering } from './clusters';
import { verifyQuoteText } from './verify';

/** Finds a document by id or path (the engine's resolver, passed in to keep this module free of the engine). */
type ResolveDocument = (db: Connection, reference: string) => Result<DocumentRow>;

/** One scope's quotes with their clustering; the described clusters are built on first request. */
interface ScopeClusters {
  /** The scope's quotes, a document's together (they are the clustering's members: ListedQuote gives their ids). */
  records: ListedQuote[];
  clustering: QuoteClustering;
  described?: QuoteCluster[];
  /** Each document's first record (by document rowid), built on the first request about one document. */
  firstOfDocument?: Map<number, number>;
  /** Every document of the scope was current when this was built or last checked. */
  complete: boolean;
  /** A document was read since this was built (for one request, not to cluster everything again): its quotes are
   * missing here, so a request about the whole scope builds this again. */
  lacking: boolean;
}

/** A stored quote's cluster id in a scope's clusters (null when a singleton or not clustered there): its document's
 * records are found from the first one, so no map by quote id string is built for a 100k story's 384k quotes. */
function clusterIdOf(scope: ScopeClusters, record: QuoteRecord): string | null {
  scope.firstOfDocument ??= firstRecords(scope.records);
  const { records, clustering } = scope;
  for (let index = scope.firstOfDocument.get(record.documentRowid) ?? records.length; index < records.length; index++) {
    const member = records[index]!;
    if (member.documentRowid !== record.documentRowid) break;
    if (member.ordinal === record.ordinal) return clustering.clusterIds[index] ?? null;
  }
  return null;
}

/** The index of each document's first record (a document's records come together). */
function firstRecords(records: readonly ListedQuote[]): Map<number, number> {
  const first = new Map<number, number>();
  records.forEach((record, index) => {
    if (!first.has(record.documentRowid)) first.set(record.documentRowid, index);
  });
  return first;
}

/** Whether a speaker filter matches a canonical name: the whole name or its last word, case-insensitively. */
export function speakerMatches(speaker: string | null, filter: string): boolean {
  if (speaker === null) return false;
  const wanted = filter.trim().toLowerCase();
  const name = speaker.trim().toLowerCase();
  return wanted !== '' && (name === wanted || name.split(/\s+/).at(-1) === wanted);
}

/** Creates the quote service over one connection. */
/** Documents whose quotes are found and stored together (one transaction). */
const QUOTE_BATCH = 500;

export function createQuoteService(db: Connection, resolveDocument: ResolveDocument) {
  const cache = new Map<string, ScopeClusters>();
  let dataVersion = db.pragma('data_version', { simple: true }) as number;

  /**
   * Finds and stores the quotes of the given stale documents; returns whether there were any. Cached clusters are
   * forgotten, or with `keepClusters` kept for requests about single documents and marked as lacking them.
   */
  const refresh = (stale: readonly number[], keepClusters = false): boolean => {
    if (stale.length === 0) return false;
    // A batch of texts at a time, each batch one transaction: a story of 100k articles is never held in memory at once.
    for (let start = 0; start < stale.length; start += QUOTE_BATCH) {
      const found = staleQuoteTexts(db, stale.slice(start, start + QUOTE_BATCH)).map((document) => ({ ...document, quotes: extractQuotes(document.text) }));
      db.transaction(() => {
        for (const document of found) replaceQuotes(db, document.rowid, document.quotes, document.textHash);
      }).immediate();
    }
    if (keepClusters) {
      for (const scope of cache.values()) Object.assign(scope, { complete: false, lacking: true });
    } else cache.clear();
    dataVersion = db.pragma('data_version', { simple: true }) as number;
    return true;
  };

  /**
   * Finds the quotes of the documents in a scope whose reading text changed since (or was never read for quotes):
   * ingest leaves this to first use so documents become searchable sooner.
   */
  const ensureQuotes = (scope: QuoteScope): boolean => refresh(staleQuoteDocuments(db, scope));

  /** The same for a few documents (one the reader opens, the ones a verification matched), keeping cached clusters. */
  const ensureDocuments = (rowids: readonly number[]): boolean =>
    refresh([...new Set(rowids)].flatMap((documentRowid) => staleQuoteDocuments(db, { documentRowid })), true);

  /** Forgets cached clusters when another connection wrote since they were computed. */
  const followOtherWriters = (): void => {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== dataVersion) {
      cache.clear();
      dataVersion = version;
    }
  };

  /**
   * The scope's clusters over the quotes of its documents whose quotes are current, cached until quotes change. With
   * `complete`, stale documents of the scope are read first, so every document counts; without it (a request about
   * one document), documents not read yet are left out rather than read all at once.
   */
  const scopeClusters = (storyRowid: number | undefined, complete: boolean): ScopeClusters => {
    followOtherWriters();
    const key = storyRowid === undefined ? '' : String(storyRowid);
    if (complete && cache.get(key)?.complete !== true) {
      ensureQuotes({ storyRowid });
      if (cache.get(key)?.lacking) cache.delete(key);
    }
    let scope = cache.get(key);
    if (!scope) {
      const records = listQuoteRecords(db, { storyRowid });
      scope = { records, clustering: clusterQuotes(records), complete, lacking: false };
      cache.set(key, scope);
    } else if (complete) scope.complete = true;
    return scope;
  };

  const storyScope = (story: string | undefined): Result<number | undefined> => {
    if (story === undefined) return success(undefined);
    const rowid = findStory(db, story);
    return rowid === undefined ? failure('not-found', `There is no story named "${story}".`) : success(rowid);
  };

  /**
   * One document's quotes (read first if its text changed), with their cluster ids from the scope's clusters: built
   * now when there are none, else those cached (a document read since they were built has no cluster ids until the
   * whole scope is next listed or clustered, rather than every open document costing a new clustering).
   */
  const documentQuotes = (documentRowid: number, storyRowid: number | undefined): Quote[] => {
    followOtherWriters();
    const key = storyRowid === undefined ? '' : String(storyRowid);
    ensureDocuments([documentRowid]);
    const scope = cache.get(key) ?? scopeClusters(storyRowid, false);
    return listQuoteRecords(db, { documentRowid, storyRowid }).map((record) => quoteOf(record, clusterIdOf(scope, record)));
  };

  return {
    /** Forgets cached clusters (after quotes, stories or dates changed through this connection). */
    invalidate(): void {
      cache.clear();
    },

    /**
     * Quotes in text order per document, filtered by document, speaker and story. A request about one document reads
     * that document's quotes only (never the library's); its cluster ids are those of the scope's cached clusters
     * (see documentQuotes), the same as the whole scope's once it has been listed or clustered.
     */
    listQuotes(input: { doc?: string; speaker?: string; story?: string }): Result<Quote[]> {
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      let quotes: Quote[];
      if (input.doc !== undefined) {
        const found = resolveDocument(db, input.doc);
        if (!found.ok) return found;
        quotes = documentQuotes(found.value.rowid, scope.value);
      } else {
        const { records, clustering } = scopeClusters(scope.value, true);
        quotes = records.map((record, index) => quoteOf(record, clustering.clusterIds[index] ?? null));
      }
      return success(input.speaker === undefined ? quotes : quotes.filter((quote) => speakerMatches(quote.speaker, input.speaker!)));
    },

    /** Clusters of the same quote in the library or one story, most sources first. */
    listQuoteClusters(input: { story?: string }): Result<QuoteCluster[]> {
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      const clusters = scopeClusters(scope.value, true);
      clusters.described ??= describeClusters(clusters.records, clusters.clustering);
      return success(clusters.described);
    },

    /** Where a quote appears (verbatim, altered, or nowhere) and whom each source credits. Only the documents where
     * it appears have their quotes read (to name whom they credit). */
    verifyQuote(input: { text: string; story?: string }): Result<QuoteVerification> {
      if (typeof input.text !== 'string' || input.text.trim() === '') return failure('bad-request', 'Give the words of the quote to check.');
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      followOtherWriters();
      return success(verifyQuoteText(db, input.text, scope.value, ensureDocuments));
    },
  };
}

/** A stored quote as the contract shows it. */
function quoteOf(record: QuoteRecord, clusterId: string | null): Quote {
  return {
    id: quoteIdOf(record),
    docId: record.docId,
    path: record.path,
    text: record.text,
    speaker: record.speaker,
    start: record.start,
    end: record.end,
    kind: record.kind,
    clusterId,
  };
}
