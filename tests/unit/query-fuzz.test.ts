import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { parseQuery, unreadable } from '../../src-main/core/search/query-parser';
import { compileFts } from '../../src-main/core/search/query-fts';
import { evaluateQuery } from '../../src-main/core/search/query-evaluate';
import { createFuzzyExpansion, createFuzzyMatcher } from '../../src-main/core/search/fuzzy';
import { describeQuery, type QueryNode } from '../../src-main/core/search/query-ast';
import { corrupt, KEYWORDS, queryArbitraries, SPECIALS } from '../support/query-arbitraries';

// Thousands of random and grammar-shaped queries, many of them corrupted, go through
// parseQuery → compileFts → a real FTS5 table. Nothing may throw, every accepted query must run.

const columns = ['title', 'outlet', 'byline', 'text'] as const;
const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE document_index USING fts5(title, outlet, byline, text,
    tokenize='porter unicode61 remove_diacritics 2', prefix='2 3');
  CREATE VIRTUAL TABLE document_vocabulary USING fts5vocab(document_index, 'row');`);
const insert = db.prepare('INSERT INTO document_index (title, outlet, byline, text) VALUES (?, ?, ?, ?)');
insert.run('Mayor resigns', 'Gazette', 'Ann Lee', 'The mayor resigned after the audit of the drug cart.');
insert.run('NEAR miss AND collision', 'Herald', 'Zoë Roy', 'U.S. officials said OR NOT: the café in 東京 was released.');
insert.run('Title of a text', 'Outlet', 'Byline', "Police don't comment on re-election; 3,000 votes.");
const fuzzyTerms = createFuzzyExpansion(createFuzzyMatcher(db.prepare('SELECT term FROM document_vocabulary').pluck().all() as string[]));
const run = db.prepare(`SELECT rowid FROM document_index WHERE document_index MATCH ?
  ORDER BY bm25(document_index, 10.0, 2.0, 2.0, 1.0) LIMIT 5`);

function assertRuns(query: QueryNode, input: string): void {
  const compiled = compileFts(query, { columns, fuzzyTerms });
  assert.ok('match' in compiled, `${JSON.stringify(input)} → ${describeQuery(query)}: ${'error' in compiled ? compiled.error : ''}`);
  assert.doesNotThrow(() => run.all(compiled.match), `${JSON.stringify(input)} → ${compiled.match}`);
  evaluateQuery(query, () => new Map([['one', 1]]), () => ['one', 'two']);
}

/** The whole pipeline on one input: parse never throws; ok runs in SQLite; failures explain themselves. */
function check(input: string): void {
  const outcome = parseQuery(input, { fields: columns });
  if (outcome.ok) {
    assert.ok(outcome.warnings.every((warning) => typeof warning === 'string' && warning.length > 0));
    assertRuns(outcome.query, input);
    return;
  }
  const { message, position } = outcome.error;
  assert.ok(message.trim().length > 0, `${JSON.stringify(input)}: empty message`);
  assert.notEqual(message, unreadable, `${JSON.stringify(input)}: the parser failed internally`);
  assert.ok(Number.isInteger(position) && position >= 0 && position <= input.length, `${JSON.stringify(input)}: position ${position}`);
  if (outcome.fallback) assertRuns(outcome.fallback, input);
}

const words = ['mayor', 'police', 'cart', 'drug', 'café', 'Zoë', 'U.S.', 're-election', "don't", '3,000', '東京', 'x', 'ab', 'σς', ...KEYWORDS];
const { grammar, corruption } = queryArbitraries({ words, fields: ['title:', 'outlet:', 'byline:', 'text:', 'Title:', 'TEXT: ', 'speaker:'] });

// 1,000 of each kind by default (the engine-level fuzz in tests/db/search-fuzz.test.ts runs 10,000 through the
// whole search pipeline); 10,000 of each with PARALLAX_SLOW=1.
const runs = Number(process.env.QUERY_FUZZ_RUNS ?? (process.env.PARALLAX_SLOW ? 10_000 : 1000));

test('random strings never break the pipeline', () => {
  const syntaxy = fc.string({ unit: fc.constantFrom(...SPECIALS, ...KEYWORDS, 'a', 'b', 'é', ' ', ' ', '1'), maxLength: 40 });
  fc.assert(fc.property(fc.oneof(syntaxy, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })), check), {
    numRuns: runs,
  });
});

test('grammar-shaped queries parse and run', () => {
  fc.assert(
    fc.property(grammar, (input) => {
      check(input);
    }),
    { numRuns: runs },
  );
});

test('corrupted grammar-shaped queries never break the pipeline', () => {
  fc.assert(fc.property(grammar, corruption, (input, edits) => check(corrupt(input, edits))), { numRuns: runs });
});

test('limits: long inputs and deep nesting are refused or run', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('(', ')', 'a', ' ', '"', 'NOT ', '-', 'x~', 'y^9 '), minLength: 900, maxLength: 1100 }), check),
    { numRuns: 60 },
  );
  check(`${'('.repeat(32)}a${')'.repeat(32)}`);
  check(`${'('.repeat(33)}a${')'.repeat(33)}`);
  check(`${'mayr~2^10 '.repeat(99)}`);
  check(`${'"a b c d"^10 OR '.repeat(60)}x`);
});
