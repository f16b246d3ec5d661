import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeClaims } from '../../src-main/core/compare/claims';
import { addClaimUnits, StoryWords, UnitTable } from '../../src-main/core/compare/clauses';
import { forEachCandidate } from '../../src-main/core/compare/claim-candidates';
import { matchesOf } from '../../src-main/core/compare/claim-graph';
import { DEFAULT_MATCH_OPTIONS, matchGraph, pairMatcher, similarityThreshold, TooManyMatches, type UnitMatch } from '../../src-main/core/compare/claim-matching';
import { overlap, termVectors, type StoryUnits, type TermVectors } from '../../src-main/core/compare/claim-vectors';
import type { CompareDocument } from '../../src-main/core/compare/types';
import { claimCorpus as corpus } from '../support/claim-corpus';
import { mulberry32 } from '../support/mulberry32';

/** The story's units and vectors, as analyzeClaims prepares them. */
function prepared(documents: readonly CompareDocument[]): { story: StoryUnits; vectors: TermVectors } {
  const units = new UnitTable(new StoryWords());
  const owners: number[] = [];
  documents.forEach((document, index) => {
    addClaimUnits(units, document.text);
    while (owners.length < units.count) owners.push(index);
  });
  return { story: { units, documents: Int32Array.from(owners) }, vectors: termVectors(units) };
}

/** Every pair decided by the match rule alone, as the graph lists them. */
function bruteForce(story: StoryUnits, vectors: TermVectors): UnitMatch[][] {
  const matcher = pairMatcher(story, vectors);
  const graph: UnitMatch[][] = Array.from({ length: story.units.count }, () => []);
  for (let later = 0; later < story.units.count; later++) {
    for (let earlier = 0; earlier < later; earlier++) {
      const match = matcher(earlier, later);
      if (!match) continue;
      graph[earlier]!.push({ other: later, ...match });
      graph[later]!.push({ other: earlier, ...match });
    }
  }
  for (const matches of graph) matches.sort((left, right) => left.other - right.other);
  return graph;
}

/**
 * Random vectors straight into candidate generation: `units` units over `vocabulary` terms, terms drawn with skewed
 * frequencies (some common, most rare, as in text), random positive weights scaled to unit length, a few units
 * per document.
 */
function randomVectors(seed: number, units: number, vocabulary: number, widest: number): { vectors: TermVectors; documents: Int32Array } {
  const random = mulberry32(seed);
  const start = new Int32Array(units + 1);
  const terms: number[] = [];
  const weights: number[] = [];
  for (let unit = 0; unit < units; unit++) {
    const chosen = new Set<number>();
    const size = 1 + Math.floor(random() * widest);
    while (chosen.size < Math.min(size, vocabulary)) chosen.add(Math.floor(random() ** 2 * vocabulary));
    const sorted = [...chosen].sort((left, right) => left - right);
    const raw = sorted.map(() => 0.2 + random());
    const norm = Math.hypot(...raw);
    terms.push(...sorted);
    weights.push(...raw.map((weight) => weight / norm));
    start[unit + 1] = terms.length;
  }
  const documents = Int32Array.from({ length: units }, (_, unit) => Math.floor(unit / (1 + Math.floor(random() * 3))));
  return { vectors: { start, terms: Int32Array.from(terms), weights: Float64Array.from(weights) }, documents };
}

/** The brute-force definition of a candidate: different documents, `minShared` shared terms, cosine at both floors. */
function bruteCandidates(vectors: TermVectors, documents: Int32Array, floorOf: (distinct: number) => number, minShared: number): string[] {
  const pairs: string[] = [];
  const units = vectors.start.length - 1;
  const distinct = (unit: number) => vectors.start[unit + 1]! - vectors.start[unit]!;
  for (let right = 0; right < units; right++) {
    for (let left = 0; left < right; left++) {
      if (documents[left] === documents[right]) continue;
      const pair = overlap(vectors, left, right);
      if (pair.sharedTerms >= Math.max(1, minShared) && pair.similarity >= Math.max(floorOf(distinct(left)), floorOf(distinct(right)))) pairs.push(`${left}:${right}`);
    }
  }
  return pairs;
}

describe('claim candidates', () => {
  test('property: the graph holds every pair the match rule accepts, narrow, wide or mixed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(64, 6, 2), (seed, wideTerms) => {
        const { story, vectors } = prepared(corpus(seed, 12));
        const graph = matchGraph(story, vectors, DEFAULT_MATCH_OPTIONS, { wideTerms, maxMatches: Infinity });
        assert.deepEqual(Array.from({ length: story.units.count }, (_, unit) => matchesOf(graph, unit)), bruteForce(story, vectors));
      }),
      { numRuns: 40 },
    );
  });

  test('property: candidate generation visits every pair the brute-force definition admits, once, across documents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(64, 8, 3),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (seed, minShared, wideTerms, base, slope) => {
          const { vectors, documents } = randomVectors(seed, 60, 40, 14);
          // Floors falling with the number of terms, as the match thresholds do.
          const floorOf = (distinct: number) => Math.max(0.01, base - (slope * Math.min(distinct, 10)) / 10);
          const visited: string[] = [];
          forEachCandidate({ vectors, documents, floorOf, minShared }, (left, right) => {
            assert.ok(left < right, 'left before right');
            assert.notEqual(documents[left], documents[right], 'never two units of one document');
            visited.push(`${left}:${right}`);
          }, { wideTerms });
          assert.equal(new Set(visited).size, visited.length, 'each pair once');
          const seen = new Set(visited);
          const missed = bruteCandidates(vectors, documents, floorOf, minShared).filter((pair) => !seen.has(pair));
          assert.deepEqual(missed, [], 'no admissible pair is missed');
        },
      ),
      { numRuns: 150 },
    );
  });

  test('the sample corpora hold near-verbatim pairs under the cosine threshold, so both rules are exercised', () => {
    let verbatimOnly = 0;
    let byCosine = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const { story, vectors } = prepared(corpus(seed, 12));
      const graph = matchGraph(story, vectors);
      for (let unit = 0; unit < story.units.count; unit++) {
        for (const match of matchesOf(graph, unit)) {
          if (match.other < unit) continue;
          const distinct = Math.min(vectors.start[unit + 1]! - vectors.start[unit]!, vectors.start[match.other + 1]! - vectors.start[match.other]!);
          if (match.similarity < similarityThreshold(distinct, DEFAULT_MATCH_OPTIONS) - 0.001) verbatimOnly++;
          else byCosine++;
        }
      }
    }
    assert.ok(verbatimOnly > 0, 'some pairs match by wording alone');
    assert.ok(byCosine > verbatimOnly, `${byCosine} pairs match by cosine`);
  });

  test('a story with more matching pairs than its limit throws TooManyMatches', () => {
    const line = 'The regional transit agency will suspend all night bus routes from March for lack of drivers.';
    const documents = Array.from({ length: 4 }, (_, index) => ({ id: `w${index}`, text: line, outlet: null, publishedAt: null }));
    assert.equal(analyzeClaims(documents, new Map(), { limits: { maxMatches: 6 } }).claims.length, 1, 'four copies make six pairs');
    assert.throws(() => analyzeClaims(documents, new Map(), { limits: { maxMatches: 5 } }), TooManyMatches);
  });
});
