// The search finds a row's hits in JS (text-hits.ts) instead of asking FTS5's highlight(). On the library's index
// schema and tokenizer, for grammar-shaped random queries over words that stress the tokenizer (stems, accents,
// apostrophes, joined words, other scripts), it must mark exactly what FTS5 marks for the query's matching parts
// (tests/support/reference-hits.ts), and say when it cannot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseQuery } from '../../src-main/core/search/query-parser';
import { compileFts, type FtsExpression } from '../../src-main/core/search/query-fts';
import { createFuzzyExpansion, createFuzzyMatcher, stemWord } from '../../src-main/core/search/fuzzy';
import { createHitFinder } from '../../src-main/core/search/text-hits';
import { foldText } from '../../src-main/core/search/index-words';
import { queryArbitraries } from '../support/query-arbitraries';
import { referenceHits } from '../support/reference-hits';

const COLUMNS = ['title', 'outlet', 'byline', 'text'] as const;
const WORDS = [
  'harbour', 'Harbours', 'council', 'dredging', 'dredge', 'café', 'Cafe', 'Zoë', 'zoe', 'mayor', "don't", 'don’t', 'U.S.', 'us',
  'drug-cart', 'cart', 'cartels', 'houses', 'house', 'hous', 'housing', 'running', 'run', 'the', 'a', 'days', 'day', 'trying',
  'try', 'spy', 'spies', 'Rhys', 'agreed', 'agree', 'relational', 'relate', 'naïve', 'Straße', 'İstanbul', 'x²', '中文', 'Ørsted',
  'Łódź', 'Москва', 'йод', '3,000', '10:30', 'e-mail', 'COVID-19', 'ﬁnance',
];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ' - ', '—', '\n\n', ' "', '" ', '_', '/', ' (', ') '];

