import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSharedPassages, prepareText, sharedPassagesBetween, type TextMatch } from '../../src-main/core/reader/shared-passages';
import { tokenizeWords } from '../../src-main/core/reader/normalize-words';
import { nearRegions, verbatimRegions } from '../../src-main/core/reader/selection-matches';

/** A vocabulary large enough that random texts share no 5-word run by chance. */
const VOCABULARY = Array.from({ length: 400 }, (_, index) => `w${index.toString(36)}x`);
const word = fc.constantFrom(...VOCABULARY);
const punctuation = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n\n', ' — ', ' “', '” ');
const words = (minLength: number, maxLength: number) => fc.array(word, { minLength, maxLength });

function join(list: readonly string[], separators: readonly string[] = []): string {
  return list.map((item, index) => (index === 0 ? item : (separators[index % Math.max(1, separators.length)] ?? ' ') + item)).join('');
}

function assertWellFormed(left: string, right: string, matches: readonly TextMatch[]): void {
  const keys = new Set<string>();
  for (const match of matches) {
    for (const [side, text] of [[match.a, left], [match.b, right]] as const) {
      assert.ok(side.start >= 0 && side.start < side.end && side.end <= text.length, 'in bounds, start < end');
      assert.equal(side.text, text.slice(side.start, side.end), 'text is the slice');
    }
    assert.ok(match.similarity > 0 && match.similarity <= 1);
    const key = `${match.a.start}:${match.a.end}:${match.b.start}:${match.b.end}`;
    assert.ok(!keys.has(key), 'no duplicate passages');
    keys.add(key);
  }
}

const swapped = (matches: readonly TextMatch[]) =>
  matches.map(({ a, b, similarity }) => `${b.start}:${b.end}|${a.start}:${a.end}|${similarity}`).sort();
const plain = (matches: readonly TextMatch[]) =>
  matches.map(({ a, b, similarity }) => `${a.start}:${a.end}|${b.start}:${b.end}|${similarity}`).sort();

test('words are normalized: case, accents, curly or straight apostrophes, U.S. = US', () => {
  const tokens = tokenizeWords('The U.S. and the US, u.s Trump’s Trump\'s Pérez all-of-government');
  assert.deepEqual(tokens.map((token) => token.word), ['the', 'us', 'and', 'the', 'us', 'us', 'trumps', 'trumps', 'perez', 'all', 'of', 'government']);
  assert.equal(tokens[1]!.start, 4);
  assert.equal(tokens[1]!.end, 8);
});

test('a reused sentence is found through spelling, quote and punctuation variants', () => {
  const left = 'Intro words here.\n\nThe troops would operate under the authority of the U.S. intelligence community, known as “Title 50” status, officials said.';
  const right = 'Something else entirely. They would operate under the authority of the US intelligence community — known as "Title 50" status. The end.';
  const [match, ...rest] = findSharedPassages(left, right);
  assert.equal(rest.length, 0);
  assert.ok(match);
  assert.equal(match.similarity, 1);
  assert.match(match.a.text, /^would operate .*Title 50” status$/);
  assert.match(match.b.text, /^would operate .*US intelligence.*"Title 50" status$/);
});

test('matched passages are in bounds, slice to their text, never repeat, and swap with the texts (property)', () => {
  fc.assert(
    fc.property(words(0, 120), words(0, 120), words(0, 40), fc.array(punctuation, { maxLength: 20 }), (first, second, shared, separators) => {
      const left = join([...first.slice(0, 60), ...shared, ...first.slice(60)], separators);
      const right = join([...second.slice(0, 30), ...shared, ...second.slice(30), ...shared.slice(0, 10)], separators.slice().reverse());
      const forward = findSharedPassages(left, right);
      assertWellFormed(left, right, forward);
      const backward = findSharedPassages(right, left);
      assertWellFormed(right, left, backward);
      assert.deepEqual(swapped(backward), plain(forward));
      if (shared.length >= 12) assert.ok(forward.length > 0, 'a shared run of 12 words is found');
    }),
    { numRuns: 200 },
  );
});

test('arbitrary strings never break the matcher (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 }), (left, right) => {
      assertWellFormed(left, right, findSharedPassages(left, right));
      assertWellFormed(left, left + right, findSharedPassages(left, left + right));
    }),
  );
});

