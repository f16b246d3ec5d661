// The library search ranks its hits in one FTS5 statement and finds their marks in JS. It must answer exactly what a
// two-pass search with FTS5's marks answers (bm25 ranking or newest first, then each row's marks from FTS5 for the
// query's matching parts, tests/support/reference-hits.ts, then the reading text read again): same hits, scores,
// snippets and highlights, for grammar-shaped random queries; and where JS folds a word otherwise than FTS5 (µ),
// the row's marks come from highlight().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { openDatabase, type Connection } from '../../src-main/core/store/database';
import { createLibrarySearch, LIBRARY_FIELDS } from '../../src-main/core/search/library-search';
import { parseQuery } from '../../src-main/core/search/query-parser';
import { compileFts } from '../../src-main/core/search/query-fts';
import { createFuzzyExpansion, createFuzzyMatcher } from '../../src-main/core/search/fuzzy';
import { buildSnippets } from '../../src-main/core/search/snippets';
import { queryArbitraries } from '../support/query-arbitraries';
import { referenceHits } from '../support/reference-hits';
import { ok, temporaryLibrary } from '../support/engine-library';

const WORDS = ['harbour', 'council', 'dredging', 'contract', 'café', 'Zoë', 'mayor', 'budget', "don't", 'U.S.', 'drug-cart', 'cartels', 'houses', 'running', 'the', 'of', 'said', 'trying', 'days'];
/** Few enough that common words pass it, so both orders are compared. */
const RANKED_MATCH_LIMIT = 12;

/** Forty articles of seeded random words, a few paragraphs each, some long enough for several snippets. */
function writeArticles(folder: string): void {
  mkdirSync(folder, { recursive: true });
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => (next() < 0.3 ? WORDS[Math.floor(next() * WORDS.length)]! : `w${Math.floor(next() * 60)}`);
  for (let index = 0; index < 40; index++) {
    const title = Array.from({ length: 3 }, word).join(' ');
    const sentences = Array.from({ length: 5 + Math.floor(next() * 60) }, () => `${Array.from({ length: 4 + Math.floor(next() * 12) }, word).join(' ')}.`);
    // A word JS folds otherwise than FTS5 (the micro sign, searched as Greek mu) in three articles: their marks come
    // from highlight(), each for its own row.
    if (index % 13 === 3) sentences.push(`It took ${index} µs.`);
    writeFileSync(join(folder, `article-${index}.txt`), `${title}\n\n${sentences.join(' ')}\n`);
  }
}

/** The two-pass search the one-statement search replaced, kept as the reference. */
function referenceSearch(db: Connection, query: string, limit: number) {
  const fuzzy = createFuzzyExpansion(createFuzzyMatcher(db.prepare('SELECT term FROM document_index_vocabulary').pluck().all() as string[]), 40);
  const parsed = parseQuery(query, { fields: LIBRARY_FIELDS });
  if (!parsed.ok) return { error: parsed.error.message };
  const compiled = compileFts(parsed.query, { columns: LIBRARY_FIELDS, fuzzyTerms: fuzzy });
  if ('error' in compiled) return { error: compiled.error };
  let ranked: { rowid: number; rank: number }[];
  let recent = false;
  try {
    const newest = db.prepare('SELECT rowid FROM document_index WHERE document_index MATCH ? ORDER BY rowid DESC LIMIT ?').pluck().all(compiled.match, RANKED_MATCH_LIMIT + 1) as number[];
    recent = limit < RANKED_MATCH_LIMIT && newest.length > RANKED_MATCH_LIMIT;
    ranked = recent
      ? newest.slice(0, limit).map((rowid) => ({ rowid, rank: 0 }))
      : (db.prepare(`SELECT rowid, bm25(document_index, 5.0, 2.0, 2.0, 1.0) AS score FROM document_index WHERE document_index MATCH ? ORDER BY score LIMIT ?`)
          .all(compiled.match, limit) as { rowid: number; score: number }[]).map((row) => ({ rowid: row.rowid, rank: row.score }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  return ranked.map(({ rowid, rank }) => {
    const row = db.prepare('SELECT id, path FROM documents WHERE rowid = ?').get(rowid) as { id: string; path: string };
    const title = db.prepare('SELECT title FROM document_index_content WHERE rowid = ?').pluck().get(rowid) as string | null;
    const { text, hits } = referenceHits(db, 'document_index', compiled.expression, rowid, 3, 'text');
    const snippets = buildSnippets(text, hits);
    return {
      id: row.id,
      path: row.path,
      title,
      score: Number((-rank).toPrecision(6)),
      snippets: snippets.map(({ text: slice, start, end }) => ({ text: slice, start, end })),
      highlights: snippets.map((snippet) => snippet.hits),
      ...(recent ? { order: 'recent' } : {}),
    };
  });
}

test('one-statement search answers what the two-pass search answered (property)', async () => {
  const library = temporaryLibrary();
  try {
    const folder = join(library.dir, 'articles');
    writeArticles(folder);
    await ok(library.engine.ingest({ paths: [folder] }));
    const db = openDatabase(join(library.dir, 'library.db'));
    try {
      const search = createLibrarySearch(db, { rankedMatchLimit: RANKED_MATCH_LIMIT });
      const { grammar } = queryArbitraries({ words: WORDS, fields: ['title:', 'text:', 'outlet:', 'byline:'], wordWeight: 6 });
      const fixed = ['harbour', '"the harbour"', 'café OR zoe', 'the -harbour', 'title:mayor budget', 'hou*', 'dredgin~1', 'drug-cart', "don't", 'the', 'w1 w2', 'μs', 'try'];
      const orders = { recent: 0, relevance: 0, hits: 0 };
      const check = (query: string, limit: number) => {
        const expected = referenceSearch(db, query, limit);
        const actual = search.search(query, limit);
        if ('error' in expected) {
          assert.ok(!actual.ok, `${query}: the reference refused it (${expected.error})`);
          return;
        }
        assert.ok(actual.ok, `${query}: ${actual.ok ? '' : actual.error.message}`);
        assert.deepEqual(actual.value, expected, query);
        for (const hit of actual.value) orders[hit.order ?? 'relevance']++;
        orders.hits += actual.value.reduce((sum, hit) => sum + hit.highlights.flat().length, 0);
      };
      for (const query of fixed) for (const limit of [1, 5, 20]) check(query, limit);
      fc.assert(fc.property(grammar, fc.constantFrom(3, 20), check), { numRuns: 300, seed: 20_251_121 });
      assert.ok(orders.recent > 0 && orders.relevance > 0 && orders.hits > 0, `both orders and some highlights were compared: ${JSON.stringify(orders)}`);
    } finally {
      db.close();
    }
  } finally {
    library.done();
  }
});
