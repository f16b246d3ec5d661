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
 * version's original 1/0.6). Before its words are read, a candidate must pass bounds kept in the list entries: 64-bit
 * word signatures (a bit one quote sets and the other lacks stands for at least one missing word) and the positions
 * of the rarest word both hold (the words before it in either are missing from the other). In random text nearly
 * every candidate shares one rare word and nothing else, and fails there.
 */
import { commonWordCount } from './word-diff';
import { collapseIdentical, commonAtMost, firstPassing, indexWordPairs, indexWords, rarestWordsFirst, RECORD, wordSignatures } from './quote-index';

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
  return groupQuotes(wordLists.length, (index) => wordLists[index]!);
}

/**
 * groupQuoteWords for `count` quotes whose words `wordsOf` gives, asked once per quote in order: a caller can make
 * each list on demand (the 384,484 quotes of 100k articles held 216 MB as lists of strings). Inside, words are
 * numbers in flat arrays, not an array per quote.
 */
export function groupQuotes(count: number, wordsOf: (index: number) => readonly string[]): Int32Array {
  const groups = unionFind(count);
  const table = collapseIdentical(count, wordsOf, groups.union, VARIANT_MINIMUM);
  const { lengths, dictionarySize } = table;
  const rarest = rarestWordsFirst(table);
  // Variants: a quote of n words missing from another at most ⌊n/3⌋ of its distinct words (Dice ≥ 0.8 implies it),
  // so any variant shares one of its ⌊n/3⌋+1 rarest words, and the first shared word is in both prefixes. The shorter
  // of the two misses at most ⌊n/5⌋ (the pair shares 0.4 of both lengths, so 0.8 of the shorter): it looks up its
  // ⌊n/5⌋+1 rarest words only.
  const signatures = wordSignatures(table);
  const prefixIndex = indexWords(table, rarest, signatures, (index) => Math.floor(lengths[index]! / 3) + 1);
  // Containment: the containing quote holds every pair of consecutive words of the contained one, so it is listed
  // under the contained quote's rarest such pair (rarer than any single word: the lists stay short at 100k articles).
  const pairIndex = indexWordPairs(table, CONTAINED_MINIMUM);
  // Reworded: the longer quote (n words) is indexed under its k+1 rarest words, k = ⌊(1 − REWORDED_COVERED)·n⌋ (see
  // mostMissing). A version covering REWORDED_COVERED of it misses at most k of its distinct words, so the first
  // word both share (rarest first) is among those, and among the shorter quote's keys whenever any key is shared.
  const rewordIndex = indexWords(table, rarest, signatures, (index) => (lengths[index]! < REWORDED_MINIMUM ? 0 : mostMissing(lengths[index]!, REWORDED_COVERED) + 1));

  const { find, union } = groups;
  const stamp = new Int32Array(table.count).fill(-1);
  const rewordStamp = new Int32Array(table.count).fill(-1);
  const budget = new Int32Array(dictionarySize);
  for (let index = 0; index < table.count; index++) {
    const length = lengths[index]!;
    const words = table.wordsOf(index);
    const quote = table.quotes[index]!;
    for (const word of words) budget[word]!++;
    const low = signatures[2 * index]!;
    const high = signatures[2 * index + 1]!;
    // Variants among the longer quotes (each pair is looked at once, from its shorter side). A pair is met first
    // under the rarest word both hold, at position i of this quote's words and j of the other's, rarest first: the
    // words before it are missing from the other, so a common subsequence holds at most n − i and m − j words. A pair
    // that can match passes there; any later meeting may be skipped. As lists run shortest first, n − i also ends
    // the stretch worth reading.
    const keysFrom = rarest.starts[index]!;
    const distinct = rarest.starts[index + 1]! - keysFrom;
    const { starts, records } = prefixIndex;
    for (let position = 0; position < Math.min(distinct, Math.floor(length / 5) + 1); position++) {
      const word = rarest.words[keysFrom + position]!;
      const kept = length - position;
      const from = firstPassing(starts[word]!, starts[word + 1]!, (at) => records[at * RECORD]! > index);
      const end = firstPassing(from, starts[word + 1]!, (at) => {
        const otherLength = records[at * RECORD + 1]!;
        return !lengthsAllowVariant(length, otherLength) || !commonAllowsVariant(kept, length + otherLength);
      });
      for (let record = from * RECORD; record < end * RECORD; record += RECORD) {
        const otherLength = records[record + 1]!;
        const common = Math.min(kept, otherLength - records[record + 4]!, commonAtMost(length, low, high, otherLength, records[record + 2]!, records[record + 3]!));
        if (!commonAllowsVariant(common, length + otherLength)) continue;
        const other = records[record]!;
        if (stamp[other] === index) continue;
        stamp[other] = index;
        const second = table.wordsOf(other);
        // Cheap bound before the subsequence: the common subsequence is at most the words both have (with repeats).
        const total = length + otherLength;
        if (!sharedCountCouldPass(second, budget, (shared) => commonAllowsVariant(shared, total))) continue;
        if (find(quote) !== find(table.quotes[other]!) && areVariants(words, second)) union(quote, table.quotes[other]!);
      }
    }
    if (length >= CONTAINED_MINIMUM) {
      const [from, end] = pairIndex.rarestRange(words);
      for (let at = firstPassing(from, end, (position) => lengths[pairIndex.items[position]!]! > length); at < end; at++) {
        const other = pairIndex.items[at]!;
        if (find(quote) === find(table.quotes[other]!)) continue;
        if (containsRun(table.wordsOf(other), words)) union(quote, table.quotes[other]!);
      }
    }
    if (length >= REWORDED_MINIMUM) {
      // At most ⌊n/5⌋ of the shorter quote's words are missing from the longer, so it holds one of the ⌊n/5⌋+1 rarest.
      const keys = Math.min(distinct, mostMissing(length, REWORDED_KEPT) + 1);
      // Met first under the rarest word both hold, as for variants: at most n − i and m − j words in common.
      const { starts, records } = rewordIndex;
      for (let position = 0; position < keys; position++) {
        const word = rarest.words[keysFrom + position]!;
        const kept = length - position;
        const from = firstPassing(starts[word]!, starts[word + 1]!, (at) => records[at * RECORD + 1]! >= length);
        const end = firstPassing(from, starts[word + 1]!, (at) => {
          const longer = records[at * RECORD + 1]!;
          return !lengthsAllowReworded(length, longer) || !commonAllowsReworded(kept, length, longer);
        });
        for (let record = from * RECORD; record < end * RECORD; record += RECORD) {
          const other = records[record]!;
          const longer = records[record + 1]!;
          const common = Math.min(kept, longer - records[record + 4]!, commonAtMost(length, low, high, longer, records[record + 2]!, records[record + 3]!));
          if (other === index || !commonAllowsReworded(common, length, longer)) continue;
          if (rewordStamp[other] === index) continue;
          rewordStamp[other] = index;
          const second = table.wordsOf(other);
          // The same bound: a reworded version keeps at most the words both have.
          if (!sharedCountCouldPass(second, budget, (shared) => commonAllowsReworded(shared, length, longer))) continue;
          if (find(quote) !== find(table.quotes[other]!) && isReworded(words, second)) union(quote, table.quotes[other]!);
        }
      }
    }
    for (const word of words) budget[word]!--;
  }
  return groups.roots();
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

/**
 * The most words of a quote of `length` words that can be missing while `share` of them is kept, as the checks
 * compare (kept ≥ share·length). Not ⌊length·(1 − share)⌋: 1 − 0.8 is 0.19999999999999996 in floating point, which
 * gave one word too few for lengths that are multiples of 5, and missed versions keeping exactly 80%.
 */
function mostMissing(length: number, share: number): number {
  let missing = Math.max(0, Math.floor(length * (1 - share)) - 1);
  while (missing < length && length - (missing + 1) >= share * length) missing++;
  return missing;
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
