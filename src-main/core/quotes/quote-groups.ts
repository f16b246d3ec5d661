/**
 * Groups quotes that are the same quote: identical normalized words; one contained in the other (a trimmed or partial
 * version of at least CONTAINED_MINIMUM words); or a light variant (word similarity ≥ VARIANT_SIMILARITY). Quotes of
 * fewer than VARIANT_MINIMUM words group only when identical. A reworded version (REWORDED_MINIMUM words or more) groups
 * when it keeps REWORDED_KEPT of its words in order inside the longer quote and covers REWORDED_COVERED of it. Groups are transitive (union-find).
 *
 * Pairs are never all compared: variants are found by prefix filtering on rare words (each quote is indexed under its
 * rarest words, enough of them that any variant must share one), containment by the contained quote's rarest pair of
 * consecutive words. Quotes are taken shortest first, and each index lists quotes in that order, so a quote only
 * looks at the stretch of a list whose lengths could match it (a variant is at most 1.5 times as long, a reworded
 * version's original 1/0.6).
 */
import { commonWordCount } from './word-diff';

/** Word similarity from which two quotes are variants of one. */
export const VARIANT_SIMILARITY = 0.8;
/** Fewest words a quote needs to group with anything but identical quotes. */
export const VARIANT_MINIMUM = 4;
/** Fewest words a partial version needs to group with a longer quote that contains it. */
export const CONTAINED_MINIMUM = 5;
/** Fewest words a reworded version needs ("who are perfectly capable of solving it" → "who can solve it"). */
export const REWORDED_MINIMUM = 8;
/** A reworded version keeps this share of its own words in order inside the longer quote… */
export const REWORDED_KEPT = 0.8;
/** …and covers at least this share of the longer quote. */
export const REWORDED_COVERED = 0.6;

/**
 * The group of each quote given its normalized words: an array where quotes of one group hold the same number (the
 * index of the group's first quote).
 */
