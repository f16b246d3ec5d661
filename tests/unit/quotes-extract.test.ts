import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { extractTextDocument } from '../../src-main/core/extract/index';
import { composeReadingText } from '../../src-main/core/extract/reading-text';
import { extractQuotes, type ExtractedQuote } from '../../src-main/core/quotes/extract-quotes';

const seeds = new URL('../../seeds/', import.meta.url);

function seed(prefix: string): ExtractedQuote[] {
  const name = readdirSync(seeds).find((file) => file.startsWith(prefix) && file.endsWith('.txt'));
  assert.ok(name !== undefined, `seed ${prefix}`);
  const outcome = extractTextDocument(readFileSync(new URL(name, seeds)), name);
  assert.ok(outcome.ok);
  return extractQuotes(composeReadingText(outcome.value.rawText, outcome.value.boilerplate));
}

function find(quotes: ExtractedQuote[], start: string): ExtractedQuote {
  const quote = quotes.find((item) => item.text.startsWith(start));
  assert.ok(quote !== undefined, `quote starting "${start}"`);
  return quote;
}

test('seed 000: Trump through "he said", split quote, partial', () => {
  const quotes = seed('000');
  assert.equal(find(quotes, 'I don’t think we\'re going to necessarily ask for a declaration of war').speaker, 'Donald Trump');
  assert.equal(find(quotes, 'They’re going to be, like, dead, OK.').speaker, 'Donald Trump');
  const partial = find(quotes, 'just going to kill people.');
  assert.deepEqual([partial.speaker, partial.kind], ['Donald Trump', 'partial']);
});

test('seed 003: mixed marks, titles are not quotes', () => {
  const quotes = seed('003');
  assert.equal(find(quotes, 'I doubt it. I don’t think so,').speaker, 'Donald Trump');
  assert.equal(quotes.some((quote) => quote.text === 'Punitive Expedition' || quote.text === '60 Minutes'), false);
});

test('seed 001: Reddit users, Sheinbaum, partials', () => {
  const quotes = seed('001');
  for (const start of ['Attacking another nation', 'Not sure how bombing Mexico']) {
    const speaker = find(quotes, start).speaker ?? '';
    assert.match(speaker, /reddit/iu);
    assert.doesNotMatch(speaker, /trump/iu);
  }
  assert.equal(find(quotes, 'We reject any form of intervention or interference').speaker, 'Claudia Sheinbaum');
  for (const start of ['use all necessary force', 'right to defend itself']) {
    const quote = find(quotes, start);
    assert.deepEqual([quote.speaker, quote.kind], ['Donald Trump', 'partial']);
  }
});

test('seeds 002 and 004: Sheinbaum and the senior administration official', () => {
  const second = seed('002');
  assert.equal(find(second, 'We reject any form of intervention').speaker, 'Claudia Sheinbaum');
  const fromSecond = find(second, 'The Trump administration is committed').speaker;
  const fromFourth = find(seed('004'), 'The Trump administration is committed').speaker;
  assert.equal(fromSecond, 'a senior administration official');
  assert.equal(fromFourth, fromSecond);
});

test('split, interrupted, multi-paragraph and nested quotes', () => {
  const text = '“The leak,” he said, “was contained.” Officials said nothing.\n\nMayor Jane Roe said: “We fixed it.\n\n“It will not happen again, and as my father said, ‘never twice,’” Roe said.';
  const quotes = extractQuotes(text);
  assert.deepEqual(quotes.map((quote) => quote.text), [
    'The leak,', 'was contained.', 'We fixed it.\n\n“It will not happen again, and as my father said, ‘never twice,’',
  ]);
  assert.equal(quotes[2]?.speaker, 'Jane Roe');
  assert.equal(quotes[0]?.speaker, quotes[1]?.speaker);
});

test('transcript turns carry the labelled speaker', () => {
  const text = 'ANCHOR (SARAH MILLS): Good evening.\nTOM ASHER, CORRESPONDENT: Thanks, Sarah.\nSARAH MILLS: Back to you.';
  const quotes = extractQuotes(text);
  assert.deepEqual(quotes.map((quote) => [quote.speaker, quote.kind]), [
    ['Sarah Mills', 'transcript'], ['Tom Asher', 'transcript'], ['Sarah Mills', 'transcript'],
  ]);
});

test('organizations speak; unnamed sources keep their description; weak evidence gives null', () => {
  const text = 'Acme Corp. cut 300 jobs. “We regret it,” the company said in a statement.\n\n“It was coming,” a former manager said.\n\n“Nobody knows what happens next.”';
  const quotes = extractQuotes(text);
  assert.deepEqual(quotes.map((quote) => quote.speaker), ['Acme Corp.', 'a former manager', null]);
});

test('extractQuotes: offsets in bounds, text equals slice, sorted, never throws', () => {
  const piece = fc.constantFrom('“', '”', '"', '«', '»', '‘', '’', ' said ', ' he ', 'Jane Roe', '\n\n', ', ', '. ', 'A:', 'NAME: ', 'word', ' ');
  fc.assert(fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))), (text) => {
    const quotes = extractQuotes(text);
    let previous = -1;
    for (const quote of quotes) {
      assert.ok(quote.start >= 0 && quote.end <= text.length && quote.start < quote.end);
      assert.equal(quote.text, text.slice(quote.start, quote.end));
      assert.ok(quote.start >= previous);
      previous = quote.start;
    }
  }), { numRuns: 2000 });
});

test('a 1 MB text with 16,000 quotes is read whole (speed is measured by the benchmark, not here)', () => {
  const text = 'Mayor Jane Roe said the plan works. “We listened,” Roe said. '.repeat(16000);
  const quotes = extractQuotes(text);
  assert.equal(quotes.length, 16000);
  assert.ok(quotes.every((quote) => quote.text === 'We listened,' && quote.speaker === 'Jane Roe'));
});
