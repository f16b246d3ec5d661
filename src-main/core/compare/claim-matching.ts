/**
 * Which claim units of a story say the same thing: TF-IDF cosine over content terms (IDF over every unit of the
 * story) or near-verbatim wording (shared word trigrams covering most of the shorter unit). Pure.
 */
import type { UnitTable } from './claim-units';
import { DEFAULT_CANDIDATE_LIMITS, forEachCandidate, type CandidateLimits } from './claim-candidates';
import { distinctTerms, type StoryUnits, type TermVectors } from './claim-vectors';
import { PairList, type MatchGraph } from './claim-graph';

export { matchesOf, type MatchGraph } from './claim-graph';

/** A match from one unit to a unit of another document; `weight` = the larger of similarity and coverage. */
export interface UnitMatch {
  other: number;
  similarity: number;
  coverage: number;
  weight: number;
}

/**
 * Matching thresholds. Two units of different documents match when they share `minSharedTerms` content terms and
 * either their wording overlaps (`verbatimCoverage` of the shorter unit's words lie in word trigrams both hold, the
 * shorter having `verbatimMinWords` words) or their TF-IDF cosine reaches the threshold for the shorter unit's
 * distinct terms: short units (≤ `shortTerms`) need `shortSimilarity`, medium ones (≤ `mediumTerms`)
 * `mediumSimilarity`, longer ones `longSimilarity`. Fewer terms leave more room for chance agreement.
 */
export interface MatchOptions {
  minSharedTerms: number;
  verbatimCoverage: number;
  verbatimMinWords: number;
  shortTerms: number;
  mediumTerms: number;
  shortSimilarity: number;
  mediumSimilarity: number;
  longSimilarity: number;
}

/**
 * Defaults tuned on the sample story: 3 shared terms; wording covering 70% of a shorter unit of 8+ words; cosine
 * 0.55 for units of ≤ 5 distinct terms, 0.5 for ≤ 8, 0.42 above. In the sample, re-reports of one fact score
 * 0.44–1; pairs on the same topic but another fact score up to ~0.43 (long units) or ~0.49 (short ones).
 */
export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  minSharedTerms: 3,
  verbatimCoverage: 0.7,
  verbatimMinWords: 8,
  shortTerms: 5,
  mediumTerms: 8,
  shortSimilarity: 0.55,
  mediumSimilarity: 0.5,
  longSimilarity: 0.42,
};

/** A unit's words as wording comparison reads them: `wordCount` FNV-1a hashes of `wordHashes` from `firstWord` on. */
export interface UnitWords {
  wordHashes: Int32Array;
  firstWord: number;
  wordCount: number;
}

/** Unit `unit` of a table as UnitWords. */
function wordsOf(table: UnitTable, unit: number): UnitWords {
  return { wordHashes: table.wordHashes[table.textOf(unit)]!, firstWord: table.firstWord(unit), wordCount: table.wordCount(unit) };
}

/** The unit's word trigrams (normalized words, stop words included) as 32-bit hashes, in order, written into `into`. */
function trigramsOf(unit: UnitWords, into: Int32Array): Int32Array {
  const count = Math.max(0, unit.wordCount - 2);
  const hashes = into.length >= count ? into.subarray(0, count) : new Int32Array(count);
  const words = unit.wordHashes;
  for (let index = 0, word = unit.firstWord; index < count; index++, word++) {
    hashes[index] = (Math.imul((Math.imul(words[word] ?? 0, 0x01000193) ^ (words[word + 1] ?? 0)) | 0, 0x01000193) ^ (words[word + 2] ?? 0)) | 0;
  }
  return hashes;
}

const shorterTrigrams = new Int32Array(256);
const longerTrigrams = new Int32Array(256);

/**
 * Words of the shorter unit lying in a word trigram the other unit also holds, and their share of its words. Takes
 * ClaimUnit objects (wire-copy detection) as well as a table's units.
 */
export function sharedWording(left: UnitWords, right: UnitWords): { words: number; coverage: number } {
  const [shorter, longer] = left.wordCount <= right.wordCount ? [left, right] : [right, left];
  // The longer unit's trigrams sorted, each of the shorter's looked up by bisection.
  const other = trigramsOf(longer, longerTrigrams).sort();
  const hashes = trigramsOf(shorter, shorterTrigrams);
  let words = 0;
  let coveredUntil = 0;
  for (let index = 0; index < hashes.length; index++) {
    if (!holds(other, hashes[index] ?? 0)) continue;
    words += index + 3 - Math.max(coveredUntil, index);
    coveredUntil = index + 3;
  }
  return { words, coverage: shorter.wordCount === 0 ? 0 : words / shorter.wordCount };
}

