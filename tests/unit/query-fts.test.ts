import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { parseQuery } from '../../src-main/core/search/query-parser';
import { compileFts, quoteFts } from '../../src-main/core/search/query-fts';
import { createFuzzyExpansion, createFuzzyMatcher } from '../../src-main/core/search/fuzzy';
import type { QueryNode } from '../../src-main/core/search/query-ast';

const columns = ['title', 'outlet', 'byline', 'text'] as const;

/** id, title, outlet, byline, text */
const documents: [number, string, string, string, string][] = [
  [1, 'Mayor resigns after audit', 'Gazette', 'Ann Lee', 'The mayor resigned on Monday after the city audit found missing funds.'],
  [2, 'Police chief defends seizure', 'Herald', 'Bob Roy', 'The police chief said the drug cart was seized near the harbour.'],
  [3, 'Council votes on budget', 'Tribune', 'Cara Diaz', 'The council approved the budget; the mayor abstained.'],
  [4, 'Officials visit port', 'Herald', 'Dan Wu', 'U.S. officials toured the port and met the harbour master.'],
  [5, 'Cartel links alleged', 'Gazette', 'Eve Park', 'Investigators allege cartel links to a carting company.'],
  [6, 'Café owners protest', 'Courier', 'Zoë Martin', "Owners of the café on Main Street protested. They don't agree with the rules."],
  [7, 'Drug cart found empty', 'Tribune', 'Ann Lee', 'A cart used for drugs was found empty by the police.'],
  [8, 'Harbour master speaks', 'Courier', 'Bob Roy', 'The harbour master spoke about the seizure. The report was released on Friday.'],
  [9, 'Election results', 'Gazette', 'Fay Liu', 'Results show the mayor won re-election with 60% of the vote.'],
  [10, 'NEAR miss at the port', 'Herald', 'Hal Ng', 'A near miss AND a collision: OR so the NOT report said.'],
  [11, 'Night shift', 'Herald', 'Ida Cho', 'Police police police, said the harbour guard.'],
  [12, 'Day shift', 'Herald', 'Ida Cho', 'Harbour harbour harbour, said the police guard.'],
];

