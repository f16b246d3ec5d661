import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import {
  createFuzzyExpansion,
  createFuzzyMatcher,
  normalizeWord,
  queryWordsForStem,
  stemWord,
} from '../../src-main/core/search/fuzzy';

/** Optimal string alignment distance, the plain full-table way, as a reference. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const cell = (i: number, j: number): number => table[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let value = Math.min(cell(i - 1, j) + 1, cell(i, j - 1) + 1, cell(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, cell(i - 2, j - 2) + 1);
      (table[i] as number[])[j] = value;
    }
  }
  return cell(a.length, b.length);
}

/** A seeded generator of word-like strings over a small alphabet, so that near neighbours are common. */
function syntheticVocabulary(count: number, alphabet: string, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const length = 2 + Math.floor(next() * 9);
    let word = '';
    for (let index = 0; index < length; index++) word += alphabet[Math.floor(next() * alphabet.length)];
    return word;
  });
}

test('finds insertions, deletions, substitutions and swaps, closest first', () => {
  const matcher = createFuzzyMatcher(['mayor', 'major', 'manor', 'mayors', 'police', 'polic', 'minor', 'may']);
  assert.deepEqual(matcher.terms('mayor', 0), ['mayor']);
  assert.deepEqual(matcher.terms('mayr', 1), ['may', 'mayor']);
  assert.deepEqual(matcher.terms('myaor', 1), ['mayor'], 'a swap of neighbours is one edit');
  assert.deepEqual(matcher.closest('mayor', 1), [
    { term: 'mayor', distance: 0 },
    { term: 'major', distance: 1 },
    { term: 'manor', distance: 1 },
    { term: 'mayors', distance: 1 },
  ]);
  assert.deepEqual(matcher.terms('mayor', 2).slice(0, 4), ['mayor', 'major', 'manor', 'mayors']);
  assert.ok(matcher.terms('mayor', 2).includes('may'));
  assert.deepEqual(matcher.terms('mayor', 2, 2), ['mayor', 'major'], 'limit keeps the closest');
  assert.deepEqual(matcher.terms('MAYOR', 0), ['mayor'], 'the word is lower-cased');
  assert.deepEqual(matcher.terms('mayor', 7), matcher.terms('mayor', 2), 'distance is clamped to 2');
  assert.deepEqual(matcher.terms('', 2), []);
  assert.deepEqual(createFuzzyMatcher([]).terms('mayor', 2), []);
});

test('accents are folded the way the index folds them', () => {
  assert.equal(normalizeWord('Café Crème'), 'cafe creme');
  const matcher = createFuzzyMatcher(['cafe', 'zoe']);
  assert.deepEqual(matcher.terms('Café', 0), ['cafe']);
  assert.deepEqual(matcher.terms('Zoë', 0), ['zoe']);
});

test('agrees with a full-table reference on random vocabularies and words', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 7 }), { maxLength: 120 }),
      fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 7 }),
      fc.integer({ min: 0, max: 2 }),
      (vocabulary, word, distance) => {
        const expected = [...new Set(vocabulary)].filter((entry) => referenceDistance(entry, word) <= distance).sort();
        const actual = createFuzzyMatcher(vocabulary).closest(word, distance, Number.POSITIVE_INFINITY);
        assert.deepEqual(actual.map((entry) => entry.term).sort(), expected);
        for (const entry of actual) assert.equal(entry.distance, referenceDistance(entry.term, word));
      },
    ),
    { numRuns: 400 },
  );
});

test('a 300k-word vocabulary answers in a few milliseconds', () => {
  const vocabulary = syntheticVocabulary(300_000, 'eeeeeeetttttaaaaooooiiiinnnnsssshhhrrrddlluucmwfgypbvk', 7);
  const matcher = createFuzzyMatcher(vocabulary);
  const queries = vocabulary.slice(0, 100).map((word) => `${word}x`);
  for (const query of queries.slice(0, 10)) matcher.terms(query, 2);
  const started = performance.now();
  let found = 0;
  for (const query of queries) found += matcher.terms(query, 2).length;
  const perQuery = (performance.now() - started) / queries.length;
  assert.ok(found >= queries.length, 'each word is one edit from its source');
  assert.ok(perQuery < 40, `distance 2 took ${perQuery.toFixed(2)} ms per query`);
});

/** Words where lunr's Porter and FTS5's part ways: final y after no vowel, tokens past 64 bytes, marks outside Latin. */
const STEM_EDGE_CASES = ['trying', 'Trying', 'tryed', 'trys', 'Rhys', 'MSYS', 'TTYs', 'flying', 'spies', 'days', 'played', 'Русский',
  'Сергей', 'йод', 'naïve', 'Zoë', 'İstanbul', 'relational', 'agreed', 'x'.repeat(40) + 'ational' + 'y'.repeat(20), 'é'.repeat(33) + 'ing'];

test('stemWord gives the stems FTS5 porter stores, on every word of the sample story and on edge cases', () => {
  assert.equal(stemWord('Running'), 'run');
  assert.equal(stemWord('days'), 'dai');
  assert.equal(stemWord('deployment'), 'deploy');
  assert.equal(stemWord('spy'), 'spy');
  assert.equal(stemWord('trying'), 'try');
  assert.equal(stemWord('Русский'), 'русский');
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance');`);
  const text = readdirSync('seeds').filter((name) => name.endsWith('.txt')).map((name) => readFileSync(`seeds/${name}`, 'utf8')).join('\n');
  const words = [...new Set([...(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []), ...STEM_EDGE_CASES])];
  const stemsOf = (list: string[]): string[] => {
    db.exec('DELETE FROM probe');
    const insert = db.prepare('INSERT INTO probe (rowid, x) VALUES (?, ?)');
    list.forEach((word, index) => insert.run(index + 1, word));
    const stems = list.map(() => '');
    for (const row of db.prepare('SELECT doc, term FROM probe_terms').all() as { doc: number; term: string }[]) stems[row.doc - 1] = row.term;
    return stems;
  };
  const ftsStems = stemsOf(words);
  assert.ok(words.length > 200);
  const differing = words.filter((word, index) => stemWord(word) !== ftsStems[index]);
  assert.deepEqual(differing, []);

  // Every stem is reachable through the words queryWordsForStem gives (FTS5 stems query words again).
  const stems = [...new Set(ftsStems)];
  const forms = stems.map(queryWordsForStem);
  const formStems = stemsOf(forms.flat());
  let offset = 0;
  const unreachable = stems.filter((stem, index) => {
    const reached = (forms[index] as string[]).map(() => formStems[offset++]);
    return !reached.includes(stem);
  });
  assert.deepEqual(unreachable, []);
  db.close();
});

test('queryWordsForStem adds a surface form only for stems Porter would change again', () => {
  assert.deepEqual(queryWordsForStem('mayor'), ['mayor']);
  assert.deepEqual(queryWordsForStem('hous'), ['hous', 'house']);
  assert.deepEqual(queryWordsForStem('releas'), ['releas', 'release']);
});

test('createFuzzyExpansion compares stem to stem and returns query-ready words', () => {
  const expand = createFuzzyExpansion(createFuzzyMatcher(['mayor', 'polic', 'hous', 'releas', 'budget']));
  assert.deepEqual(expand('mayr', 1), ['mayor']);
  assert.deepEqual(expand('polise', 1), ['polic']);
  assert.deepEqual(expand('hauses', 1), ['hous', 'house']);
  assert.deepEqual(expand('relaesed', 1), ['releas', 'release']);
  assert.deepEqual(expand('xyzzy', 2), []);
});
