import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import { RANKED_MATCH_LIMIT, type SearchHitDetails, type SearchOrder } from '../../contract/search';
import { parseQuery } from './query-parser';
import { compileFts } from './query-fts';
import { createFuzzyExpansion, createFuzzyMatcher } from './fuzzy';
import { buildSnippets, HIT_CLOSE, HIT_OPEN, readMarkedText } from './snippets';
import { createHitFinder } from './text-hits';

/** The columns of the library index, in declaration order (title, outlet, byline, text). */
export const LIBRARY_FIELDS = ['title', 'outlet', 'byline', 'text'] as const;

/** Where the reading text is among LIBRARY_FIELDS: snippets and hits come from it. */
const TEXT_COLUMN = 3;

/** bm25 column weights, as FTS5's rank function: a hit in the title counts five times a hit in the text. */
const BM25_RANK = 'bm25(5.0, 2.0, 2.0, 1.0)';

/** Most fuzzy expansions per term: enough for typos, few enough to keep the MATCH small. */
const FUZZY_LIMIT = 40;

/** Options of the library search: how many matches are ranked (tests lower it to reach the limit with few documents). */
export interface LibrarySearchOptions {
  rankedMatchLimit?: number;
}

/**
 * Library-wide search on FTS5: parse, compile, rank with bm25 (or newest first past the ranked-match limit), then the
 * hits of the returned rows found in JS from the compiled query (./text-hits), highlight() only for a row JS cannot
 * read, and snippets around the hits.
 */
export function createLibrarySearch(db: Connection, options: LibrarySearchOptions = {}) {
  const rankedMatchLimit = options.rankedMatchLimit ?? RANKED_MATCH_LIMIT;
  let fuzzy: ((word: string, distance: number) => string[]) | null = null;
  const fuzzyTerms = (word: string, distance: number): string[] => {
    fuzzy ??= createFuzzyExpansion(createFuzzyMatcher(db.prepare('SELECT term FROM document_index_vocabulary').pluck().all() as string[]), FUZZY_LIMIT);
    return fuzzy(word, distance);
  };
  // Ranked in one pass: with `rank MATCH` FTS5 sorts the matches itself and reads the columns of the rows returned
  // only. The hits are not asked of highlight(), which tokenises and stems a hit's whole text again (~0.1 ms a 5 KB
  // article, half of a median search at 100k documents). rank is bm25 with these weights.
  const ranked = db.prepare(`SELECT rowid, rank, title, outlet, byline, text
    FROM document_index WHERE document_index MATCH ? AND rank MATCH '${BM25_RANK}' ORDER BY rank LIMIT ?`);
  // Whether more than the ranked-match limit match: FTS5 stops after the LIMIT, a few milliseconds however many match.
  const counted = db.prepare('SELECT count(*) FROM (SELECT rowid FROM document_index WHERE document_index MATCH ? LIMIT ?)').pluck();
  // Newest first: read lazily, so only the rows returned are read.
  const newest = db.prepare(`SELECT rowid, 0 AS rank, title, outlet, byline, text
    FROM document_index WHERE document_index MATCH ? ORDER BY rowid DESC LIMIT ?`);
  // FTS5's own hits for a row whose hits JS could not find (see ./text-hits). The CAST matters: FTS5 ignores
  // `rowid = ?` bound to a JS number (a REAL) and would answer the first matching row.
  const highlighted = db.prepare(`SELECT highlight(document_index, ${TEXT_COLUMN}, '${HIT_OPEN}', '${HIT_CLOSE}')
    FROM document_index WHERE document_index MATCH ? AND rowid = CAST(? AS INTEGER)`).pluck();
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
      type Row = { rowid: number; rank: number; title: string | null; outlet: string | null; byline: string | null; text: string | null };
      let rows: Row[];
      let order: SearchOrder = 'relevance';
      try {
        if (limit < rankedMatchLimit && (counted.get(compiled.match, rankedMatchLimit + 1) as number) > rankedMatchLimit) {
          order = 'recent';
          rows = newest.all(compiled.match, limit) as Row[];
        } else {
          rows = ranked.all(compiled.match, limit) as Row[];
        }
      } catch (error) {
        return failure('bad-query', `This query could not be run: ${(error as Error).message}.`);
      }
      const findHits = createHitFinder(compiled.expression, LIBRARY_FIELDS, TEXT_COLUMN);
      const hits: SearchHitDetails[] = [];
      for (const { rowid, rank: score, title, outlet, byline, text: column } of rows) {
        const row = details.get(rowid) as { id: string; path: string } | undefined;
        if (!row) continue;
        const found = findHits([title, outlet, byline, column]);
        const { text, hits: marks } = found === null ? readMarkedText((highlighted.get(compiled.match, rowid) as string | null) ?? '') : { text: column ?? '', hits: found };
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