/** True when a sorted array holds the value. */
function holds(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] === value;
}

/** The cosine a pair needs, by the distinct terms of its shorter unit. */
export function similarityThreshold(distinctTerms: number, options: MatchOptions): number {
  if (distinctTerms <= options.shortTerms) return options.shortSimilarity;
  if (distinctTerms <= options.mediumTerms) return options.mediumSimilarity;
  return options.longSimilarity;
}

/** The least threshold a pair holding a unit of `distinctTerms` terms can need (the pair's shorter unit decides). */
function leastThreshold(distinctTerms: number, options: MatchOptions): number {
  let least = options.shortSimilarity;
  if (distinctTerms > options.shortTerms) least = Math.min(least, options.mediumSimilarity);
  if (distinctTerms > options.mediumTerms) least = Math.min(least, options.longSimilarity);
  return least;
}

/**
 * Every unit's prefix: its heaviest terms until the rest weigh (as a norm) under its own threshold, as a mask over the
 * vectors' entries, with the norm and the count of the rest. A unit sharing none of them has a cosine under that
 * threshold with this one (Cauchy–Schwarz).
 */
interface PrefixTable {
  member: Uint8Array;
  restNorm: Float64Array;
  restTerms: Int32Array;
}

function prefixTable(vectors: TermVectors, options: MatchOptions): PrefixTable {
  const units = vectors.start.length - 1;
  const table: PrefixTable = {
    member: new Uint8Array(vectors.terms.length),
    restNorm: new Float64Array(units),
    restTerms: new Int32Array(units),
  };
  const { terms, weights } = vectors;
  let order = new Int32Array(64);
  for (let unit = 0; unit < units; unit++) {
    const from = vectors.start[unit]!;
    const count = distinctTerms(vectors, unit);
    const bound = similarityThreshold(count, options);
    if (order.length < count) order = new Int32Array(count * 2);
    // Positions by weight, heaviest first (ties: smaller term id), by insertion: a unit has a few dozen terms at most.
    for (let position = from; position < from + count; position++) {
      let at = position - from;
      while (at > 0 && heavier(weights, terms, position, order[at - 1]!)) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = position;
    }
    let rest = 1;
    let members = 0;
    for (let index = 0; index < count; index++) {
      if (rest < bound * bound) break;
      const position = order[index]!;
      table.member[position] = 1;
      members++;
      rest -= (weights[position] ?? 0) ** 2;
    }
    table.restNorm[unit] = Math.sqrt(Math.max(0, rest));
    table.restTerms[unit] = count - members;
  }
  return table;
}

/** True when the term at `left` weighs more than the one at `right` (ties: the smaller term id first). */
function heavier(weights: Float64Array, terms: Int32Array, left: number, right: number): boolean {
  const difference = (weights[left] ?? 0) - (weights[right] ?? 0);
  return difference > 0 || (difference === 0 && (terms[left] ?? 0) < (terms[right] ?? 0));
}

/** Decides whether two units match (the earlier first), and how strongly: see pairMatcher. */
export type PairMatcher = (earlier: number, later: number) => Omit<UnitMatch, 'other'> | undefined;

/**
 * The match rule of a story's units, pair by pair. Two units of different documents match when the earlier one's
 * prefix (its heaviest terms, bound by its own threshold) holds a term of the later, the dot product over those terms
 * plus the norm of the earlier's rest can reach the pair's threshold, the terms shared there plus the rest's count can
 * reach `minSharedTerms`, and evaluatePair accepts them. The prefix conditions come from the all-pairs search this
 * replaced; they never reject a pair whose cosine reaches its threshold, and are kept so near-verbatim pairs match
 * exactly as before. Both sums run in ascending term order, so the figures are bit for bit the earlier ones.
 */
