import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import { RANKED_MATCH_LIMIT, type SearchHitDetails, type SearchOrder } from '../../contract/search';
import { parseQuery } from './query-parser';
import { compileFts } from './query-fts';
import { createFuzzyExpansion, createFuzzyMatcher } from './fuzzy';
import { buildSnippets, HIT_CLOSE, HIT_OPEN, readMarkedText } from './snippets';

/** The columns of the library index, in declaration order (title, outlet, byline, text). */
export const LIBRARY_FIELDS = ['title', 'outlet', 'byline', 'text'] as const;

/** bm25 column weights, as FTS5's rank function: a hit in the title counts five times a hit in the text. */
const BM25_RANK = 'bm25(5.0, 2.0, 2.0, 1.0)';

/** Most fuzzy expansions per term: enough for typos, few enough to keep the MATCH small. */
const FUZZY_LIMIT = 40;

/** Options of the library search: how many matches are ranked (tests lower it to reach the limit with few documents). */
export interface LibrarySearchOptions {
  rankedMatchLimit?: number;
}

/**
 * Library-wide search on FTS5: parse, compile, rank with bm25 (or newest first past the ranked-match limit) and
 * highlight the returned rows in the same statement, then snippets from highlight() offsets.
 */
export function createLibrarySearch(db: Connection, options: LibrarySearchOptions = {}) {
  const rankedMatchLimit = options.rankedMatchLimit ?? RANKED_MATCH_LIMIT;
  let fuzzy: ((word: string, distance: number) => string[]) | null = null;
  const fuzzyTerms = (word: string, distance: number): string[] => {
    fuzzy ??= createFuzzyExpansion(createFuzzyMatcher(db.prepare('SELECT term FROM document_index_vocabulary').pluck().all() as string[]), FUZZY_LIMIT);
    return fuzzy(word, distance);
  };
  // Ranked and highlighted in one pass: with `rank MATCH` FTS5 sorts the matches itself, so highlight() (which
  // re-tokenises a hit's whole text) runs only for the rows returned, and the matches are not evaluated a second time
  // to find the hits' phrases again (a `rowid IN (…)` pass re-reads every match). rank is the same bm25 value.
  const ranked = db.prepare(`SELECT rowid, rank, title, highlight(document_index, 3, '${HIT_OPEN}', '${HIT_CLOSE}') AS marked
    FROM document_index WHERE document_index MATCH ? AND rank MATCH '${BM25_RANK}' ORDER BY rank LIMIT ?`);
  // Whether more than the ranked-match limit match: FTS5 stops after the LIMIT, a few milliseconds however many match.
  const counted = db.prepare('SELECT count(*) FROM (SELECT rowid FROM document_index WHERE document_index MATCH ? LIMIT ?)').pluck();
  // Newest first, highlighted: read lazily, so highlight() runs only for the rows returned.
  const newest = db.prepare(`SELECT rowid, 0 AS rank, title, highlight(document_index, 3, '${HIT_OPEN}', '${HIT_CLOSE}') AS marked
    FROM document_index WHERE document_index MATCH ? ORDER BY rowid DESC LIMIT ?`);
  const details = db.prepare('SELECT id, path FROM documents WHERE rowid = ?');

  return {
    /** Forgets cached vocabulary after the index changed. */
    invalidate(): void {
      fuzzy = null;
    },

    /** Runs a query over the whole library, best first. */
    search(query: string, limit: number): Result<SearchHitDetails[]> {
      const parsed = parseQuery(query, { fields: LIBRARY_FIELDS });
      if (!parsed.ok) {
        return failure('bad-query', parsed.error.message, { position: parsed.error.position });
      }
      const compiled = compileFts(parsed.query, {
        columns: LIBRARY_FIELDS,
        fuzzyTerms,
      });
      if ('error' in compiled) return failure('bad-query', compiled.error);
      let rows: { rowid: number; rank: number; title: string | null; marked: string | null }[];
      let order: SearchOrder = 'relevance';
      try {
        if (limit < rankedMatchLimit && (counted.get(compiled.match, rankedMatchLimit + 1) as number) > rankedMatchLimit) {
          order = 'recent';
          rows = newest.all(compiled.match, limit) as typeof rows;
        } else {
          rows = ranked.all(compiled.match, limit) as typeof rows;
        }
      } catch (error) {
        return failure('bad-query', `This query could not be run: ${(error as Error).message}.`);
      }
      const hits: SearchHitDetails[] = [];
      for (const { rowid, rank: score, title, marked } of rows) {
        const row = details.get(rowid) as { id: string; path: string } | undefined;
        if (!row) continue;
        const { text, hits: marks } = readMarkedText(marked ?? '');
        const snippets = buildSnippets(text, marks);
        hits.push({
          id: row.id,
          path: row.path,
          title,
          score: Number((-score).toPrecision(6)),
          snippets: snippets.map(({ text, start, end }) => ({ text, start, end })),
          highlights: snippets.map((snippet) => snippet.hits),
          ...(order === 'recent' ? { order } : {}),
        });
      }
      return success(hits);
    },
  };
}
