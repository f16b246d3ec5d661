import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeClaims } from '../../src-main/core/compare/claims';
import { addClaimUnits, claimUnitsOf, StoryWords, UnitTable } from '../../src-main/core/compare/clauses';
import { RepeatedUnits } from '../../src-main/core/compare/claim-repeats';
import { DEFAULT_MATCH_OPTIONS, matchGraph, TooManyMatches } from '../../src-main/core/compare/claim-matching';
import { termVectors } from '../../src-main/core/compare/claim-vectors';
import type { CompareDocument } from '../../src-main/core/compare/types';
import { claimCorpus } from '../support/claim-corpus';

/** The bound as a counter of this story gives it. */
function repeatedPairs(documents: readonly CompareDocument[]): number {
  const counter = new RepeatedUnits();
  for (const document of documents) counter.addDocument(document.text);
  return counter.pairs();
}

/** Pairs of units in different documents with the same sorted terms (3 distinct or more), by definition. */
function identicalPairs(documents: readonly CompareDocument[]): Set<string> {
  const story = new StoryWords();
  const units = documents.flatMap((document, index) =>
    claimUnitsOf(document.text, undefined, story).map((unit) => ({ index, terms: [...unit.terms].sort().join(' '), distinct: new Set(unit.terms).size })),
  );
  const pairs = new Set<string>();
  units.forEach((left, x) =>
    units.forEach((right, y) => {
      if (x < y && left.index !== right.index && left.distinct >= 3 && left.terms === right.terms) pairs.add(`${x}:${y}`);
    }),
  );
  return pairs;
}

/** The story's match graph as analyzeClaims builds it (documents in the order given), as a set of pairs. */
function matchingPairs(documents: readonly CompareDocument[]): Set<string> {
  const units = new UnitTable(new StoryWords());
  const owners: number[] = [];
  documents.forEach((document, index) => {
    addClaimUnits(units, document.text);
    while (owners.length < units.count) owners.push(index);
  });
  const graph = matchGraph({ units, documents: Int32Array.from(owners) }, termVectors(units), DEFAULT_MATCH_OPTIONS, { wideTerms: 64, maxMatches: Infinity });
  const pairs = new Set<string>();
  for (let unit = 0; unit < units.count; unit++) {
    for (let entry = graph.start[unit]!; entry < graph.start[unit + 1]!; entry++) if (unit < graph.other[entry]!) pairs.add(`${unit}:${graph.other[entry]!}`);
  }
  return pairs;
}

const document = (id: string, text: string): CompareDocument => ({ id, text, outlet: null, publishedAt: null });

describe('repeated claim units', () => {
  test('property: the count is the pairs of identical units, and every such pair is in the match graph', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 14 }), (seed, count) => {
        const documents = claimCorpus(seed, count);
        const identical = identicalPairs(documents);
        assert.equal(repeatedPairs(documents), identical.size);
        const graph = matchingPairs(documents);
        for (const pair of identical) assert.ok(graph.has(pair), `identical units ${pair} match`);
      }),
      { numRuns: 60 },
    );
  });

  test('property: a count past the limit means the analysis refuses the story', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const documents = claimCorpus(seed, 12);
        const pairs = repeatedPairs(documents);
        fc.pre(pairs > 0);
        assert.throws(() => analyzeClaims(documents, new Map(), { limits: { maxMatches: pairs - 1 } }), TooManyMatches);
      }),
      { numRuns: 30 },
    );
  });

  test('repeats within a document multiply, word order and stop words do not matter, short units do not count', () => {
    const line = 'The regional transit agency will suspend all night bus routes from March for lack of drivers.';
    const reordered = 'From March, for lack of drivers, all night bus routes of the regional transit agency will suspend.';
    const short = 'Bus routes end.';
    const documents = [
      document('a', `${line}\n\n${line}\n\n${short}`),
      document('b', `${reordered}\n\n${short}`),
      document('c', `${line}\n\n${line}\n\n${line}\n\n${short}`),
    ];
    // Two copies in a, one in b, three in c: 2·1 + 2·3 + 1·3 pairs across documents; none within one.
    assert.equal(repeatedPairs(documents), 11);
    assert.equal(identicalPairs(documents).size, 11);
    assert.equal(repeatedPairs([document('a', `${line}\n\n${line}`)]), 0, 'one document alone makes no pair');
    assert.equal(repeatedPairs([document('a', short), document('b', short)]), 0, 'a unit of fewer than 3 distinct terms never matches');
  });

  test('keys keep their counts past their first sort: counting twice gives the same figure, and more documents add to it', () => {
    const line = 'Officials said the border mission would start training troops before winter.';
    const counter = new RepeatedUnits();
    counter.addDocument(line);
    counter.addDocument(line);
    assert.equal(counter.pairs(), 1);
    assert.equal(counter.pairs(), 1);
    counter.addDocument(`${line}\n\n${line}`);
    assert.equal(counter.pairs(), 1 + 2 + 2);
  });
});