export function pairMatcher(story: StoryUnits, vectors: TermVectors, options: MatchOptions = DEFAULT_MATCH_OPTIONS): PairMatcher {
  const prefixes = prefixTable(vectors, options);
  const { start, terms, weights } = vectors;
  return (earlier, later) => {
    if (story.documents[earlier] === story.documents[later]) return undefined;
    const leftEnd = start[earlier + 1]!;
    const rightEnd = start[later + 1]!;
    let similarity = 0;
    let sharedTerms = 0;
    let partial = 0;
    let sharedInPrefix = 0;
    for (let i = start[earlier]!, j = start[later]!; i < leftEnd && j < rightEnd; ) {
      const a = terms[i]!;
      const b = terms[j]!;
      if (a === b) {
        const product = weights[i]! * weights[j]!;
        similarity += product;
        sharedTerms++;
        if (prefixes.member[i] === 1) {
          partial += product;
          sharedInPrefix++;
        }
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    if (sharedInPrefix === 0) return undefined;
    const distinct = Math.min(distinctTerms(vectors, earlier), distinctTerms(vectors, later));
    const threshold = similarityThreshold(distinct, options);
    if (partial + prefixes.restNorm[earlier]! < threshold || sharedInPrefix + prefixes.restTerms[earlier]! < options.minSharedTerms) return undefined;
    return evaluatePair(story.units, earlier, later, { similarity, sharedTerms }, distinct, options);
  };
}

/** Limits of the match graph: candidate generation's, and how many matching pairs a story may hold (memory). */
export interface GraphLimits extends CandidateLimits {
  maxMatches: number;
}

/**
 * Defaults: 2,000,000 matching pairs, about 200 MB and 10 s (a wire story of 10 sentences reprinted by 1,000
 * documents makes 5M pairs: 570 MB and 26 s). Pairs grow with the square of a sentence's repeats, the rest of claim
 * finding with the text: this is the limit that keeps a story's claims bounded. 10,000 synthetic articles make 1.06M.
 */
export const DEFAULT_GRAPH_LIMITS: GraphLimits = { ...DEFAULT_CANDIDATE_LIMITS, maxMatches: 2_000_000 };

/** Thrown by matchGraph when a story holds more matching pairs than its limit: the same text repeated across many documents. */
export class TooManyMatches extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} matching pairs of claim units`);
    this.name = 'TooManyMatches';
  }
}

/**
 * The match graph of a story's units. Candidates come from claim-candidates.ts (pairs whose two rarest shared terms
 * can still reach the least cosine a match needs: half the threshold, the floor of near-verbatim pairs), and each is
 * decided by pairMatcher. Throws TooManyMatches past `limits.maxMatches` pairs.
 */
export function matchGraph(story: StoryUnits, vectors: TermVectors, options: MatchOptions = DEFAULT_MATCH_OPTIONS, limits: GraphLimits = DEFAULT_GRAPH_LIMITS): MatchGraph {
  const matcher = pairMatcher(story, vectors, options);
  const pairs = new PairList();
  forEachCandidate(
    { vectors, documents: story.documents, floorOf: (distinctTerms) => leastThreshold(distinctTerms, options) / 2, minShared: options.minSharedTerms },
    (earlier, later) => {
      const match = matcher(earlier, later);
      if (!match) return;
      if (pairs.count >= limits.maxMatches) throw new TooManyMatches(limits.maxMatches);
      pairs.add(earlier, later, match.similarity, match.coverage, match.weight);
    },
    limits,
  );
  return pairs.graph(story.units.count);
}

/**
 * Whether two units match, and how strongly; undefined when they do not. Wording is compared only when the pair
 * shares at least 40% of the shorter unit's terms and reaches half its similarity threshold, as near-verbatim
 * pairs do.
 */
function evaluatePair(
  table: UnitTable,
  left: number,
  right: number,
  pair: { similarity: number; sharedTerms: number },
  distinct: number,
  options: MatchOptions,
): Omit<UnitMatch, 'other'> | undefined {
  if (pair.sharedTerms < options.minSharedTerms) return undefined;
  const threshold = similarityThreshold(distinct, options);
  let coverage = 0;
  const worded = Math.min(table.wordCount(left), table.wordCount(right)) >= options.verbatimMinWords;
  if (worded && pair.similarity >= threshold / 2 && pair.sharedTerms >= 0.4 * distinct) coverage = sharedWording(wordsOf(table, left), wordsOf(table, right)).coverage;
  const verbatim = coverage >= options.verbatimCoverage;
  if (pair.similarity < threshold && !verbatim) return undefined;
  const similarity = Math.round(pair.similarity * 1000) / 1000;
  const rounded = Math.round(coverage * 1000) / 1000;
  return { similarity, coverage: rounded, weight: Math.max(similarity, verbatim ? rounded : 0) };
}
