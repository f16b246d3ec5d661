/**
 * Candidate pairs of claim units, found without comparing every unit with every other. Pure.
 *
 * A match needs `minShared` content terms in common and a cosine of at least a floor. Terms are ranked rarest first
 * (fewest units holding them, then term id), and each unit lists its terms in that order. A pair's two rarest shared
 * terms, at positions k < l of one unit and k' < l' of the other, bound its cosine (Cauchy–Schwarz: every other shared
 * term comes later in both lists): x[k]·y[k'] + x[l]·y[l'] + |x after l|·|y after l'|. So each unit emits a key for
 * every (first, second) term pair whose own side of that bound can still reach its floor; units emitting the same key
 * meet in its group, and a pair is checked there only when the bound holds, then kept only under its own key (no
 * rarer shared term), with `minShared` terms in common and a dot product reaching the floor. Two random sentences
 * rarely share two rare terms, so the work follows the pairs that share wording or vocabulary, not the square of the
 * units. A unit with more than `wideTerms` distinct terms would emit too many keys: it looks up instead every unit
 * holding one of its terms while the terms left can still reach its floor.
 */
import { distinctTerms, type TermVectors } from './claim-vectors';

/** What candidate generation needs: each unit's vector and document, the least cosine any match of it needs. */
export interface CandidateInput {
  vectors: TermVectors;
  /** The document of each unit: pairs within one document are never candidates. */
  documents: Int32Array;
  /** A cosine no match of a unit with this many distinct terms can fall below; a pair's floor is the larger of its units'. */
  floorOf: (distinctTerms: number) => number;
  /** Content terms a match shares at least (at least 1 is assumed). */
  minShared: number;
}

/** When a unit counts as wide: more distinct terms than `wideTerms`. */
export interface CandidateLimits {
  wideTerms: number;
}

/** Defaults: units of more than 64 distinct terms are wide (a narrow one emits at most 1,953 keys). */
export const DEFAULT_CANDIDATE_LIMITS: CandidateLimits = { wideTerms: 64 };

/**
 * Room for rounding in the bounds, which run on 32-bit weights (relative error under 1e-7 a weight, so under 1e-6 for
 * any sum here): a pair is dropped only when its bound is clearly under its floor.
 */
const SLACK = 1e-6;

/**
 * Calls `visit(left, right)` (left < right) once for every pair of units in different documents that shares
 * `minShared` terms with a cosine reaching both floors (up to rounding): every pair that can match, to be decided
 * exactly by the caller.
 */
export function forEachCandidate(input: CandidateInput, visit: (left: number, right: number) => void, limits: CandidateLimits = DEFAULT_CANDIDATE_LIMITS): void {
  const ranked = rankUnits(input.vectors);
  const minShared = Math.max(1, input.minShared);
  const wideTerms = minShared < 2 ? -1 : limits.wideTerms;
  pairKeyCandidates(input, ranked, minShared, wideTerms, visit);
  wideCandidates(input, ranked, minShared, wideTerms, visit);
}

/**
 * Every unit's terms rarest first, one record of five 32-bit words a term (its rank, its weight, the norm of the
 * unit's terms from there on, and 64 bits with one set for each term after it, by a hash of the rank: two units whose
 * bits after their second shared term do not meet share no third term), so that a unit's terms lie together in memory.
 */
interface RankedUnits {
  /** Unit x's records are [start[x], start[x + 1]). */
  start: Int32Array;
  /** Record p: rank at 5p, over the same memory as `values` (weight at 5p + 1, tail norm at 5p + 2), masks at 5p + 3, 5p + 4. */
  ranks: Int32Array;
  values: Float32Array;
  /** One more than the largest rank. */
  rankCount: number;
}

const RECORD = 5;
const HOLDER = 5;

/** Ranks of term ids, rarest first (fewest units holding the term, then the smaller id): a counting sort. */
function rarestFirst(vectors: TermVectors): Int32Array {
  let size = 0;
  for (const term of vectors.terms) if (term >= size) size = term + 1;
  const holders = new Int32Array(size);
  let most = 0;
  for (const term of vectors.terms) most = Math.max(most, (holders[term]! += 1));
  const before = new Int32Array(most + 2);
  for (let term = 0; term < size; term++) before[holders[term]! + 1]! += 1;
  for (let count = 0; count <= most; count++) before[count + 1]! += before[count]!;
  const rank = new Int32Array(size);
  for (let term = 0; term < size; term++) rank[term] = before[holders[term]!]!++;
  return rank;
}

