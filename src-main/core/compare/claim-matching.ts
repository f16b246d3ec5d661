/**
 * Which claim units of a story say the same thing: TF-IDF cosine over content terms (IDF over every unit of the
 * story) or near-verbatim wording (shared word trigrams covering most of the shorter unit). Pure.
 */
import type { ClaimUnit } from './clauses';

/** A unit of the story and the index (in the sorted story) of the document holding it. */
export interface StoryUnit {
  document: number;
  unit: ClaimUnit;
}

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

/** A unit's TF-IDF vector: term ids ascending and unit-length weights. */
export interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** TF-IDF vectors of all units: tf = 1 + ln(count), idf = ln(1 + units / units holding the term), unit length. */
export function termVectors(units: readonly StoryUnit[]): TermVector[] {
  const dictionary = new Map<string, number>();
  const counts = units.map(({ unit }) => {
    const count = new Map<number, number>();
    for (const term of unit.terms) {
      let id = dictionary.get(term);
      if (id === undefined) dictionary.set(term, (id = dictionary.size));
      count.set(id, (count.get(id) ?? 0) + 1);
    }
    return count;
  });
  const frequency = new Int32Array(dictionary.size);
  for (const count of counts) for (const id of count.keys()) frequency[id] = (frequency[id] ?? 0) + 1;
  return counts.map((count) => {
    const terms = Int32Array.from([...count.keys()].sort((left, right) => left - right));
    const weights = Float64Array.from(terms, (id) => (1 + Math.log(count.get(id) ?? 1)) * Math.log(1 + units.length / (frequency[id] ?? 1)));
    const norm = Math.hypot(...weights) || 1;
    for (let index = 0; index < weights.length; index++) weights[index] = (weights[index] ?? 0) / norm;
    return { terms, weights };
  });
}

/** Cosine of two unit-length vectors. */
export function cosine(left: TermVector, right: TermVector): number {
  return overlap(left, right).similarity;
}

/** The cosine and the number of shared terms of two unit-length vectors (a merge of their sorted term ids). */
function overlap(left: TermVector, right: TermVector): { similarity: number; sharedTerms: number } {
  let similarity = 0;
  let sharedTerms = 0;
  for (let i = 0, j = 0; i < left.terms.length && j < right.terms.length; ) {
    const a = left.terms[i] ?? 0;
    const b = right.terms[j] ?? 0;
    if (a === b) {
      similarity += (left.weights[i++] ?? 0) * (right.weights[j++] ?? 0);
      sharedTerms++;
    } else if (a < b) i++;
    else j++;
  }
  return { similarity, sharedTerms };
}

const trigramCache = new WeakMap<ClaimUnit, { hashes: Int32Array; set: Set<number> }>();

/** The unit's word trigrams (normalized words, stop words included) as 32-bit hashes, in order and as a set; cached. */
function trigramsOf(unit: ClaimUnit): { hashes: Int32Array; set: Set<number> } {
  let trigrams = trigramCache.get(unit);
  if (trigrams) return trigrams;
  const words = unit.tokens.map((token) => wordHash(token.word));
  const hashes = new Int32Array(Math.max(0, words.length - 2));
  for (let index = 0; index < hashes.length; index++) {
    hashes[index] = (Math.imul((Math.imul(words[index] ?? 0, 0x01000193) ^ (words[index + 1] ?? 0)) | 0, 0x01000193) ^ (words[index + 2] ?? 0)) | 0;
  }
  trigrams = { hashes, set: new Set(hashes) };
  trigramCache.set(unit, trigrams);
  return trigrams;
}

/** FNV-1a hash of a word. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash | 0;
}

/** Words of the shorter unit lying in a word trigram the other unit also holds, and their share of its words. */
export function sharedWording(left: ClaimUnit, right: ClaimUnit): { words: number; coverage: number } {
  const [shorter, longer] = left.tokens.length <= right.tokens.length ? [left, right] : [right, left];
  const other = trigramsOf(longer).set;
  const hashes = trigramsOf(shorter).hashes;
  let words = 0;
  let coveredUntil = 0;
  for (let index = 0; index < hashes.length; index++) {
    if (!other.has(hashes[index] ?? 0)) continue;
    words += index + 3 - Math.max(coveredUntil, index);
    coveredUntil = index + 3;
  }
  return { words, coverage: shorter.tokens.length === 0 ? 0 : words / shorter.tokens.length };
}

/** The cosine a pair needs, by the distinct terms of its shorter unit. */
export function similarityThreshold(distinctTerms: number, options: MatchOptions): number {
  if (distinctTerms <= options.shortTerms) return options.shortSimilarity;
  if (distinctTerms <= options.mediumTerms) return options.mediumSimilarity;
  return options.longSimilarity;
}

/** A vector's prefix (its heaviest terms, as positions) and the norm of the rest. */
interface Prefix {
  positions: number[];
  restNorm: number;
  /** How many terms are left out of the prefix. */
  restTerms: number;
}

/**
 * A vector's prefix: its heaviest terms until the rest weigh (as a norm) under `bound`. A unit sharing none of them
 * has a cosine under `bound` with this one (Cauchy–Schwarz), so only prefixes need indexing.
 */
