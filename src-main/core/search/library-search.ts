import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import { RANKED_MATCH_LIMIT, type SearchHitDetails, type SearchOrder } from '../../contract/search';
import { parseQuery } from './query-parser';
import { compileFts } from './query-fts';
import { createFuzzyExpansion, createFuzzyMatcher } from './fuzzy';
import { buildSnippets, hitsFromMarkedText, HIT_CLOSE, HIT_OPEN } from './snippets';

/** The columns of the library index, in declaration order (title, outlet, byline, text). */
export const LIBRARY_FIELDS = ['title', 'outlet', 'byline', 'text'] as const;

/** bm25 column weights: a hit in the title counts five times a hit in the text. */
const BM25 = 'bm25(document_index, 5.0, 2.0, 2.0, 1.0)';

/** Most fuzzy expansions per term: enough for typos, few enough to keep the MATCH small. */
const FUZZY_LIMIT = 40;

/** Options of the library search: how many matches are ranked (tests lower it to reach the limit with few documents). */
export interface LibrarySearchOptions {
  rankedMatchLimit?: number;
}

/**
 * Library-wide search on FTS5: parse, compile, rank with bm25 (or newest first past the ranked-match limit), then
 * snippets from highlight() offsets.
 */
export function createLibrarySearch(db: Connection, options: LibrarySearchOptions = {}) {
  const rankedMatchLimit = options.rankedMatchLimit ?? RANKED_MATCH_LIMIT;
  let fuzzy: ((word: string, distance: number) => string[]) | null = null;
  const fuzzyTerms = (word: string, distance: number): string[] => {
    fuzzy ??= createFuzzyExpansion(createFuzzyMatcher(db.prepare('SELECT term FROM document_index_vocabulary').pluck().all() as string[]), FUZZY_LIMIT);
    return fuzzy(word, distance);
  };
  const rank = db.prepare(`SELECT document_index.rowid AS rowid, ${BM25} AS rank FROM document_index
    WHERE document_index MATCH ? ORDER BY rank LIMIT ?`);
  // Newest first, read lazily: FTS5 stops after LIMIT matches, so this costs little however many articles match.
  const newest = db.prepare('SELECT rowid FROM document_index WHERE document_index MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  // highlight() for the top hits in one pass. Not `rowid = ?`: FTS5 then plans a rowid lookup whose highlight()
  // marks the first matching row's phrases, whatever the rowid (seen with SQLite 3.53); a rowid set works.
  const marked = db.prepare(`SELECT rowid, highlight(document_index, 3, '${HIT_OPEN}', '${HIT_CLOSE}') AS marked
    FROM document_index WHERE document_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))`);
  const details = db.prepare(`SELECT d.id AS id, d.path AS path, c.title AS title, c.text AS text
    FROM documents d JOIN document_index_content c ON c.rowid = d.rowid WHERE d.rowid = ?`);

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
      let ranked: { rowid: number; rank: number }[];
      let order: SearchOrder = 'relevance';
      try {
        const recent = limit < rankedMatchLimit ? (newest.all(compiled.match, rankedMatchLimit + 1) as number[]) : [];
        if (recent.length > rankedMatchLimit) {
          order = 'recent';
          ranked = recent.slice(0, limit).map((rowid) => ({ rowid, rank: 0 }));
        } else {
          ranked = rank.all(compiled.match, limit) as { rowid: number; rank: number }[];
        }
      } catch (error) {
        return failure('bad-query', `This query could not be run: ${(error as Error).message}.`);
      }
      const markedByRowid = new Map(
        (marked.all(compiled.match, JSON.stringify(ranked.map((entry) => entry.rowid))) as { rowid: number; marked: string }[]).map(
          (row) => [row.rowid, row.marked],
        ),
      );
      const hits: SearchHitDetails[] = [];
      for (const { rowid, rank: score } of ranked) {
        const row = details.get(rowid) as { id: string; path: string; title: string | null; text: string } | undefined;
        if (!row) continue;
        const markedText = markedByRowid.get(rowid);
        const snippets = buildSnippets(row.text, markedText ? hitsFromMarkedText(markedText) : []);
        hits.push({
          id: row.id,
          path: row.path,
          title: row.title,
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