/** Each unit's terms reordered rarest first, with the norms of their tails and the masks of the terms after each. */
function rankUnits(vectors: TermVectors): RankedUnits {
  const rank = rarestFirst(vectors);
  const { start, terms, weights } = vectors;
  const units = start.length - 1;
  const buffer = new ArrayBuffer(terms.length * RECORD * 4);
  const ranks = new Int32Array(buffer);
  const values = new Float32Array(buffer);
  let order = new Int32Array(64);
  for (let unit = 0; unit < units; unit++) {
    const from = start[unit]!;
    const count = distinctTerms(vectors, unit);
    if (order.length < count) order = new Int32Array(count * 2);
    // Entries by rank, by insertion: units hold a few dozen terms at most, and usually about ten.
    for (let index = 0; index < count; index++) {
      const key = rank[terms[from + index]!]!;
      let at = index;
      while (at > 0 && rank[terms[order[at - 1]!]!]! > key) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = from + index;
    }
    let squares = 0;
    let low = 0;
    let high = 0;
    for (let index = count - 1; index >= 0; index--) {
      const record = (from + index) * RECORD;
      const weight = weights[order[index]!]!;
      squares += weight * weight;
      ranks[record] = rank[terms[order[index]!]!]!;
      values[record + 1] = weight;
      values[record + 2] = Math.sqrt(squares);
      ranks[record + 3] = low;
      ranks[record + 4] = high;
      const bit = Math.imul(ranks[record]!, 0x9e3779b1) >>> 26;
      if (bit < 32) low |= 1 << bit;
      else high |= 1 << (bit - 32);
    }
  }
  return { start, ranks, values, rankCount: rank.length };
}

/**
 * For each term rank, the narrow units that can emit keys starting with it: positions leaving room for `minShared`
 * shared terms whose tail (that term and the commoner ones) still reaches the unit's floor. A holder is five numbers:
 * the unit, the record of that term, the unit's end, its number of terms and its document (so that only the unit's
 * records are read from elsewhere). Units ascending within a rank.
 */
function firstHolders(ranked: RankedUnits, documents: Int32Array, floors: Float64Array, minShared: number, wideTerms: number): { start: Int32Array; holders: Int32Array } {
  const { ranks, values, start: unitStart } = ranked;
  const units = unitStart.length - 1;
  // Per unit, how many leading positions are eligible (0 for units too short or wide).
  const eligible = new Int32Array(units);
  const start = new Int32Array(ranked.rankCount + 1);
  for (let unit = 0; unit < units; unit++) {
    const from = unitStart[unit]!;
    const count = unitStart[unit + 1]! - from;
    if (count < minShared || count > wideTerms) continue;
    const floor = floors[count]! - SLACK;
    let k = 0;
    while (k <= count - minShared && values[(from + k) * RECORD + 2]! >= floor) start[ranks[(from + k++) * RECORD]! + 1]! += 1;
    eligible[unit] = k;
  }
  for (let rank = 0; rank < ranked.rankCount; rank++) start[rank + 1]! += start[rank]!;
  const fill = start.slice(0, ranked.rankCount);
  const holders = new Int32Array(start[ranked.rankCount]! * HOLDER);
  for (let unit = 0; unit < units; unit++) {
    const from = unitStart[unit]!;
    for (let k = 0; k < eligible[unit]!; k++) {
      const at = fill[ranks[(from + k) * RECORD]!]!++ * HOLDER;
      holders[at] = unit;
      holders[at + 1] = from + k;
      holders[at + 2] = unitStart[unit + 1]!;
      holders[at + 3] = unitStart[unit + 1]! - from;
      holders[at + 4] = documents[unit]!;
    }
  }
  return { start, holders };
}

/**
 * Pairs of narrow units meeting under their two rarest shared terms. Keys are made first term by first term: the
 * units holding it list their second terms (where their side of the bound, √(x[k]² + x[l]² + |x after l|²), reaches
 * their floor), chained per second term, and each chain of two units or more is one key's group. An entry carries
 * what the pair bound needs (see KeyEntries), so only pairs passing it read their units' terms again.
 */