function prefixOf(vector: TermVector, bound: number): Prefix {
  const order = Array.from(vector.terms.keys()).sort(
    (left, right) => (vector.weights[right] ?? 0) - (vector.weights[left] ?? 0) || (vector.terms[left] ?? 0) - (vector.terms[right] ?? 0),
  );
  let rest = 1;
  const positions: number[] = [];
  for (const position of order) {
    if (rest < bound * bound) break;
    positions.push(position);
    rest -= (vector.weights[position] ?? 0) ** 2;
  }
  return { positions, restNorm: Math.sqrt(Math.max(0, rest)), restTerms: vector.terms.length - positions.length };
}

/** Units indexed under their prefix terms, each entry with the term's weight in that unit. */
function prefixIndex(vectors: readonly TermVector[], prefixes: readonly Prefix[]): Map<number, { units: number[]; weights: number[] }> {
  const index = new Map<number, { units: number[]; weights: number[] }>();
  vectors.forEach((vector, unit) => {
    for (const position of prefixes[unit]!.positions) {
      const term = vector.terms[position] ?? 0;
      const list = index.get(term) ?? { units: [], weights: [] };
      list.units.push(unit);
      list.weights.push(vector.weights[position] ?? 0);
      index.set(term, list);
    }
  });
  return index;
}

/**
 * The match graph: for each unit, its matches in other documents (both directions listed), ordered by unit index.
 * All-pairs search with prefix filtering: a pair is compared only when it shares a prefix term of the earlier unit
 * (the bound being that unit's own threshold, never above the pair's), the dot product over that prefix plus the
 * norm of the rest can still reach the pair's threshold, and the terms shared in the prefix plus the rest's count can
 * still reach `minSharedTerms`.
 * Near-verbatim pairs pass in practice: shared wording makes their terms alike too.
 */
export function matchGraph(units: readonly StoryUnit[], vectors: readonly TermVector[], options: MatchOptions = DEFAULT_MATCH_OPTIONS): UnitMatch[][] {
  const prefixes = vectors.map((vector) => prefixOf(vector, similarityThreshold(vector.terms.length, options)));
  const index = prefixIndex(vectors, prefixes);
  const graph: UnitMatch[][] = units.map(() => []);
  const documents = Int32Array.from(units, (unit) => unit.document);
  const partial = new Float64Array(units.length);
  const sharedInPrefix = new Int32Array(units.length);
  const touched: number[] = [];
  for (let unit = 0; unit < units.length; unit++) {
    const vector = vectors[unit]!;
    for (let position = 0; position < vector.terms.length; position++) {
      const list = index.get(vector.terms[position] ?? 0);
      if (!list) continue;
      const weight = vector.weights[position] ?? 0;
      for (let entry = 0; entry < list.units.length; entry++) {
        const other = list.units[entry] ?? unit;
        if (other >= unit) break;
        if (documents[other] === documents[unit]) continue;
        if (partial[other] === 0) touched.push(other);
        partial[other] = (partial[other] ?? 0) + weight * (list.weights[entry] ?? 0);
        sharedInPrefix[other] = (sharedInPrefix[other] ?? 0) + 1;
      }
    }
    for (const other of touched) {
      const threshold = similarityThreshold(Math.min(vector.terms.length, vectors[other]!.terms.length), options);
      const prefix = prefixes[other]!;
      const reachable =
        (partial[other] ?? 0) + prefix.restNorm >= threshold && (sharedInPrefix[other] ?? 0) + prefix.restTerms >= options.minSharedTerms;
      partial[other] = 0;
      sharedInPrefix[other] = 0;
      if (!reachable) continue;
      const match = evaluatePair(units[other]!.unit, units[unit]!.unit, overlap(vectors[other]!, vectors[unit]!), vectors[other]!, vectors[unit]!, options);
      if (!match) continue;
      graph[other]!.push({ other: unit, ...match });
      graph[unit]!.push({ other, ...match });
    }
    touched.length = 0;
  }
  for (const matches of graph) matches.sort((left, right) => left.other - right.other);
  return graph;
}

/**
 * Whether two units match, and how strongly; undefined when they do not. Wording is compared only when the pair
 * shares at least 40% of the shorter unit's terms and reaches half its similarity threshold, as near-verbatim
 * pairs do.
 */
function evaluatePair(
  left: ClaimUnit,
  right: ClaimUnit,
  pair: { similarity: number; sharedTerms: number },
  leftVector: TermVector,
  rightVector: TermVector,
  options: MatchOptions,
): Omit<UnitMatch, 'other'> | undefined {
  if (pair.sharedTerms < options.minSharedTerms) return undefined;
  const distinct = Math.min(leftVector.terms.length, rightVector.terms.length);
  const threshold = similarityThreshold(distinct, options);
  let coverage = 0;
  const worded = Math.min(left.tokens.length, right.tokens.length) >= options.verbatimMinWords;
  if (worded && pair.similarity >= threshold / 2 && pair.sharedTerms >= 0.4 * distinct) coverage = sharedWording(left, right).coverage;
  const verbatim = coverage >= options.verbatimCoverage;
  if (pair.similarity < threshold && !verbatim) return undefined;
  const similarity = Math.round(pair.similarity * 1000) / 1000;
  const rounded = Math.round(coverage * 1000) / 1000;
  return { similarity, coverage: rounded, weight: Math.max(similarity, verbatim ? rounded : 0) };
}
