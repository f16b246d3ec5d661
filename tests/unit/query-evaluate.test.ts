import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateQuery, type LeafMatcher } from '../../src-main/core/search/query-evaluate';
import { parseQuery } from '../../src-main/core/search/query-parser';
import type { LeafNode, QueryNode } from '../../src-main/core/search/query-ast';

/** Passages of a story: id → field → text. */
const passages: Record<string, Record<string, string>> = {
  p1: { text: 'the mayor resigned after the audit', speaker: 'clerk' },
  p2: { text: 'the police chief defended the drug cart seizure', speaker: 'chief' },
  p3: { text: 'the mayor abstained on the budget', speaker: 'mayor' },
  p4: { text: 'cartel links to a carting company', speaker: 'clerk' },
  p5: { text: 'police police police near the harbour', speaker: 'guard' },
};

const words = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j] ?? 0;
      row[j] = Math.min(kept + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = kept;
    }
  }
  return row[b.length] ?? 0;
}

/** A tiny leaf matcher: score = occurrences of the word (or phrase) in the chosen fields. */
const leaf: LeafMatcher = (node: LeafNode) => {
  const found = new Map<string, number>();
  for (const [id, fields] of Object.entries(passages)) {
    let score = 0;
    for (const [field, text] of Object.entries(fields)) {
      if (node.field !== null && node.field !== field) continue;
      const tokens = words(text);
      tokens.forEach((token, index) => {
        if (node.kind === 'term' && token === node.text.toLowerCase()) score += 1;
        if (node.kind === 'prefix' && token.startsWith(node.text.toLowerCase())) score += 1;
        if (node.kind === 'fuzzy' && distance(token, node.text.toLowerCase()) <= node.distance) score += 1;
        if (node.kind === 'phrase' && node.words.every((word, offset) => tokens[index + offset] === word.toLowerCase())) score += 1;
      });
    }
    if (score > 0) found.set(id, score);
  }
  return found;
};

const universe = () => Object.keys(passages);

function run(input: string): Map<string, number> {
  const parsed = parseQuery(input, { fields: ['text', 'speaker'] });
  assert.ok(parsed.ok, input);
  return evaluateQuery(parsed.query, leaf, universe);
}

const ids = (input: string): string[] => [...run(input).keys()].sort();

test('AND intersects, OR unites, NOT subtracts', () => {
  assert.deepEqual(ids('mayor'), ['p1', 'p3']);
  assert.deepEqual(ids('mayor budget'), ['p3']);
  assert.deepEqual(ids('budget OR audit'), ['p1', 'p3']);
  assert.deepEqual(ids('mayor NOT budget'), ['p1']);
  assert.deepEqual(ids('(mayor OR police) -harbour'), ['p1', 'p2', 'p3']);
  assert.deepEqual(ids('police AND (harbour OR cart)'), ['p2', 'p5']);
});

test('phrases, fields, prefixes and fuzzy leaves reach the matcher', () => {
  assert.deepEqual(ids('"drug cart"'), ['p2']);
  assert.deepEqual(ids('speaker:mayor'), ['p3']);
  assert.deepEqual(ids('mayor -speaker:mayor'), ['p1']);
  assert.deepEqual(ids('cart*'), ['p2', 'p4']);
  assert.deepEqual(ids('mayr~1'), ['p1', 'p3']);
});

test('scores add up over AND and OR, and boosts multiply', () => {
  assert.deepEqual(run('police harbour'), new Map([['p5', 4]]));
  assert.deepEqual(run('police OR chief'), new Map([['p2', 3], ['p5', 3]]));
  assert.deepEqual(run('police OR chief^3'), new Map([['p2', 7], ['p5', 3]]));
  assert.deepEqual(run('(police harbour)^2'), new Map([['p5', 8]]));
  assert.deepEqual(run('"drug cart"^2.5'), new Map([['p2', 2.5]]));
});

test('Lucene should clauses only add to the score of items that match the musts', () => {
  assert.deepEqual(run('+mayor audit^5'), new Map([['p1', 6], ['p3', 2]]));
  assert.deepEqual(run('+mayor -budget audit'), new Map([['p1', 2]]));
  const onlyShould: QueryNode = {
    kind: 'and',
    children: [],
    should: [
      { kind: 'term', text: 'budget', field: null, boost: 1 },
      { kind: 'term', text: 'audit', field: null, boost: 1 },
    ],
    boost: 1,
  };
  assert.deepEqual([...evaluateQuery(onlyShould, leaf, universe).keys()].sort(), ['p1', 'p3'], 'without musts one should is required');
});

test('pure negations use the universe (hand-built trees; the parser refuses them)', () => {
  const notMayor: QueryNode = { kind: 'not', child: { kind: 'term', text: 'mayor', field: null, boost: 1 } };
  assert.deepEqual([...evaluateQuery(notMayor, leaf, universe).keys()].sort(), ['p2', 'p4', 'p5']);
  const andOfNots: QueryNode = { kind: 'and', children: [notMayor, { kind: 'not', child: { kind: 'term', text: 'police', field: null, boost: 1 } }], should: [], boost: 1 };
  assert.deepEqual([...evaluateQuery(andOfNots, leaf, universe).keys()], ['p4']);
});

test('each leaf is matched once and the universe is only read when needed', () => {
  let leafCalls = 0;
  let universeCalls = 0;
  const counting: LeafMatcher = (node) => {
    leafCalls += 1;
    return leaf(node);
  };
  const parsed = parseQuery('+mayor audit -budget');
  assert.ok(parsed.ok);
  evaluateQuery(parsed.query, counting, () => {
    universeCalls += 1;
    return universe();
  });
  assert.equal(leafCalls, 3);
  assert.equal(universeCalls, 0);
});
