// The library search ranks and highlights its hits in one FTS5 statement. It must answer exactly what the two-pass
// search it replaced answered (bm25 ranking or newest first, then highlight() of the hits' rows by a rowid set, then
// the reading text read again): same hits, scores, snippets and highlights, for grammar-shaped random queries.
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
import { buildSnippets, HIT_CLOSE, HIT_OPEN } from '../../src-main/core/search/snippets';
import { queryArbitraries } from '../support/query-arbitraries';
import { ok, temporaryLibrary } from '../support/engine-library';

const WORDS = ['harbour', 'council', 'dredging', 'contract', 'café', 'Zoë', 'mayor', 'budget', "don't", 'U.S.', 'drug-cart', 'cartels', 'houses', 'running', 'the', 'of', 'said'];
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
  const marked = new Map(
    (db.prepare(`SELECT rowid, highlight(document_index, 3, '${HIT_OPEN}', '${HIT_CLOSE}') AS marked FROM document_index
      WHERE document_index MATCH ? AND rowid IN (SELECT value FROM json_each(?))`).all(compiled.match, JSON.stringify(ranked.map((entry) => entry.rowid))) as { rowid: number; marked: string }[])
      .map((row) => [row.rowid, row.marked]),
  );
  return ranked.map(({ rowid, rank }) => {
    const row = db.prepare('SELECT d.id AS id, d.path AS path, c.title AS title, c.text AS text FROM documents d JOIN document_index_content c ON c.rowid = d.rowid WHERE d.rowid = ?').get(rowid) as { id: string; path: string; title: string | null; text: string };
    const hits: { start: number; end: number }[] = [];
    let removed = 0;
    let open = -1;
    const text = marked.get(rowid) ?? '';
    for (let index = 0; index < text.length; index++) {
      if (text[index] === HIT_OPEN) (open = index - removed), removed++;
      else if (text[index] === HIT_CLOSE) {
        if (open >= 0) hits.push({ start: open, end: index - removed });
        open = -1;
        removed++;
      }
    }
    const snippets = buildSnippets(row.text, hits);
    return {
      id: row.id,
      path: row.path,
      title: row.title,
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
      const fixed = ['harbour', '"the harbour"', 'café OR zoe', 'the -harbour', 'title:mayor budget', 'hou*', 'dredgin~1', 'drug-cart', "don't", 'the', 'w1 w2'];
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
