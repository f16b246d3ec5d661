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
import { documentsWithStaleQuotes, listQuoteRecords, quoteIdOf, replaceQuotes, type QuoteRecord, type QuoteScope } from '../store/quotes';
import { extractQuotes } from './extract-quotes';
import { clusterQuotes, describeClusters, type ClusterMember, type QuoteClustering } from './clusters';
import { verifyQuoteText } from './verify';

/** Finds a document by id or path (the engine's resolver, passed in to keep this module free of the engine). */
type ResolveDocument = (db: Connection, reference: string) => Result<DocumentRow>;

/** One scope's quotes with their clustering; the described clusters are built on first request. */
interface ScopeClusters {
  records: QuoteRecord[];
  members: ClusterMember[];
  clustering: QuoteClustering;
  described?: QuoteCluster[];
}

/** Whether a speaker filter matches a canonical name: the whole name or its last word, case-insensitively. */
export function speakerMatches(speaker: string | null, filter: string): boolean {
  if (speaker === null) return false;
  const wanted = filter.trim().toLowerCase();
  const name = speaker.trim().toLowerCase();
  return wanted !== '' && (name === wanted || name.split(/\s+/).at(-1) === wanted);
}

/** Creates the quote service over one connection. */
export function createQuoteService(db: Connection, resolveDocument: ResolveDocument) {
  const cache = new Map<string, ScopeClusters>();
  let dataVersion = db.pragma('data_version', { simple: true }) as number;

  /**
   * Finds the quotes of the documents in a scope whose reading text changed since (or was never read for quotes):
   * ingest leaves this to first use so documents become searchable sooner. Returns whether anything changed.
   */
  const ensureQuotes = (scope: QuoteScope): boolean => {
    const stale = documentsWithStaleQuotes(db, scope);
    if (stale.length === 0) return false;
    const found = stale.map((document) => ({ ...document, quotes: extractQuotes(document.text) }));
    db.transaction(() => {
      for (const document of found) replaceQuotes(db, document.rowid, document.quotes, document.textHash);
    }).immediate();
    cache.clear();
    dataVersion = db.pragma('data_version', { simple: true }) as number;
    return true;
  };

  /** The scope's clusters, recomputed when this connection changed quotes or another connection wrote. */
  const scopeClusters = (storyRowid: number | undefined): ScopeClusters => {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (version !== dataVersion) {
      cache.clear();
      dataVersion = version;
    }
    ensureQuotes({ storyRowid });
    const key = storyRowid === undefined ? '' : String(storyRowid);
    let scope = cache.get(key);
    if (!scope) {
      const records = listQuoteRecords(db, { storyRowid });
      const members = records.map((record) => ({ ...record, quoteId: quoteIdOf(record) }));
      scope = { records, members, clustering: clusterQuotes(members) };
      cache.set(key, scope);
    }
    return scope;
  };

  const storyScope = (story: string | undefined): Result<number | undefined> => {
    if (story === undefined) return success(undefined);
    const rowid = findStory(db, story);
    return rowid === undefined ? failure('not-found', `There is no story named "${story}".`) : success(rowid);
  };

  return {
    /** Forgets cached clusters (after quotes, stories or dates changed through this connection). */
    invalidate(): void {
      cache.clear();
    },

    /** Quotes in text order per document, filtered by document, speaker and story. */
    listQuotes(input: { doc?: string; speaker?: string; story?: string }): Result<Quote[]> {
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      let documentRowid: number | undefined;
      if (input.doc !== undefined) {
        const found = resolveDocument(db, input.doc);
        if (!found.ok) return found;
        documentRowid = found.value.rowid;
      }
      const { records, clustering } = scopeClusters(scope.value);
      const quotes: Quote[] = [];
      records.forEach((record, index) => {
        if (documentRowid !== undefined && record.documentRowid !== documentRowid) return;
        if (input.speaker !== undefined && !speakerMatches(record.speaker, input.speaker)) return;
        quotes.push({
          id: quoteIdOf(record),
          docId: record.docId,
          path: record.path,
          text: record.text,
          speaker: record.speaker,
          start: record.start,
          end: record.end,
          kind: record.kind,
          clusterId: clustering.clusterIds[index] ?? null,
        });
      });
      return success(quotes);
    },

    /** Clusters of the same quote in the library or one story, most sources first. */
    listQuoteClusters(input: { story?: string }): Result<QuoteCluster[]> {
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      const clusters = scopeClusters(scope.value);
      clusters.described ??= describeClusters(clusters.members, clusters.clustering);
      return success(clusters.described);
    },

    /** Where a quote appears (verbatim, altered, or nowhere) and whom each source credits. */
    verifyQuote(input: { text: string; story?: string }): Result<QuoteVerification> {
      if (typeof input.text !== 'string' || input.text.trim() === '') return failure('bad-request', 'Give the words of the quote to check.');
      const scope = storyScope(input.story);
      if (!scope.ok) return scope;
      ensureQuotes({ storyRowid: scope.value });
      return success(verifyQuoteText(db, input.text, scope.value));
    },
  };
}