function openIndex() {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE document_index USING fts5(title, outlet, byline, text, tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
    CREATE VIRTUAL TABLE document_index_vocabulary USING fts5vocab(document_index, 'row');`);
  return db;
}

const sentence = (minLength: number, maxLength: number) =>
  fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength, maxLength }).map((parts) => parts.flat().join('').trim());
const row = fc.tuple(sentence(1, 5), sentence(0, 2), sentence(0, 3), sentence(0, 60));

/** Compiles a typed query the way the library search does, or null when it is refused. */
function compile(db: Database.Database, input: string): { match: string; expression: FtsExpression } | null {
  const parsed = parseQuery(input, { fields: COLUMNS });
  if (!parsed.ok) return null;
  const vocabulary = db.prepare('SELECT term FROM document_index_vocabulary').pluck().all() as string[];
  const compiled = compileFts(parsed.query, { columns: COLUMNS, fuzzyTerms: createFuzzyExpansion(createFuzzyMatcher(vocabulary), 40) });
  return 'error' in compiled ? null : compiled;
}

test('hits found in JS are the hits FTS5 marks for the matching parts of the query (property)', () => {
  const { grammar } = queryArbitraries({ words: WORDS, fields: ['title:', 'text:', 'outlet:', 'byline:'], wordWeight: 8 });
  let compared = 0;
  let marked = 0;
  fc.assert(
    fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(grammar, { minLength: 1, maxLength: 4 }), (rows, queries) => {
      const db = openIndex();
      try {
        const insert = db.prepare('INSERT INTO document_index (rowid, title, outlet, byline, text) VALUES (?, ?, ?, ?, ?)');
        rows.forEach((columns, index) => insert.run(index + 1, ...columns));
        const matching = db.prepare('SELECT rowid, title, outlet, byline, text FROM document_index WHERE document_index MATCH ?');
        for (const query of queries) {
          const compiled = compile(db, query);
          if (compiled === null) continue;
          const findHits = createHitFinder(compiled.expression, COLUMNS, 3);
          for (const { rowid, title, outlet, byline, text } of matching.all(compiled.match) as { rowid: number; title: string; outlet: string; byline: string; text: string }[]) {
            const expected = referenceHits(db, 'document_index', compiled.expression, rowid, 3, 'text');
            assert.equal(expected.text, text);
            assert.deepEqual(findHits([title, outlet, byline, text]), expected.hits, `${query} → ${compiled.match} on ${JSON.stringify([title, outlet, byline, text])}`);
            compared++;
            marked += expected.hits.length;
          }
        }
      } finally {
        db.close();
      }
    }),
    { numRuns: 1500, seed: 20_261_122 },
  );
  assert.ok(compared > 1000 && marked > 1000, `enough matching rows and hits were compared: ${compared} rows, ${marked} hits`);
});

test('what is marked: failing branches, excluded words, column filters and joined phrase instances', () => {
  const db = openIndex();
  const rows: [string, string, string, string][] = [
    ['Harbour deal', 'Gazette', 'Ann Lee', 'a b x y'],
    ['Port', 'Herald', 'Bob Roy', 'a b c x'],
    ['Audit', 'Herald', 'Bob Roy', 'b a b a b, then a b'],
  ];
  rows.forEach((columns, index) => db.prepare('INSERT INTO document_index (rowid, title, outlet, byline, text) VALUES (?, ?, ?, ?, ?)').run(index + 1, ...columns));
  const hitsOf = (query: string, rowid: number): string[] => {
    const compiled = compile(db, query)!;
    const hits = createHitFinder(compiled.expression, COLUMNS, 3)(rows[rowid - 1]!);
    assert.ok(hits !== null, query);
    return hits.map(({ start, end }) => rows[rowid - 1]![3].slice(start, end));
  };
  assert.deepEqual(hitsOf('a OR (b c)', 1), ['a'], "a failing branch marks nothing, though b is in the row");
  assert.deepEqual(hitsOf('a OR (b c)', 2), ['a', 'b', 'c']);
  assert.deepEqual(hitsOf('(a -c) OR b', 2), ['b'], 'the excluded side and the branch it fails mark nothing');
  assert.deepEqual(hitsOf('title:harbour b', 1), ['b'], 'a word limited to the title marks nothing in the text');
  assert.deepEqual(hitsOf('"a b"', 3), ['a b', 'a b', 'a b'], 'a phrase is one hit from its first word to its last');
  assert.deepEqual(hitsOf('"b a b"', 3), ['b a b a b'], 'instances that share a word are joined');
  assert.deepEqual(hitsOf('b a', 3), ['b', 'a', 'b', 'a', 'b', 'a', 'b'], 'words side by side stay separate hits');
  db.close();
});

test('a row whose words JS folds differently from FTS5 is handed back for highlight()', () => {
  const db = openIndex();
  // FTS5 folds the micro sign (U+00B5) to the Greek mu (U+03BC); JavaScript's toLowerCase keeps it.
  const columns = ['Timing', '', '', 'The switch took 5 µs on average.'] as const;
  db.prepare('INSERT INTO document_index (rowid, title, outlet, byline, text) VALUES (1, ?, ?, ?, ?)').run(...columns);
  const compiled = compile(db, 'μs')!;
  assert.equal(db.prepare('SELECT count(*) FROM document_index WHERE document_index MATCH ?').pluck().get(compiled.match), 1, 'FTS5 matches it');
  assert.equal(createHitFinder(compiled.expression, COLUMNS, 3)(columns), null);
  const wordless: FtsExpression = { kind: 'and', children: [{ kind: 'phrase', text: 'timing', prefix: false, column: null }, { kind: 'phrase', text: '...', prefix: false, column: null }] };
  assert.equal(createHitFinder(wordless, COLUMNS, 3)(columns), null, 'a phrase with no words is left to FTS5');
  db.close();
});

test('the folded text keeps every offset and starts each word with its stem', () => {
  for (const word of WORDS) {
    const text = `«${word}» and ${word.toUpperCase()}`;
    assert.equal(foldText(text).length, text.length, word);
  }
  for (const [word, stem] of [['trying', 'try'], ['Rhys', 'rhy'], ['days', 'dai'], ['spies', 'spi'], ['Houses', 'hous'], ['İstanbul', 'istanbul'], ['Москва', 'москва'], ['йод', 'йод']]) {
    assert.equal(stemWord(word!), stem, `${word} is stored as ${stem}`);
  }
});
