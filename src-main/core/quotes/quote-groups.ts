/**
 * Groups quotes that are the same quote: identical normalized words; one contained in the other (a trimmed or partial
 * version of at least CONTAINED_MINIMUM words); or a light variant (word similarity ≥ VARIANT_SIMILARITY). Quotes of
 * fewer than VARIANT_MINIMUM words group only when identical. A reworded version (REWORDED_MINIMUM words or more) groups
 * when it keeps REWORDED_KEPT of its words in order inside the longer quote and covers REWORDED_COVERED of it. Groups are transitive (union-find).
 *
 * Pairs are never all compared: variants are found by prefix filtering on rare words (each quote is indexed under its
 * rarest words, enough of them that any variant must share one), containment by the contained quote's rarest word.
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
  const parents = new Int32Array(wordLists.length).map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parents[root] !== root) root = parents[root]!;
    while (parents[index] !== root) [index, parents[index]] = [parents[index]!, root];
    return root;
  };
  const union = (first: number, second: number) => {
    const [a, b] = [find(first), find(second)];
    if (a !== b) parents[Math.max(a, b)] = Math.min(a, b);
  };

  // Identical word lists first: one representative each goes on to the fuzzy stages.
  const dictionary = new Map<string, number>();
  const byKey = new Map<string, number>();
  const representatives: { quote: number; words: Int32Array }[] = [];
  wordLists.forEach((words, quote) => {
    const key = words.join(' ');
    const seen = byKey.get(key);
    if (seen !== undefined) return union(seen, quote);
    byKey.set(key, quote);
    if (words.length >= VARIANT_MINIMUM) representatives.push({ quote, words: identifiers(words, dictionary) });
  });

  const frequency = new Int32Array(dictionary.size);
  const distinct = representatives.map(({ words }) => {
    const unique = [...new Set(words)];
    for (const word of unique) frequency[word]!++;
    return unique;
  });
  const rarestFirst = distinct.map((unique) => Int32Array.from(unique).sort((a, b) => frequency[a]! - frequency[b]! || a - b));

  // Variants: a quote of n words missing from another at most ⌊n/3⌋ of its distinct words (Dice ≥ 0.8 implies it),
  // so any variant shares one of its ⌊n/3⌋+1 rarest words, and the first shared word is in both prefixes.
  const prefixIndex = new Map<number, number[]>();
  const prefixes = representatives.map(({ words }, index) => {
    const prefix = rarestFirst[index]!.subarray(0, Math.floor(words.length / 3) + 1);
    for (const word of prefix) append(prefixIndex, word, index);
    return prefix;
  });
  // Containment: the contained quote's rarest word is in the containing one, indexed under every word.
  const wordIndex = new Map<number, number[]>();
  distinct.forEach((unique, index) => unique.forEach((word) => append(wordIndex, word, index)));

  const stamp = new Int32Array(representatives.length).fill(-1);
  const rewordStamp = new Int32Array(representatives.length).fill(-1);
  const budget = new Int32Array(dictionary.size);
  representatives.forEach((first, index) => {
    for (const word of first.words) budget[word]!++;
    for (const word of prefixes[index]!) {
      for (const other of prefixIndex.get(word)!) {
        if (other <= index || stamp[other] === index) continue;
        stamp[other] = index;
        const second = representatives[other]!;
        if (!lengthsAllowVariant(first.words.length, second.words.length)) continue;
        // Cheap bound before the subsequence: the common subsequence is at most the words both have (with repeats).
        if (!commonAllowsVariant(sharedWordCount(second.words, budget), first.words.length + second.words.length)) continue;
        if (find(first.quote) !== find(second.quote) && areVariants(first.words, second.words)) union(first.quote, second.quote);
      }
    }
    for (const word of first.words) budget[word]!--;
    if (first.words.length < CONTAINED_MINIMUM) return;
    for (const other of wordIndex.get(rarestFirst[index]![0]!)!) {
      const second = representatives[other]!;
      if (second.words.length <= first.words.length || find(first.quote) === find(second.quote)) continue;
      if (containsRun(second.words, first.words)) union(first.quote, second.quote);
    }
    if (first.words.length < REWORDED_MINIMUM) return;
    // Reworded: at most ⌊n/5⌋ of the shorter quote's words are missing from the longer, so it holds one of the ⌊n/5⌋+1
    // rarest of them.
    const keys = rarestFirst[index]!.subarray(0, Math.floor(first.words.length * (1 - REWORDED_KEPT)) + 1);
    for (const word of keys) {
      for (const other of wordIndex.get(word)!) {
        const second = representatives[other]!;
        if (other === index || rewordStamp[other] === index || second.words.length < first.words.length) continue;
        rewordStamp[other] = index;
        if (find(first.quote) !== find(second.quote) && isReworded(first.words, second.words)) union(first.quote, second.quote);
      }
    }
  });
  return parents.map((_, index) => find(index));
}

/** Numbers words through a shared dictionary. */
function identifiers(words: readonly string[], dictionary: Map<string, number>): Int32Array {
  return Int32Array.from(words, (word) => {
    let identifier = dictionary.get(word);
    if (identifier === undefined) dictionary.set(word, (identifier = dictionary.size));
    return identifier;
  });
}

function append(index: Map<number, number[]>, key: number, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** Whether two lengths allow a variant: the common subsequence is at most the shorter, so 2·shorter/(sum) must reach it. */
function lengthsAllowVariant(first: number, second: number): boolean {
  return (2 * Math.min(first, second)) / (first + second) >= VARIANT_SIMILARITY;
}

/** Whether a common subsequence of at most `common` words over `total` words could reach VARIANT_SIMILARITY. */
function commonAllowsVariant(common: number, total: number): boolean {
  return (2 * common) / total >= VARIANT_SIMILARITY;
}

/** How many words of a list the budget (word counts of another list) covers, counting repeats; the budget is left as found. */
function sharedWordCount(words: Int32Array, budget: Int32Array): number {
  let shared = 0;
  for (let index = 0; index < words.length; index++) if (budget[words[index]!]!-- > 0) shared++;
  for (let index = 0; index < words.length; index++) budget[words[index]!]!++;
  return shared;
}

/** Whether two word lists (both ≥ VARIANT_MINIMUM words) have a word similarity ≥ VARIANT_SIMILARITY. */
function areVariants(first: Int32Array, second: Int32Array): boolean {
  return (2 * commonWordCount(first, second)) / (first.length + second.length) >= VARIANT_SIMILARITY;
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