export function groupQuoteWords(wordLists: readonly (readonly string[])[]): Int32Array {
  const groups = unionFind(wordLists.length);
  const { representatives, dictionarySize } = collapseIdentical(wordLists, groups);
  const lengths = Int32Array.from(representatives, (representative) => representative.words.length);
  const rarestFirst = rarestWordsFirst(representatives, dictionarySize);
  // Variants: a quote of n words missing from another at most ⌊n/3⌋ of its distinct words (Dice ≥ 0.8 implies it),
  // so any variant shares one of its ⌊n/3⌋+1 rarest words, and the first shared word is in both prefixes. The shorter
  // of the two misses at most ⌊n/5⌋ (the pair shares 0.4 of both lengths, so 0.8 of the shorter): it looks up its
  // ⌊n/5⌋+1 rarest words only.
  const prefixIndex = indexWords(dictionarySize, rarestFirst.map((rarest, index) => rarest.subarray(0, Math.floor(lengths[index]! / 3) + 1)));
  const probes = rarestFirst.map((rarest, index) => rarest.subarray(0, Math.floor(lengths[index]! / 5) + 1));
  // Containment: the containing quote holds every pair of consecutive words of the contained one, so it is listed
  // under the contained quote's rarest such pair (rarer than any single word: the lists stay short at 100k articles).
  const pairIndex = indexWordPairs(representatives, lengths);
  // Reworded: the longer quote (n words) is indexed under its ⌊(1 − REWORDED_COVERED)·n⌋+1 rarest words. A version
  // covering REWORDED_COVERED of it misses at most ⌊(1 − REWORDED_COVERED)·n⌋ of its distinct words, so the first
  // word both share (rarest first) is among those, and among the shorter quote's keys whenever any key is shared.
  const rewordIndex = indexWords(
    dictionarySize,
    rarestFirst.map((rarest, index) => (lengths[index]! < REWORDED_MINIMUM ? rarest.subarray(0, 0) : rarest.subarray(0, Math.floor(lengths[index]! * (1 - REWORDED_COVERED)) + 1))),
  );

  const { find, union } = groups;
  const stamp = new Int32Array(representatives.length).fill(-1);
  const rewordStamp = new Int32Array(representatives.length).fill(-1);
  const budget = new Int32Array(dictionarySize);
  representatives.forEach((first, index) => {
    const length = lengths[index]!;
    for (const word of first.words) budget[word]!++;
    // Variants among the longer quotes (each pair is looked at once, from its shorter side).
    for (const word of probes[index]!) {
      const end = prefixIndex.starts[word + 1]!;
      for (let at = firstPassing(prefixIndex.items, prefixIndex.starts[word]!, end, (other) => other > index); at < end; at++) {
        const other = prefixIndex.items[at]!;
        if (!lengthsAllowVariant(length, lengths[other]!)) break;
        if (stamp[other] === index) continue;
        stamp[other] = index;
        const second = representatives[other]!;
        // Cheap bound before the subsequence: the common subsequence is at most the words both have (with repeats).
        const total = length + lengths[other]!;
        if (!sharedCountCouldPass(second.words, budget, (shared) => commonAllowsVariant(shared, total))) continue;
        if (find(first.quote) !== find(second.quote) && areVariants(first.words, second.words)) union(first.quote, second.quote);
      }
    }
    if (length >= CONTAINED_MINIMUM) {
      const [from, end] = pairIndex.rarestRange(first.words);
      for (let at = firstPassing(pairIndex.items, from, end, (other) => lengths[other]! > length); at < end; at++) {
        const second = representatives[pairIndex.items[at]!]!;
        if (find(first.quote) === find(second.quote)) continue;
        if (containsRun(second.words, first.words)) union(first.quote, second.quote);
      }
    }
    if (length >= REWORDED_MINIMUM) {
      // At most ⌊n/5⌋ of the shorter quote's words are missing from the longer, so it holds one of the ⌊n/5⌋+1 rarest.
      const keys = rarestFirst[index]!.subarray(0, Math.floor(length * (1 - REWORDED_KEPT)) + 1);
      for (const word of keys) {
        const end = rewordIndex.starts[word + 1]!;
        for (let at = firstPassing(rewordIndex.items, rewordIndex.starts[word]!, end, (other) => lengths[other]! >= length); at < end; at++) {
          const other = rewordIndex.items[at]!;
          if (!lengthsAllowReworded(length, lengths[other]!)) break;
          if (other === index || rewordStamp[other] === index) continue;
          rewordStamp[other] = index;
          const second = representatives[other]!;
          // The same bound: a reworded version keeps at most the words both have.
          const longer = lengths[other]!;
          if (!sharedCountCouldPass(second.words, budget, (shared) => commonAllowsReworded(shared, length, longer))) continue;
          if (find(first.quote) !== find(second.quote) && isReworded(first.words, second.words)) union(first.quote, second.quote);
        }
      }
    }
    for (const word of first.words) budget[word]!--;
  });
  return groups.roots();
}

/** One quote per distinct word list, with its words numbered. */
interface Representative {
  quote: number;
  words: Int32Array;
}

/** Union-find over quote indexes: a group's root is its smallest index, so the result does not depend on the order
 * of unions. */
function unionFind(size: number) {
  const parents = new Int32Array(size).map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parents[root] !== root) root = parents[root]!;
    while (parents[index] !== root) {
      const next = parents[index]!;
      parents[index] = root;
      index = next;
    }
    return root;
  };
  const union = (first: number, second: number): void => {
    const [a, b] = [find(first), find(second)];
    if (a !== b) parents[Math.max(a, b)] = Math.min(a, b);
  };
  return { find, union, roots: (): Int32Array => parents.map((_, index) => find(index)) };
}

/**
 * Groups identical word lists, keeping one representative of each with VARIANT_MINIMUM words or more for the fuzzy
 * stages, numbered through one dictionary (in the order quotes come) and sorted shortest first (then by quote).
 */
