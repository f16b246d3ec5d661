/**
 * Sentences repeated word for word across a story, counted in bounded memory: a lower bound on the matching pairs the
 * claim analysis would hold, known before the analysis is built. Pure.
 *
 * Two units whose content terms are the same multiset have the same TF-IDF vector, so their cosine is 1 and, with at
 * least `minSharedTerms` distinct terms, they always match (claim-matching.ts: every prefix condition holds, and 1
 * reaches any threshold). Counting the pairs of such units in different documents therefore never exceeds the match
 * graph's count: when it passes the graph's limit, analyzeClaims would throw TooManyMatches, and a story of 100,000
 * articles can be refused without holding their texts, units and vectors at once (4 GB).
 *
 * Each unit keeps one 64-bit key, 56 bits of hash over its sorted term ids and 8 bits of how often its document holds
 * it (40 MB for 5 million units). Two different units share a 56-bit hash with odds of about 1 in 5,000 at 5 million
 * units, and then add only their own few pairs.
 */
import { addClaimUnits, DEFAULT_UNIT_OPTIONS, StoryWords, UnitTable, type UnitOptions } from './clauses';

/** Where a key's low and high 32-bit halves lie in a Uint32Array view of 64-bit keys, on this machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
/** The low 8 bits of a key hold its count in one document (capped, so the bound stays a lower bound). */
const COUNT_BITS = 8;
const COUNT_MASK = (1 << COUNT_BITS) - 1;

/** Counts, document by document, the pairs of units in different documents that have the same content terms. */
export class RepeatedUnits {
  private readonly words = new StoryWords();
  private keys = new BigUint64Array(1 << 16);
  private halves = new Uint32Array(this.keys.buffer);
  private size = 0;
  private terms = new Int32Array(64);

  constructor(
    private readonly options: UnitOptions = DEFAULT_UNIT_OPTIONS,
    /** Units with fewer distinct content terms never match (MatchOptions.minSharedTerms). */
    private readonly minSharedTerms = 3,
  ) {}

  /** Adds one document's reading text: its units, cut as the claim analysis cuts them (clauses.ts). */
  addDocument(text: string): void {
    const table = new UnitTable(this.words);
    addClaimUnits(table, text, this.options);
    const first = this.size;
    for (let unit = 0; unit < table.count; unit++) {
      const count = this.sortedTerms(table, unit);
      if (distinctCount(this.terms, count) < this.minSharedTerms) continue;
      this.push(this.terms, count);
    }
    this.mergeDocument(first);
  }

  /** Pairs of units in different documents whose content terms are the same multiset (see the module comment). */
  pairs(): number {
    const sorted = this.keys.subarray(0, this.size).sort();
    const halves = new Uint32Array(sorted.buffer, sorted.byteOffset, this.size * 2);
    let pairs = 0;
    for (let index = 0; index < this.size; ) {
      let total = 0;
      let squares = 0;
      let next = index;
      for (; next < this.size && sameUnit(halves, index, next); next++) {
        const count = halves[next * 2 + LOW]! & COUNT_MASK;
        total += count;
        squares += count * count;
      }
      pairs += (total * total - squares) / 2;
      index = next;
    }
    return pairs;
  }

  /** Unit `unit`'s term ids, sorted, into `this.terms`; returns how many. */
  private sortedTerms(table: UnitTable, unit: number): number {
    const ids = table.termIds[table.textOf(unit)]!;
    const from = table.termStart(unit);
    const count = table.termEnd(unit) - from;
    if (this.terms.length < count) this.terms = new Int32Array(count * 2);
    const terms = this.terms;
    // By insertion: a unit holds a few dozen terms at most.
    for (let index = 0; index < count; index++) {
      const id = ids[from + index]!;
      let at = index;
      while (at > 0 && terms[at - 1]! > id) {
        terms[at] = terms[at - 1]!;
        at--;
      }
      terms[at] = id;
    }
    return count;
  }

  /** Appends a key for sorted terms [0, count): two 32-bit multiplicative hashes, 56 bits kept, count 1. */
  private push(terms: Int32Array, count: number): void {
    let high = 0x811c9dc5 | 0;
    let low = 0x9747b28c | 0;
    for (let index = 0; index < count; index++) {
      const term = terms[index]!;
      high = Math.imul(high ^ term, 0x01000193);
      low = Math.imul(low ^ term, 0x5bd1e995);
      low ^= low >>> 15;
    }
    high = Math.imul(high ^ (high >>> 13), 0x85ebca6b) ^ count;
    low = Math.imul(low ^ (low >>> 16), 0xc2b2ae35);
    if (this.size === this.keys.length) {
      const grown = new BigUint64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
      this.halves = new Uint32Array(grown.buffer);
    }
    this.halves[this.size * 2 + HIGH] = high >>> 0;
    this.halves[this.size * 2 + LOW] = ((low << COUNT_BITS) | 1) >>> 0;
    this.size++;
  }

  /** Folds the keys a document added from `first` on into one key per distinct unit, with how often it occurs. */
  private mergeDocument(first: number): void {
    if (this.size - first < 2) return;
    this.keys.subarray(first, this.size).sort();
    const halves = this.halves;
    let kept = first;
    for (let index = first + 1; index < this.size; index++) {
      if (sameUnit(halves, kept, index)) {
        const count = Math.min(COUNT_MASK, (halves[kept * 2 + LOW]! & COUNT_MASK) + 1);
        halves[kept * 2 + LOW] = ((halves[kept * 2 + LOW]! & ~COUNT_MASK) | count) >>> 0;
      } else {
        kept++;
        halves[kept * 2 + HIGH] = halves[index * 2 + HIGH]!;
        halves[kept * 2 + LOW] = halves[index * 2 + LOW]!;
      }
    }
    this.size = kept + 1;
  }
}

/** True when keys `left` and `right` hash the same unit (every bit but the count's). */
function sameUnit(halves: Uint32Array, left: number, right: number): boolean {
  return halves[left * 2 + HIGH] === halves[right * 2 + HIGH] && (halves[left * 2 + LOW]! >>> COUNT_BITS) === (halves[right * 2 + LOW]! >>> COUNT_BITS);
}

/** Distinct values among sorted values [0, count). */
function distinctCount(sorted: Int32Array, count: number): number {
  let distinct = 0;
  for (let index = 0; index < count; index++) if (index === 0 || sorted[index] !== sorted[index - 1]) distinct++;
  return distinct;
}