function openIndex() {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE document_text (id INTEGER PRIMARY KEY, title TEXT, outlet TEXT, byline TEXT, text TEXT);
    CREATE VIRTUAL TABLE document_index USING fts5(title, outlet, byline, text, content='document_text', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
    CREATE VIRTUAL TABLE document_vocabulary USING fts5vocab(document_index, 'row');`);
  const insertText = db.prepare('INSERT INTO document_text (id, title, outlet, byline, text) VALUES (?, ?, ?, ?, ?)');
  const insertIndex = db.prepare('INSERT INTO document_index (rowid, title, outlet, byline, text) VALUES (?, ?, ?, ?, ?)');
  for (const row of documents) {
    insertText.run(...row);
    insertIndex.run(...row);
  }
  return db;
}

const db = openIndex();
const matcher = createFuzzyMatcher(db.prepare('SELECT term FROM document_vocabulary').pluck().all() as string[]);
const fuzzyTerms = createFuzzyExpansion(matcher);
const ranked = db.prepare(`SELECT rowid FROM document_index WHERE document_index MATCH ?
  ORDER BY bm25(document_index, 10.0, 2.0, 2.0, 1.0), rowid`).pluck();

function compile(input: string): string {
  const parsed = parseQuery(input, { fields: columns });
  assert.ok(parsed.ok, `${input}: ${parsed.ok ? '' : parsed.error.message}`);
  const compiled = compileFts(parsed.query, { columns, fuzzyTerms });
  assert.ok('match' in compiled, `${input}: ${'error' in compiled ? compiled.error : ''}`);
  return compiled.match;
}

/** Ids of the documents a typed query matches, in bm25 order (ties by id). */
function search(input: string): number[] {
  return ranked.all(compile(input)) as number[];
}

/** Ids of the documents a typed query matches, sorted by id. */
function matching(input: string): number[] {
  return search(input).sort((a, b) => a - b);
}

test('bare words are all required; lowercase and/or/not are plain words', () => {
  assert.deepEqual(matching('mayor'), [1, 3, 9]);
  assert.deepEqual(matching('mayor budget'), [3]);
  assert.deepEqual(matching('police harbour'), [2, 11, 12]);
  assert.deepEqual(matching('harbour or police'), []);
  assert.deepEqual(matching('Resigned'), [1], 'case folding and porter stemming apply');
  assert.deepEqual(matching('cafe'), [6], 'diacritics are folded');
});

test('phrases, hyphenated words, U.S. and apostrophes match adjacent words', () => {
  assert.deepEqual(matching('"drug cart"'), [2, 7]);
  assert.deepEqual(matching('"cart drug"'), []);
  assert.deepEqual(matching('drug-cart'), [2, 7]);
  assert.deepEqual(matching('“harbour master”'), [4, 8]);
  assert.deepEqual(matching('U.S. officials'), [4]);
  assert.deepEqual(matching("don't"), [6]);
  assert.deepEqual(matching('re-election'), [9]);
});

test('+must, -mustnot and optional words follow Lucene', () => {
  assert.deepEqual(matching('mayor -budget'), [1, 9]);
  assert.deepEqual(matching('+mayor -budget audit'), [1, 9], 'audit is optional next to a +word');
  assert.deepEqual(search('+mayor audit')[0], 1, 'the optional word ranks its document first');
  assert.deepEqual(search('+mayor won')[0], 9);
  assert.deepEqual(matching('harbour -"drug cart" -master'), [11, 12]);
});

test('AND, OR, NOT and parentheses combine with NOT > AND > OR', () => {
  assert.deepEqual(matching('budget OR audit'), [1, 3]);
  assert.deepEqual(matching('mayor AND budget'), [3]);
  assert.deepEqual(matching('mayor NOT budget'), [1, 9]);
  assert.deepEqual(matching('budget OR audit mayor'), [1, 3], 'AND binds tighter than OR');
  assert.deepEqual(matching('(budget OR audit) AND council'), [3]);
  assert.deepEqual(matching('police AND (harbour OR empty) NOT guard'), [2, 7]);
  assert.deepEqual(matching('(mayor OR police) -(budget OR guard)'), [1, 2, 7, 9]);
});

test('FTS5 keywords and punctuation typed by the user are searched as words', () => {
  assert.deepEqual(matching('"NEAR miss"'), [10]);
  assert.deepEqual(matching('report said'), [10]);
  assert.deepEqual(matching('"collision: OR so the NOT"'), [10]);
  assert.deepEqual(matching('title:NEAR* miss'), [10]);
  assert.equal(quoteFts('say "hi"'), '"say ""hi"""');
});

test('field:term, field:"phrase" and field:(a OR b) restrict the columns', () => {
  assert.deepEqual(matching('title:mayor'), [1]);
  assert.deepEqual(matching('outlet:herald harbour'), [2, 4, 11, 12]);
  assert.deepEqual(matching('byline:"ann lee"'), [1, 7]);
  assert.deepEqual(matching('title:(cartel OR council)'), [3, 5]);
  assert.deepEqual(matching('TEXT:drug -title:drug'), [2]);
  assert.deepEqual(matching('outlet:(herald -port) police'), [2, 11, 12]);
});

test('prefix* matches word beginnings', () => {
  assert.deepEqual(matching('cart*'), [2, 5, 7]);
  assert.deepEqual(matching('title:cart*'), [5, 7]);
  assert.deepEqual(matching('drug-ca*'), [2, 7]);
});

test('fuzzy~ expands through the index vocabulary (porter stems)', () => {
  assert.deepEqual(matching('mayr~1'), [1, 3, 9]);
  assert.deepEqual(matching('polise~1'), [2, 7, 11, 12]);
  assert.deepEqual(matching('harbor~'), [2, 4, 8, 11, 12]);
  assert.deepEqual(matching('relaesed~1'), [8], 'transposition; the stem "releas" is searched through "release"');
  assert.deepEqual(matching('mayr~1 -budget'), [1, 9]);
  assert.deepEqual(matching('title:mayr~1'), [1]);
  assert.deepEqual(matching('mayr'), [], 'without ~ the typo matches nothing');
});

test('a fuzzy word with nothing close matches nothing and says so', () => {
  const parsed = parseQuery('xqzzyv~2 OR budget');
  assert.ok(parsed.ok);
  const compiled = compileFts(parsed.query, { columns, fuzzyTerms });
  assert.ok('match' in compiled);
  assert.deepEqual(compiled.warnings, ['No word in the library is close to "xqzzyv"']);
  assert.deepEqual(ranked.all(compiled.match), [3]);
  assert.deepEqual(matching('xqzzyv~2'), []);
});

test('boosts change the bm25 order, not what matches', () => {
  assert.deepEqual(matching('police^3 harbour'), matching('police harbour'));
  const policeFirst = search('police^5 OR harbour');
  const harbourFirst = search('police OR harbour^5');
  assert.ok(policeFirst.indexOf(11) < policeFirst.indexOf(12), `police^5 puts 11 before 12: ${policeFirst}`);
  assert.ok(harbourFirst.indexOf(12) < harbourFirst.indexOf(11), `harbour^5 puts 12 before 11: ${harbourFirst}`);
  assert.equal(compile('police^2'), '("police" AND "police")');
  assert.equal(compile('"drug cart"^3'), '("drug cart" AND "drug cart" AND "drug cart")');
  assert.equal(compile('(a b)^2 c'), '((("a" AND "a") AND ("b" AND "b")) AND "c")', 'group boosts reach the leaves');
  assert.equal(compile('a^0.4'), '"a"', 'weights below one cannot be emulated and count once');
});

test('compiled shapes: columns, prefix, NOT and optional clauses', () => {
  assert.equal(compile('title:"x y" zo*'), '("title" : "x y" AND "zo" *)');
  assert.equal(compile('a -b -c'), '("a" NOT ("b" OR "c"))');
  assert.equal(compile('+a b'), '("a" AND ("b" OR "a"))');
});

test('queries FTS5 cannot express come back as errors, not broken MATCH strings', () => {
  const onlyNot: QueryNode = { kind: 'not', child: { kind: 'term', text: 'a', field: null, boost: 1 } };
  assert.deepEqual(compileFts(onlyNot, { columns, fuzzyTerms }), {
    error: 'A query needs at least one word to look for besides the excluded ones',
  });
  const speaker: QueryNode = { kind: 'term', text: 'a', field: 'speaker', boost: 1 };
  assert.deepEqual(compileFts(speaker, { columns, fuzzyTerms }), { error: 'The library index cannot search by "speaker"' });
  const onlyShould: QueryNode = { kind: 'and', children: [], should: [{ kind: 'term', text: 'budget', field: null, boost: 1 }], boost: 1 };
  const compiled = compileFts(onlyShould, { columns, fuzzyTerms });
  assert.ok('match' in compiled);
  assert.deepEqual(ranked.all(compiled.match), [3], 'with no must clause one should clause is required');
});
