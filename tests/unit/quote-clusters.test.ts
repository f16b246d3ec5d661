import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clusterIdFor, clusterQuotes, describeClusters, type ClusterMember } from '../../src-main/core/quotes/clusters';
import { CONTAINED_MINIMUM, groupQuoteWords, REWORDED_COVERED, REWORDED_KEPT, REWORDED_MINIMUM, VARIANT_MINIMUM, VARIANT_SIMILARITY } from '../../src-main/core/quotes/quote-groups';
import { commonWordCount, diffWords, quoteWords, wordSimilarity } from '../../src-main/core/quotes/word-diff';

const SHEINBAUM = 'We reject any form of intervention or interference. That’s been very clear, Mexico coordinates and collaborates, but does not subordinate itself.';
const OFFICIAL = 'The Trump administration is committed to utilizing an all-of-government approach to address the threats cartels pose to American citizens';

let ordinal = 0;
/** A hand-made quote record. */
function member(docId: string, text: string, options: Partial<ClusterMember> = {}): ClusterMember {
  return { quoteId: `${docId}:${ordinal++}`, docId, path: `/story/${docId}.txt`, published: null, start: 0, text, speaker: null, ...options };
}

/** The words of the diff's runs, keeping the given operations. */
function wordsOf(diff: ReturnType<typeof diffWords>, keep: string[]): string[] {
  return diff.filter((part) => keep.includes(part.op)).flatMap((part) => quoteWords(part.text));
}

describe('word diff', () => {
  test('normalization: case, curly or straight apostrophes and quotes, punctuation, U.S.', () => {
    assert.deepEqual(quoteWords('“That’s the U.S. view,” she said…'), quoteWords("that's the US view she said"));
  });

  test('a changed word shows as removed then added, with exact slices of each text', () => {
    assert.deepEqual(diffWords('We reject any form of intervention.', 'We reject every form of intervention!'), [
      { op: 'same', text: 'We reject' },
      { op: 'removed', text: 'any' },
      { op: 'added', text: 'every' },
      { op: 'same', text: 'form of intervention' },
    ]);
    assert.deepEqual(diffWords('Mexico coordinates and collaborates', 'Mexico coordinates and collaborates'), [
      { op: 'same', text: 'Mexico coordinates and collaborates' },
    ]);
    assert.deepEqual(diffWords('', ''), []);
  });

  const words = fc.array(fc.constantFrom('we', 'reject', 'any', 'form', 'of', 'U.S.', 'That’s', 'Mexico'), { maxLength: 25 });
  const separators = fc.constantFrom(' ', ', ', ' … ', '. ', ' — ');
  const text = fc.tuple(words, separators).map(([list, separator]) => list.join(separator));

  test('property: same and removed runs spell the base, same and added runs spell the variant', () => {
    fc.assert(
      fc.property(text, text, (base, variant) => {
        const diff = diffWords(base, variant);
        assert.deepEqual(wordsOf(diff, ['same', 'removed']), quoteWords(base));
        assert.deepEqual(wordsOf(diff, ['same', 'added']), quoteWords(variant));
        assert.equal(wordsOf(diff, ['same']).length, commonWordCount(quoteWords(base), quoteWords(variant)));
        for (let index = 1; index < diff.length; index++) assert.notEqual(diff[index]!.op, diff[index - 1]!.op);
      }),
    );
  });

  test('property: similarity is symmetric, in [0, 1], and 1 exactly for equal words', () => {
    fc.assert(
      fc.property(words, words, (first, second) => {
        const similarity = wordSimilarity(first, second);
        assert.equal(similarity, wordSimilarity(second, first));
        assert.ok(similarity >= 0 && similarity <= 1);
        assert.equal(similarity === 1, first.join(' ') === second.join(' '));
      }),
    );
  });
});

/** Whether two word lists are the same quote, checked naively: the rule quote-groups implements with indexes. */
function sameQuote(first: readonly string[], second: readonly string[]): boolean {
  if (first.join(' ') === second.join(' ')) return true;
  const [shorter, longer] = first.length <= second.length ? [first, second] : [second, first];
  if (shorter.length < VARIANT_MINIMUM) return false;
  if (shorter.length >= CONTAINED_MINIMUM && shorter.length < longer.length) {
    for (let start = 0; start + shorter.length <= longer.length; start++) {
      if (shorter.every((word, offset) => longer[start + offset] === word)) return true;
    }
  }
  if (wordSimilarity(first, second) >= VARIANT_SIMILARITY) return true;
  if (shorter.length < REWORDED_MINIMUM) return false;
  const common = (wordSimilarity(first, second) * (first.length + second.length)) / 2;
  return common >= REWORDED_KEPT * shorter.length - 1e-9 && common >= REWORDED_COVERED * longer.length - 1e-9;
}