function collapseIdentical(wordLists: readonly (readonly string[])[], groups: ReturnType<typeof unionFind>): { representatives: Representative[]; dictionarySize: number } {
  const dictionary = new Map<string, number>();
  const byKey = new Map<string, number>();
  const representatives: Representative[] = [];
  wordLists.forEach((words, quote) => {
    const key = words.join(' ');
    const seen = byKey.get(key);
    if (seen !== undefined) return groups.union(seen, quote);
    byKey.set(key, quote);
    if (words.length >= VARIANT_MINIMUM) representatives.push({ quote, words: identifiers(words, dictionary) });
  });
  representatives.sort((first, second) => first.words.length - second.words.length || first.quote - second.quote);
  return { representatives, dictionarySize: dictionary.size };
}

/** Each representative's distinct words, rarest first (fewest representatives holding it, then dictionary order). */
function rarestWordsFirst(representatives: readonly Representative[], dictionarySize: number): Int32Array[] {
  const frequency = new Int32Array(dictionarySize);
  const distinct = representatives.map(({ words }) => {
    const unique = Int32Array.from(new Set(words));
    for (const word of unique) frequency[word]!++;
    return unique;
  });
  return distinct.map((unique) => unique.sort((a, b) => frequency[a]! - frequency[b]! || a - b));
}

/** For each word, the representatives listing it (in representative order), flattened: word w's are
 * items[starts[w], starts[w + 1]). */
interface WordLists {
  starts: Int32Array;
  items: Int32Array;
}

/** Lists, for each word, the representatives whose `keys` hold it. */
function indexWords(dictionarySize: number, keys: readonly Int32Array[]): WordLists {
  const starts = new Int32Array(dictionarySize + 1);
  for (const list of keys) for (const word of list) starts[word + 1]!++;
  for (let word = 0; word < dictionarySize; word++) starts[word + 1]! += starts[word]!;
  const next = starts.slice(0, dictionarySize);
  const items = new Int32Array(starts[dictionarySize]!);
  keys.forEach((list, representative) => {
    for (const word of list) items[next[word]!++] = representative;
  });
  return { starts, items };
}

// Keys pack a 30-bit hash of a pair of words above a 23-bit representative: exact in a double.
const PAIR_SLOTS = 2 ** 23;

