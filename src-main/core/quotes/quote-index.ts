/**
 * The indexes quote grouping reads (quote-groups.ts): distinct quotes with their words as numbers in flat arrays
 * (`QuoteTable`), each quote's distinct words rarest first, 64-bit word signatures, posting lists of records that
 * let a candidate be ruled out without reading its words, and the index of pairs of consecutive words. Pure.
 */

/**
 * One quote per distinct word list (long enough for the fuzzy stages), shortest first (then by quote): its quote's
 * index, its words numbered through one dictionary and laid end to end (representative r's are
 * words[starts[r], starts[r + 1])), its length.
 */
export interface QuoteTable {
  count: number;
  quotes: Int32Array;
  starts: Int32Array;
  words: Int32Array;
  lengths: Int32Array;
  dictionarySize: number;
  wordsOf(representative: number): Int32Array;
}

/** A growing Int32Array. */
class Numbers {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/**
 * Groups identical word lists (through `union`) and keeps one representative of each with `minimumWords` words or more
 * for the fuzzy stages, numbered through one dictionary (in the order quotes come), shortest first (then by quote).
 */
export function collapseIdentical(count: number, wordsOf: (index: number) => readonly string[], union: (first: number, second: number) => void, minimumWords: number): QuoteTable {
  const dictionary = new Map<string, number>();
  const byKey = new Map<string, number>();
  const quotes = new Numbers();
  const ends = new Numbers();
  const numbered = new Numbers();
  for (let quote = 0; quote < count; quote++) {
    const words = wordsOf(quote);
    const key = words.join(' ');
    const seen = byKey.get(key);
    if (seen !== undefined) {
      union(seen, quote);
      continue;
    }
    byKey.set(key, quote);
    if (words.length < minimumWords) continue;
    for (const word of words) {
      let identifier = dictionary.get(word);
      if (identifier === undefined) dictionary.set(word, (identifier = dictionary.size));
      numbered.push(identifier);
    }
    quotes.push(quote);
    ends.push(numbered.length);
  }
  // Shortest first, quotes in order within a length: a counting sort by length.
  const size = quotes.length;
  const lengthOf = (at: number) => ends.values[at]! - (at === 0 ? 0 : ends.values[at - 1]!);
  let longest = 0;
  for (let at = 0; at < size; at++) longest = Math.max(longest, lengthOf(at));
  const before = new Int32Array(longest + 2);
  for (let at = 0; at < size; at++) before[lengthOf(at) + 1]!++;
  for (let length = 0; length <= longest; length++) before[length + 1]! += before[length]!;
  const order = new Int32Array(size);
  for (let at = 0; at < size; at++) order[before[lengthOf(at)]!++] = at;
  const table: QuoteTable = {
    count: size,
    quotes: new Int32Array(size),
    starts: new Int32Array(size + 1),
    words: new Int32Array(numbered.length),
    lengths: new Int32Array(size),
    dictionarySize: dictionary.size,
    wordsOf: (representative) => table.words.subarray(table.starts[representative]!, table.starts[representative + 1]!),
  };
  for (let representative = 0; representative < size; representative++) {
    const at = order[representative]!;
    const from = at === 0 ? 0 : ends.values[at - 1]!;
    const length = ends.values[at]! - from;
    table.quotes[representative] = quotes.values[at]!;
    table.lengths[representative] = length;
    table.starts[representative + 1] = table.starts[representative]! + length;
    table.words.set(numbered.values.subarray(from, from + length), table.starts[representative]!);
  }
  return table;
}

/** Each representative's distinct words, rarest first (fewest representatives holding it, then dictionary order),
 * laid end to end: representative r's are words[starts[r], starts[r + 1]). */
export interface RarestWords {
  starts: Int32Array;
  words: Int32Array;
}

/** Each representative's distinct words, rarest first. */
export function rarestWordsFirst(table: QuoteTable): RarestWords {
  const { dictionarySize } = table;
  const frequency = new Int32Array(dictionarySize);
  const seen = new Int32Array(dictionarySize).fill(-1);
  const starts = new Int32Array(table.count + 1);
  const distinct = new Int32Array(table.words.length);
  for (let index = 0; index < table.count; index++) {
    let next = starts[index]!;
    for (let at = table.starts[index]!; at < table.starts[index + 1]!; at++) {
      const word = table.words[at]!;
      if (seen[word] === index) continue;
      seen[word] = index;
      frequency[word]!++;
      distinct[next++] = word;
    }
    starts[index + 1] = next;
  }
  // Sorted as numbers frequency·size + word (exact in a double), natively rather than through a comparison function.
  let keys = new Float64Array(64);
  for (let index = 0; index < table.count; index++) {
    const from = starts[index]!;
    const count = starts[index + 1]! - from;
    if (keys.length < count) keys = new Float64Array(count * 2);
    const sorted = keys.subarray(0, count);
    for (let at = 0; at < count; at++) sorted[at] = frequency[distinct[from + at]!]! * dictionarySize + distinct[from + at]!;
    sorted.sort();
    for (let at = 0; at < count; at++) distinct[from + at] = sorted[at]! % dictionarySize;
  }
  return { starts, words: distinct.subarray(0, starts[table.count]!) };
}

/** Each representative's 64 bits (two 32-bit halves), one set per word by a hash of its number. */
export function wordSignatures(table: QuoteTable): Int32Array {
  const signatures = new Int32Array(2 * table.count);
  for (let index = 0; index < table.count; index++) {
    for (let at = table.starts[index]!; at < table.starts[index + 1]!; at++) {
      const bit = Math.imul(table.words[at]!, 0x9e3779b1) >>> 26;
      signatures[2 * index + (bit >> 5)]! |= 1 << (bit & 31);
    }
  }
  return signatures;
}

/**
 * The most words a common subsequence of two quotes could hold, from their lengths and signatures: a bit one sets and
 * the other lacks stands for at least one of its words missing from the other.
 */
export function commonAtMost(length: number, low: number, high: number, otherLength: number, otherLow: number, otherHigh: number): number {
  return Math.min(length - bitCount(low & ~otherLow) - bitCount(high & ~otherHigh), otherLength - bitCount(otherLow & ~low) - bitCount(otherHigh & ~high));
}

/** Set bits of a 32-bit integer. */
function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Numbers a posting record holds: the representative, its length, its signature's two halves and the word's
 * position among its distinct words, rarest first (read in order, so a candidate is filtered without reading
 * anything of the other quote elsewhere in memory). */
export const RECORD = 5;

/** For each word, the representatives listing it (in representative order), flattened: word w's records are
 * [starts[w], starts[w + 1]), each RECORD numbers of `records`. */
export interface WordLists {
  starts: Int32Array;
  records: Int32Array;
}

/** Lists, for each word, the representatives holding it among their first `keyCount(r)` rarest words. */
export function indexWords(table: QuoteTable, rarest: RarestWords, signatures: Int32Array, keyCount: (representative: number) => number): WordLists {
  const { dictionarySize, lengths } = table;
  const keysOf = (representative: number) => Math.min(keyCount(representative), rarest.starts[representative + 1]! - rarest.starts[representative]!);
  const starts = new Int32Array(dictionarySize + 1);
  for (let representative = 0; representative < table.count; representative++) {
    const from = rarest.starts[representative]!;
    for (let position = 0; position < keysOf(representative); position++) starts[rarest.words[from + position]! + 1]!++;
  }
  for (let word = 0; word < dictionarySize; word++) starts[word + 1]! += starts[word]!;
  const next = starts.slice(0, dictionarySize);
  const records = new Int32Array(starts[dictionarySize]! * RECORD);
  for (let representative = 0; representative < table.count; representative++) {
    const from = rarest.starts[representative]!;
    for (let position = 0; position < keysOf(representative); position++) {
      const record = next[rarest.words[from + position]!]!++ * RECORD;
      records[record] = representative;
      records[record + 1] = lengths[representative]!;
      records[record + 2] = signatures[2 * representative]!;
      records[record + 3] = signatures[2 * representative + 1]!;
      records[record + 4] = position;
    }
  }
  return { starts, records };
}

// Keys pack a 30-bit hash of a pair of words above a 23-bit representative: exact in a double.
const PAIR_SLOTS = 2 ** 23;

/** The hash of two consecutive words (collisions only add candidates, which containsRun then rejects). */
function pairHash(first: number, second: number): number {
  return (Math.imul(first ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b)) >>> 2;
}

/** Top bits of a pair hash that pick a stretch of the sorted keys in the pair index's directory (2^20 stretches). */
const DIRECTORY_SHIFT = 10;

/**
 * Representatives longer than `longerThan` words listed under each pair of consecutive words they hold (hashed), in representative order, as one
 * sorted array of keys; `rarestRange` finds a quote's pair with the shortest list, as [from, end) of `items`. A
 * directory over the hashes' top 20 bits narrows each lookup to a stretch of a few keys.
 */
export function indexWordPairs(table: QuoteTable, longerThan: number) {
  if (table.count > PAIR_SLOTS) throw new RangeError(`at most ${PAIR_SLOTS} distinct quotes can be grouped at once`);
  const { lengths, words } = table;
  let count = 0;
  // Only a quote longer than the shortest contained one can contain another.
  for (let index = 0; index < table.count; index++) count += lengths[index]! > longerThan ? lengths[index]! - 1 : 0;
  const keys = new Float64Array(count);
  let next = 0;
  for (let index = 0; index < table.count; index++) {
    if (lengths[index]! <= longerThan) continue;
    for (let at = table.starts[index]!; at + 1 < table.starts[index + 1]!; at++) keys[next++] = pairHash(words[at]!, words[at + 1]!) * PAIR_SLOTS + index;
  }
  keys.sort();
  const items = new Int32Array(count);
  const hashes = new Int32Array(count);
  for (let at = 0; at < count; at++) {
    items[at] = keys[at]! % PAIR_SLOTS;
    hashes[at] = Math.floor(keys[at]! / PAIR_SLOTS);
  }
  const directory = new Int32Array((1 << (30 - DIRECTORY_SHIFT)) + 1);
  for (const hash of hashes) directory[(hash >>> DIRECTORY_SHIFT) + 1]!++;
  for (let stretch = 1; stretch < directory.length; stretch++) directory[stretch]! += directory[stretch - 1]!;
  return {
    items,
    rarestRange(words: Int32Array): [number, number] {
      let bestFrom = 0;
      let bestEnd = 0;
      for (let at = 0; at + 1 < words.length; at++) {
        const hash = pairHash(words[at]!, words[at + 1]!);
        const stretch = hash >>> DIRECTORY_SHIFT;
        const from = firstPassing(directory[stretch]!, directory[stretch + 1]!, (position) => hashes[position]! >= hash);
        const end = firstPassing(from, directory[stretch + 1]!, (position) => hashes[position]! > hash);
        if (at === 0 || end - from < bestEnd - bestFrom) [bestFrom, bestEnd] = [from, end];
      }
      return [bestFrom, bestEnd];
    },
  };
}

/** The first position in [from, to) that passes, given that those failing all come first. */
export function firstPassing(from: number, to: number, passes: (position: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passes(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