/** Groups by comparing every pair: the reference for the indexed grouping. */
function naiveGroups(lists: readonly (readonly string[])[]): number[] {
  const group = lists.map((_, index) => index);
  const find = (index: number): number => (group[index] === index ? index : find(group[index]!));
  lists.forEach((first, a) =>
    lists.forEach((second, b) => {
      if (b > a && sameQuote(first, second)) {
        const [x, y] = [find(a), find(b)];
        if (x !== y) group[Math.max(x, y)] = Math.min(x, y);
      }
    }),
  );
  return lists.map((_, index) => find(index));
}

describe('grouping quotes', () => {
  const vocabulary = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l');
  const base = fc.array(vocabulary, { minLength: 1, maxLength: 24 });
  /** One edit of a word list: trimmed, a word changed, dropped or added. */
  const edit = fc.tuple(fc.nat(3), fc.nat(24), fc.nat(24), vocabulary).map(([kind, at, to, word]) => (words: string[]) => {
    const copy = [...words];
    const position = Math.min(at, copy.length);
    if (kind === 0) return copy.slice(Math.min(position, to), Math.max(position, to) + 1);
    if (kind === 1) copy[Math.min(position, copy.length - 1)] = word;
    else if (kind === 2) copy.splice(position, 1);
    else copy.splice(position, 0, word);
    return copy;
  });
  /** A variant of a base: one edit (a light variant or a part), or several (a reworded version, or no match). */
  const variant = (words: string[]) => fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((copy, change) => change(copy), words));
  const family = base.chain((words) => fc.array(variant(words), { maxLength: 4 }).map((variants) => [words, ...variants]));
  const library = fc.array(family, { minLength: 1, maxLength: 8 }).chain((families) => fc.shuffledSubarray(families.flat(), { minLength: families.flat().length }));

  test('property: the indexed grouping equals comparing every pair', () => {
    fc.assert(
      fc.property(library, (lists) => {
        assert.deepEqual([...groupQuoteWords(lists)], naiveGroups(lists));
      }),
      { numRuns: 1000 },
    );
  });

  test('boundary cases the property found: versions met under the last word a prefix allows, or keeping exactly 80%', () => {
    const cases = [
      // A reworded version of a quote of 10 words keeping exactly 8 (lengths that are multiples of 5 lost a key).
      [['i', 'j', 'b', 'g', 'l', 'i', 'k', 'b', 'i', 'e', 'g'], ['a'], ['a', 'f', 'j', 'b', 'g', 'l', 'i', 'k', 'b', 'i']],
      // Variants and reworded versions whose rarest shared word is the last key of either side.
      [['d', 'a', 'f', 'i', 'e', 'b', 'k', 'j', 'h', 'l', 'k'], ['c', 'h', 'i', 'e', 'b', 'k', 'j', 'h', 'l', 'k']],
      [['a', 'e', 'e', 'i', 'e', 'b', 'j', 'f'], ['d', 'e', 'e', 'i', 'e', 'b', 'j', 'f']],
      [['j', 'f', 'b', 'j'], ['a'], ['a', 'j', 'f', 'b', 'j']],
      [['k', 'a', 'i', 'e', 'a', 'l', 'h', 'a'], ['a', 'h', 'g', 'a', 'i', 'e', 'a', 'l', 'h', 'a']],
    ];
    for (const lists of cases) {
      const groups = [...groupQuoteWords(lists)];
      assert.deepEqual(groups, naiveGroups(lists));
      assert.equal(groups[lists.length - 1], 0, `${lists[lists.length - 1]!.join(' ')} groups with ${lists[0]!.join(' ')}`);
    }
  });

  test('100,000 quotes (10k documents × 10): every trimmed copy groups with its quote (speed is the benchmark\'s)', () => {
    const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'gu'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = () => (random() < 0.4 ? ['the', 'of', 'and', 'to', 'a', 'in', 'said'][Math.floor(random() * 7)]! : syllables[Math.floor(random() * 12)]! + syllables[Math.floor(random() * 12)]! + syllables[Math.floor(random() * 12)]!);
    const lists: string[][] = [];
    const trimmed: [number, number][] = [];
    while (lists.length < 100_000) {
      const quote = Array.from({ length: 4 + Math.floor(random() * 30) }, word);
      lists.push(quote);
      if (random() < 0.1 && quote.length >= 7) {
        trimmed.push([lists.length - 1, lists.length]);
        lists.push(quote.slice(1, -1));
      }
    }
    const groups = groupQuoteWords(lists);
    assert.ok(trimmed.length > 5_000);
    for (const [quote, copy] of trimmed) assert.equal(groups[copy], groups[quote], `${lists[copy]!.join(' ')} is part of ${lists[quote]!.join(' ')}`);
  });
});