function pairKeyCandidates(input: CandidateInput, ranked: RankedUnits, minShared: number, wideTerms: number, visit: (left: number, right: number) => void): void {
  const floors = Float64Array.from({ length: Math.max(0, wideTerms) + 1 }, (_, count) => input.floorOf(count));
  const { start, holders } = firstHolders(ranked, input.documents, floors, minShared, wideTerms);
  const { ranks, values } = ranked;
  const entries = new KeyEntries(ranked.rankCount);
  for (let first = 0; first < ranked.rankCount; first++) {
    if (start[first + 1]! - start[first]! < 2) continue;
    entries.clear();
    // Holders backwards, each entry put at the head of its chain: chains list units ascending.
    for (let holder = (start[first + 1]! - 1) * HOLDER; holder >= start[first]! * HOLDER; holder -= HOLDER) {
      const unit = holders[holder]!;
      const k = holders[holder + 1]!;
      const end = holders[holder + 2]!;
      const floor = floors[holders[holder + 3]!]!;
      const document = holders[holder + 4]!;
      const least = Math.max(0, floor - SLACK) ** 2;
      const firstWeight = values[k * RECORD + 1]!;
      const head = firstWeight * firstWeight;
      // l runs to the last position leaving room for the rest of the shared terms after it.
      for (let l = k + 1; l <= end - minShared + 1; l++) {
        // Past l, second and tail together weigh at most the tail from l: nothing further can reach the floor.
        const rest = values[l * RECORD + 2]!;
        if (head + rest * rest < least) break;
        const second = values[l * RECORD + 1]!;
        const after = l + 1 < end ? values[(l + 1) * RECORD + 2]! : 0;
        if (head + second * second + after * after < least) continue;
        entries.add(ranks[l * RECORD]!, unit, document, floor, firstWeight, second, after, ranks[l * RECORD + 3]!, ranks[l * RECORD + 4]!);
      }
    }
    for (let index = 0; index < entries.touchedCount; index++) {
      const entry = entries.head[entries.touched[index]!]!;
      if (entries.next[entry]! >= 0) checkChain(entries, entry, ranked, minShared, first, visit);
    }
  }
}

/**
 * One first term's keys: an entry per (second term, unit), chained per second term (newest first), nine 32-bit words
 * each in one buffer: the second term, the unit, its document and floor, the weights of the two terms in it, the norm
 * of its terms after the second and the masks of those terms.
 */
class KeyEntries {
  head: Int32Array;
  next = new Int32Array(1024);
  ints = new Int32Array(1024 * ENTRY);
  floats = new Float32Array(this.ints.buffer);
  touched = new Int32Array(1024);
  touchedCount = 0;
  private size = 0;

  constructor(rankCount: number) {
    this.head = new Int32Array(rankCount).fill(-1);
  }

  /** Empties every chain. */
  clear(): void {
    for (let index = 0; index < this.touchedCount; index++) this.head[this.touched[index]!] = -1;
    this.touchedCount = 0;
    this.size = 0;
  }

  /** Adds a unit to the chain of a second term. */
  add(second: number, unit: number, document: number, floor: number, firstWeight: number, secondWeight: number, afterNorm: number, afterLow: number, afterHigh: number): void {
    if (this.size === this.next.length) this.grow();
    const entry = this.size++;
    if (this.head[second] === -1) this.touched[this.touchedCount++] = second;
    this.next[entry] = this.head[second]!;
    this.head[second] = entry;
    const at = entry * ENTRY;
    this.ints[at] = second;
    this.ints[at + 1] = unit;
    this.ints[at + 2] = document;
    this.floats[at + 3] = floor;
    this.floats[at + 4] = firstWeight;
    this.floats[at + 5] = secondWeight;
    this.floats[at + 6] = afterNorm;
    this.ints[at + 7] = afterLow;
    this.ints[at + 8] = afterHigh;
  }

  private grow(): void {
    const capacity = this.next.length * 2;
    const next = new Int32Array(capacity);
    next.set(this.next);
    this.next = next;
    const touched = new Int32Array(capacity);
    touched.set(this.touched);
    this.touched = touched;
    const ints = new Int32Array(capacity * ENTRY);
    ints.set(this.ints);
    this.ints = ints;
    this.floats = new Float32Array(ints.buffer);
  }
}

const ENTRY = 9;