test('a passage copied with a few words changed is found, with similarity below 1 (property)', () => {
  fc.assert(
    fc.property(words(0, 80), words(0, 80), words(30, 40), fc.integer({ min: 2, max: 3 }), (before, after, passage, changes) => {
      const altered = passage.slice();
      for (let change = 0; change < changes; change++) altered[6 + change * 8] = `changed${change}`;
      const left = join([...before, ...passage]);
      const right = join([...after, ...altered]);
      const matches = findSharedPassages(left, right);
      assertWellFormed(left, right, matches);
      const source = join(passage);
      const from = left.length - source.length;
      const covering = matches.filter((match) => match.a.start < left.length && from < match.a.end);
      assert.ok(covering.length > 0);
      const longest = covering.reduce((best, match) => (match.a.end - match.a.start > best.a.end - best.a.start ? match : best));
      assert.ok(longest.similarity < 1, `similarity ${longest.similarity}`);
      assert.ok(longest.a.end - longest.a.start > source.length * 0.7, 'the changes are bridged, not split apart');
    }),
    { numRuns: 100 },
  );
});

test('identical texts share one passage with similarity 1 (property)', () => {
  fc.assert(
    fc.property(words(6, 200), fc.array(punctuation, { maxLength: 10 }), (list, separators) => {
      const text = join(list, separators);
      const matches = findSharedPassages(text, text);
      const whole = matches.find((match) => match.a.start === 0 && match.a.end === text.length);
      assert.ok(whole, 'the whole text is one passage');
      assert.equal(whole.similarity, 1);
      assert.deepEqual([whole.b.start, whole.b.end], [0, text.length]);
    }),
    { numRuns: 100 },
  );
});

test('unrelated texts share nothing', () => {
  const left = 'The council voted on Tuesday to close the harbour for the winter, the mayor said in a statement.';
  const right = 'Fishermen protested at the quay on Monday, demanding compensation for the lost season from the ministry.';
  assert.deepEqual(findSharedPassages(left, right), []);
});

test('four long articles sharing a few passages: every shared passage is found, in order', () => {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!;
  const sentence = (length: number) => Array.from({ length }, pick).join(' ');
  const quotes = Array.from({ length: 12 }, () => `“${sentence(18)},” the official said`);
  const article = (index: number) => {
    const paragraphs: string[] = [];
    while (paragraphs.join('\n\n').length < 50_000) {
      const count = paragraphs.length;
      paragraphs.push(count % 9 === index ? quotes[(count + index) % quotes.length]! : `${sentence(40)}. ${sentence(25)}.`);
    }
    return paragraphs.join('\n\n');
  };
  const dictionary = new Map<string, number>();
  const texts = [0, 1, 2, 3].map((index) => prepareText(article(index), dictionary));
  for (const left of texts) {
    for (const right of texts) {
      if (left === right) continue;
      const matches = sharedPassagesBetween(left, right);
      assertWellFormed(left.text, right.text, matches);
      for (let index = 1; index < matches.length; index++) assert.ok(matches[index - 1]!.a.start <= matches[index]!.a.start);
      const quotesInBoth = quotes.filter((quote) => left.text.includes(quote) && right.text.includes(quote));
      for (const quote of quotesInBoth) {
        assert.ok(matches.some((match) => match.a.text.includes(quote.slice(1, 60)) && match.similarity === 1), 'the shared quote is found');
      }
    }
  }
});

test('verbatim and near regions of a selection', () => {
  const selection = tokenizeWords('under the authority of the U.S. intelligence community').map((token) => token.word);
  const text = tokenizeWords('They would operate under the authority of the US intelligence community, officials said.');
  assert.deepEqual(verbatimRegions(selection, text).map((region) => [region.first, region.last]), [[3, 10]]);
  const paraphrase = tokenizeWords('troops would operate under the legal authority of the US intelligence community as before');
  assert.deepEqual(verbatimRegions(selection, paraphrase), []);
  const near = nearRegions(selection, paraphrase);
  assert.deepEqual(near.map((region) => [region.first, region.last]), [[3, 11]], 'the inserted word is bridged');
  assert.equal(near[0]!.score, 1, 'every selected word is there, in order');
  const changed = nearRegions(selection, tokenizeWords('operate under the authority of the French intelligence community'));
  assert.equal(changed.length, 1);
  assert.ok(changed[0]!.score >= 0.7 && changed[0]!.score < 1);
  assert.deepEqual(nearRegions(selection, tokenizeWords('the authority of a council, said the intelligence officer')), []);
});