describe('clusters', () => {
  test('identical, trimmed, punctuated and lightly changed versions across documents share one cluster', () => {
    const quotes = [
      member('d1', SHEINBAUM, { speaker: 'Claudia Sheinbaum', published: '2025-11-03', start: 40 }),
      member('d2', SHEINBAUM.replace('That’s', "That's").replace(/,/g, ''), { speaker: 'Claudia Sheinbaum', published: '2025-11-02' }),
      member('d3', 'Mexico coordinates and collaborates, but does not subordinate itself', { speaker: 'Sheinbaum' }),
      member('d4', SHEINBAUM.replace('any form', 'every form').replace('clear,', 'clear …'), { speaker: 'the Mexican president' }),
      member('d5', 'Mexico coordinates', { speaker: null }),
      member('d5', OFFICIAL, { speaker: 'a senior administration official' }),
      member('d6', `${OFFICIAL}.`, { speaker: 'a senior administration official', published: '2025-11-04' }),
      member('d7', 'just like ISIS'),
      member('d8', 'just like ISIS'),
      member('d8', 'just like Hamas'),
      member('d9', 'a single source says this alone'),
    ];
    const clustering = clusterQuotes(quotes);
    const ids = clustering.clusterIds;
    assert.ok(ids[0] && ids[0] === ids[1] && ids[1] === ids[2] && ids[2] === ids[3]);
    assert.equal(ids[4], null, 'fewer than 4 words: only identical quotes cluster');
    assert.ok(ids[5] && ids[5] === ids[6] && ids[5] !== ids[0]);
    assert.ok(ids[7] && ids[7] === ids[8]);
    assert.equal(ids[9], null);
    assert.equal(ids[10], null);
    assert.equal(ids[0], clusterIdFor({ docId: 'd2', start: 0 }), 'the id comes from the earliest published member');
    assert.deepEqual(clusterQuotes([...quotes]).clusterIds, ids, 'deterministic');

    const clusters = describeClusters(quotes, clustering);
    assert.deepEqual(clusters.map((cluster) => cluster.id), [ids[0], ids[5], ids[7]]);
    const sheinbaum = clusters[0]!;
    assert.equal(sheinbaum.text, quotes[1]!.text, 'the longest version most sources share, earliest first');
    assert.equal(sheinbaum.speaker, 'Claudia Sheinbaum');
    assert.deepEqual(sheinbaum.speakers, ['Claudia Sheinbaum', 'Sheinbaum', 'the Mexican president']);
    assert.equal(sheinbaum.speakerAgrees, false);
    assert.deepEqual(sheinbaum.firstAppearance, { docId: 'd2', published: '2025-11-02' });
    assert.deepEqual(sheinbaum.variants.map((variant) => [variant.docId, variant.exact]), [['d2', true], ['d1', true], ['d3', false], ['d4', false]]);
    const altered = sheinbaum.variants[3]!.diff;
    assert.deepEqual(altered.filter((part) => part.op !== 'same'), [{ op: 'removed', text: 'any' }, { op: 'added', text: 'every' }]);
    const partial = sheinbaum.variants[2]!.diff;
    assert.equal(partial[0]!.op, 'removed');
    assert.deepEqual(partial.at(-1), { op: 'same', text: 'Mexico coordinates and collaborates, but does not subordinate itself' });

    const official = clusters[1]!;
    assert.equal(official.speaker, 'a senior administration official');
    assert.equal(official.speakerAgrees, true);
    assert.deepEqual(official.firstAppearance, { docId: 'd6', published: '2025-11-04' });
    assert.ok(official.variants.every((variant) => variant.exact));
    assert.equal(clusters[2]!.firstAppearance, null);
  });

  test('the same quote twice in one document is not a cluster', () => {
    const clustering = clusterQuotes([member('d1', SHEINBAUM), member('d1', SHEINBAUM)]);
    assert.deepEqual(clustering.clusterIds, [null, null]);
    assert.equal(clustering.members.size, 0);
  });

  test('different quotes sharing common words stay apart', () => {
    const clustering = clusterQuotes([
      member('d1', 'We are going to do what we have to do to protect the country'),
      member('d2', 'We are going to make sure that the people of the country are safe'),
    ]);
    assert.deepEqual(clustering.clusterIds, [null, null]);
  });
});