/** Visits the pairs of the chain from `entry` (one key, units ascending) whose checks pass under their own key. */
function checkChain(entries: KeyEntries, entry: number, ranked: RankedUnits, minShared: number, first: number, visit: (left: number, right: number) => void): void {
  const { ints, floats, next } = entries;
  const second = ints[entry * ENTRY]!;
  for (let left = entry; left >= 0; left = next[left]!) {
    const x = left * ENTRY;
    const xDocument = ints[x + 2]!;
    const xFloor = floats[x + 3]!;
    const xFirst = floats[x + 4]!;
    const xSecond = floats[x + 5]!;
    const xAfter = floats[x + 6]!;
    const xLow = ints[x + 7]!;
    const xHigh = ints[x + 8]!;
    for (let right = next[left]!; right >= 0; right = next[right]!) {
      const y = right * ENTRY;
      if (ints[y + 2] === xDocument) continue;
      // A third shared term must come after the second in both.
      if (minShared > 2 && (xLow & ints[y + 7]!) === 0 && (xHigh & ints[y + 8]!) === 0) continue;
      const floor = Math.max(xFloor, floats[y + 3]!) - SLACK;
      if (xFirst * floats[y + 4]! + xSecond * floats[y + 5]! + xAfter * floats[y + 6]! < floor) continue;
      if (reaches(ranked, ints[x + 1]!, ints[y + 1]!, minShared, floor, first, second)) visit(ints[x + 1]!, ints[y + 1]!);
    }
  }
}

/**
 * True when units x and y share `minShared` terms with a dot product reaching `floor`; with `first` and `second`
 * given (not -1), only when those are their two rarest shared terms (else the pair belongs to another key).
 */
function reaches(ranked: RankedUnits, x: number, y: number, minShared: number, floor: number, first: number, second: number): boolean {
  const { ranks, values, start } = ranked;
  const xEnd = start[x + 1]! * RECORD;
  const yEnd = start[y + 1]! * RECORD;
  let shared = 0;
  let dot = 0;
  let i = start[x]! * RECORD;
  let j = start[y]! * RECORD;
  while (i < xEnd && j < yEnd) {
    const a = ranks[i]!;
    const b = ranks[j]!;
    if (a < b) i += RECORD;
    else if (a > b) j += RECORD;
    else {
      if (shared === 0 ? first >= 0 && a !== first : shared === 1 && second >= 0 && a !== second) return false;
      shared++;
      dot += values[i + 1]! * values[j + 1]!;
      i += RECORD;
      j += RECORD;
    }
  }
  return shared >= minShared && dot >= floor;
}

/**
 * Pairs with a wide unit: each wide unit looks up the units holding its terms, rarest first, while the norm of its
 * terms left reaches its floor (the pair's rarest shared term must be among those). A pair of wide units is visited
 * from the later one.
 */
function wideCandidates(input: CandidateInput, ranked: RankedUnits, minShared: number, wideTerms: number, visit: (left: number, right: number) => void): void {
  const units = input.vectors.start.length - 1;
  const width = (unit: number) => ranked.start[unit + 1]! - ranked.start[unit]!;
  const wide: number[] = [];
  for (let unit = 0; unit < units; unit++) if (width(unit) > wideTerms && width(unit) >= minShared) wide.push(unit);
  if (wide.length === 0) return;
  const holders = termHolders(ranked, units);
  const seen = new Int32Array(units).fill(-1);
  for (const x of wide) {
    const from = ranked.start[x]!;
    const floor = input.floorOf(width(x));
    for (let k = 0; k <= width(x) - minShared && ranked.values[(from + k) * RECORD + 2]! >= floor - SLACK; k++) {
      const rank = ranked.ranks[(from + k) * RECORD]!;
      for (let entry = holders.start[rank]!; entry < holders.start[rank + 1]!; entry++) {
        const y = holders.units[entry]!;
        if (seen[y] === x || y === x || input.documents[x] === input.documents[y]) continue;
        seen[y] = x;
        if (width(y) > wideTerms && y > x) continue;
        if (reaches(ranked, x, y, minShared, Math.max(floor, input.floorOf(width(y))) - SLACK, -1, -1)) visit(Math.min(x, y), Math.max(x, y));
      }
    }
  }
}

/** Units holding each term rank, ascending. */
function termHolders(ranked: RankedUnits, units: number): { start: Int32Array; units: Int32Array } {
  const total = ranked.start[units]!;
  const start = new Int32Array(ranked.rankCount + 1);
  for (let record = 0; record < total; record++) start[ranked.ranks[record * RECORD]! + 1]! += 1;
  for (let rank = 0; rank < ranked.rankCount; rank++) start[rank + 1]! += start[rank]!;
  const fill = start.slice(0, ranked.rankCount);
  const holders = new Int32Array(total);
  for (let unit = 0; unit < units; unit++) {
    for (let record = ranked.start[unit]!; record < ranked.start[unit + 1]!; record++) holders[fill[ranked.ranks[record * RECORD]!]!++] = unit;
  }
  return { start, units: holders };
}