/** The hash of two consecutive words (collisions only add candidates, which containsRun then rejects). */
function pairHash(first: number, second: number): number {
  return (Math.imul(first ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(second + 0x7f4a7c15, 0x85ebca6b)) >>> 2;
}

/**
 * Representatives listed under each pair of consecutive words they hold (hashed), in representative order, as one
 * sorted array of keys; `rarestRange` finds a quote's pair with the shortest list, as [from, end) of `items`.
 */
function indexWordPairs(representatives: readonly Representative[], lengths: Int32Array) {
  if (representatives.length > PAIR_SLOTS) throw new RangeError(`at most ${PAIR_SLOTS} distinct quotes can be grouped at once`);
  let count = 0;
  // Only a quote longer than CONTAINED_MINIMUM words can contain another.
  representatives.forEach((_, index) => (count += lengths[index]! > CONTAINED_MINIMUM ? lengths[index]! - 1 : 0));
  const keys = new Float64Array(count);
  let next = 0;
  representatives.forEach(({ words }, index) => {
    if (lengths[index]! <= CONTAINED_MINIMUM) return;
    for (let at = 0; at + 1 < words.length; at++) keys[next++] = pairHash(words[at]!, words[at + 1]!) * PAIR_SLOTS + index;
  });
  keys.sort();
  const items = Int32Array.from(keys, (key) => key % PAIR_SLOTS);
  const lowerBound = (target: number): number => firstPassing(keys, 0, keys.length, (key) => key >= target);
  return {
    items,
    rarestRange(words: Int32Array): [number, number] {
      let best: [number, number] = [0, 0];
      for (let at = 0; at + 1 < words.length; at++) {
        const hash = pairHash(words[at]!, words[at + 1]!);
        const from = lowerBound(hash * PAIR_SLOTS);
        const end = lowerBound((hash + 1) * PAIR_SLOTS);
        if (at === 0 || end - from < best[1] - best[0]) best = [from, end];
      }
      return best;
    },
  };
}

/** The first position in items[from, to) whose item passes, given that those failing all come first. */
function firstPassing(items: ArrayLike<number>, from: number, to: number, passes: (representative: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passes(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Numbers words through a shared dictionary. */
function identifiers(words: readonly string[], dictionary: Map<string, number>): Int32Array {
  const numbered = new Int32Array(words.length);
  words.forEach((word, index) => {
    let identifier = dictionary.get(word);
    if (identifier === undefined) dictionary.set(word, (identifier = dictionary.size));
    numbered[index] = identifier;
  });
  return numbered;
}

/** Whether two lengths allow a variant: the common subsequence is at most the shorter, so 2·shorter/(sum) must reach it. */
function lengthsAllowVariant(first: number, second: number): boolean {
  return (2 * Math.min(first, second)) / (first + second) >= VARIANT_SIMILARITY;
}

/** Whether a common subsequence of at most `common` words over `total` words could reach VARIANT_SIMILARITY. */
function commonAllowsVariant(common: number, total: number): boolean {
  return (2 * common) / total >= VARIANT_SIMILARITY;
}

/**
 * Whether the words of a list the budget (word counts of another list) covers, counting repeats, pass `enough` (which
 * must pass for every count above one that passes). Stops at the first word not covered after which even all the
 * remaining words could not pass; the budget is left as found.
 */
function sharedCountCouldPass(words: Int32Array, budget: Int32Array, enough: (shared: number) => boolean): boolean {
  let shared = 0;
  let read = 0;
  let hopeless = false;
  while (read < words.length && !hopeless) {
    if (budget[words[read]!]!-- > 0) shared++;
    else hopeless = !enough(shared + words.length - read - 1);
    read++;
  }
  for (let index = 0; index < read; index++) budget[words[index]!]!++;
  return !hopeless && enough(shared);
}

/** Whether two word lists (both ≥ VARIANT_MINIMUM words) have a word similarity ≥ VARIANT_SIMILARITY. */
function areVariants(first: Int32Array, second: Int32Array): boolean {
  return (2 * commonWordCount(first, second)) / (first.length + second.length) >= VARIANT_SIMILARITY;
}

/** Whether a shorter quote of `shorter` words could be a reworded version of one of `longer` words (it covers enough). */
function lengthsAllowReworded(shorter: number, longer: number): boolean {
  return shorter >= REWORDED_MINIMUM && longer * REWORDED_COVERED <= shorter;
}

/** Whether a common subsequence of at most `common` words could make a reworded version (kept and covered enough). */
function commonAllowsReworded(common: number, shorter: number, longer: number): boolean {
  return common >= REWORDED_KEPT * shorter && common >= REWORDED_COVERED * longer;
}

/** Whether `shorter` (≥ REWORDED_MINIMUM words) keeps REWORDED_KEPT of its words, in order, in `longer`, covering
 * REWORDED_COVERED of it. */
function isReworded(shorter: Int32Array, longer: Int32Array): boolean {
  if (shorter.length < REWORDED_MINIMUM || longer.length * REWORDED_COVERED > shorter.length) return false;
  const common = commonWordCount(shorter, longer);
  return common >= REWORDED_KEPT * shorter.length && common >= REWORDED_COVERED * longer.length;
}

/** Whether `inner` occurs as a contiguous run of `outer`. */
function containsRun(outer: Int32Array, inner: Int32Array): boolean {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    let offset = 0;
    while (offset < inner.length && outer[start + offset] === inner[offset]) offset++;
    if (offset === inner.length) return true;
  }
  return false;
}
