import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectBoilerplate } from '../../src-main/core/extract/boilerplate';
import { composeReadingText, composeReadingTextMap, rawOffsetOf } from '../../src-main/core/extract/reading-text';
import { normalizedSeed } from '../support/seed-text';
import type { BoilerplateSpan } from '../../src-main/core/extract/types';

function readingTextOf(prefix: string): string {
  const raw = normalizedSeed(prefix);
  return composeReadingText(raw, detectBoilerplate(raw));
}

/** Reference cleaning, written independently: trailing whitespace cut, blank runs collapsed, ends trimmed. */
function referenceClean(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/u, ''));
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}

function assertInOrder(text: string, fragments: string[]): void {
  let cursor = -1;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment);
    assert.notEqual(at, -1, `present: ${fragment}`);
    assert.ok(at > cursor, `in order: ${fragment}`);
    cursor = at;
  }
}

function assertAbsent(text: string, fragments: string[]): void {
  for (const fragment of fragments) assert.equal(text.includes(fragment), false, `absent: ${fragment}`);
}

function assertTidy(text: string): void {
  assert.equal(text.includes('\n\n\n'), false, 'at most one blank line');
  assert.equal(text.startsWith('\n') || text.endsWith('\n'), false, 'no blank lines at the ends');
  assert.equal(text.split('\n').some((line) => line !== '' && line.trim() === ''), false, 'no whitespace-only lines');
}

test('000: ads, tweet credits and the shutdown promo are gone; the prose stays in order', () => {
  const text = readingTextOf('000');
  assertTidy(text);
  assertAbsent(text, ['Advertisement', 'pic.twitter.com', '(@visegrad24)', '(@Kagan_M_Dunlap)', 'Editor’s Note', 'Schumer Shutdown', 'promo code']);
  assertInOrder(text, [
    'The Trump administration is reportedly planning military action in Mexico',
    'But now, it appears the administration will be taking further action in Mexico, according to NBC News.',
    'According to NBC News, citing U.S. officials',
    'The new operations will rely primarily on drone strikes',
    'The Independent reported that the CIA',
    '“I don’t think we\'re going to necessarily ask for a declaration of war.',
  ]);
  assert.ok(text.endsWith('“They’re going to be, like, dead, OK.”'));
});

test('001: the reading text starts after the date token; the tweet is gone', () => {
  const text = readingTextOf('001');
  assertTidy(text);
  assert.ok(text.startsWith('The Trump administration is considering'));
  assertAbsent(text, ['date 2025-11-03', 'pic.twitter.com', '@defense_civil25']);
  assertInOrder(text, [
    'Officials told NBC News that the mission',
    'According to News18, the plan could authorize',
    'According to NBC News, early preparations',
    'NBC first released a story in April',
    'officials insist that any final decision would require coordination',
  ]);
});

test('002: the photo credit is gone, the report stays', () => {
  const text = readingTextOf('002');
  assertTidy(text);
  assertAbsent(text, ['Photo: Chantel / Unsplash', 'Unsplash']);
  assert.ok(text.startsWith('The Trump administration is planning a military operation'));
  assertInOrder(text, ['According to a report by NBC News', 'a senior administration official said', 'We reject any form of intervention']);
});

test('003: News18’s bio, labels, breadcrumb, disclaimer and links are gone; the story and its quotes stay', () => {
  const text = readingTextOf('003');
  assertTidy(text);
  assertAbsent(text, [
    '9 hours ago', 'Last Updated', 'REUTERS FILE', 'Shankhyaneel Sarkar', 'Chief Sub-Editor', 'Read More',
    'Location :', 'Washington D.C., United States of America', 'First Published', 'News world', 'Disclaimer',
    'Comments reflect users’ views', 'Read Full Article at Source',
  ]);
  assertInOrder(text, [
    'Donald Trump May Send US Troops To Mexico To Target Drug Cartels, CIA Likely To Take Part',
    'Trump administration officials have said that the deployment is not imminent',
    'US President Donald Trump is planning to deploy the US army',
    'They told broadcaster NBC News, who first reported the development',
    'Can the US Legally Send Troops Into Mexico?',
    '“I doubt it. I don’t think so," Trump said',
    'Experts say the attacks, which began in early September',
  ]);
  assert.ok(text.endsWith('even if they are aimed at suspected drug traffickers.'));
});

test('004: the donation and newsletter lines are gone; the single-spaced paragraphs stay', () => {
  const text = readingTextOf('004');
  assertTidy(text);
  assertAbsent(text, ['Please make a small donation', 'Tampa Free Press', 'Subscribe to our free newsletter']);
  assertInOrder(text, [
    'NBC News reported on Monday',
    'A senior administration official told NBC in response',
    'The final decision on the mission’s approval and scope is still pending',
  ]);
  assert.ok(text.endsWith('focus on transnational drug organizations.'));
});

test('restored spans come back in place; restoring all equals removing none', () => {
  const raw = 'Intro paragraph.\n\nAdvertisement\n\nMiddle paragraph.\n\nRead More\n\nEnd paragraph.';
  const spans = detectBoilerplate(raw);
  assert.equal(spans.length, 2);
  assert.equal(composeReadingText(raw, spans), 'Intro paragraph.\n\nMiddle paragraph.\n\nEnd paragraph.');
  assert.equal(composeReadingText(raw, spans, new Set([1])), 'Intro paragraph.\n\nMiddle paragraph.\n\nRead More\n\nEnd paragraph.');
  assert.equal(composeReadingText(raw, spans, new Set([0, 1])), raw);
});

test('a mid-line span removes only its characters; single-spaced paragraphs stay single-spaced', () => {
  const raw = 'date 2025-11-03 First line.\nAdvertisement\nSecond line.';
  const spans: BoilerplateSpan[] = [
    { start: 0, end: 16, reason: 'metadata-line' },
    { start: 28, end: 42, reason: 'ad-marker' },
  ];
  assert.equal(composeReadingText(raw, spans), 'First line.\nSecond line.');
});

test('property: with no spans the reading text is the raw text cleaned', () => {
  const unit = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\n', '\r', '\u00a0', 'é', '😀');
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit, maxLength: 200 }), fc.string({ maxLength: 200 })), (raw) => {
      assert.equal(composeReadingText(raw, []), referenceClean(raw));
    }),
    { numRuns: 1000 },
  );
});

test('property: for arbitrary spans the text is tidy, deterministic and maps back to raw characters', () => {
  const input = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\n', 'x'), maxLength: 150 }).chain((raw) =>
    fc.tuple(
      fc.constant(raw),
      fc.array(
        fc.tuple(fc.nat({ max: raw.length }), fc.nat({ max: raw.length })).map(([a, b]): BoilerplateSpan => ({
          start: Math.min(a, b),
          end: Math.max(a, b),
          reason: 'navigation',
        })),
        { maxLength: 6 },
      ),
      fc.array(fc.nat({ max: 6 }), { maxLength: 3 }),
    ),
  );
  fc.assert(
    fc.property(input, ([raw, spans, restoredIndexes]) => {
      const restored = new Set(restoredIndexes);
      const map = composeReadingTextMap(raw, spans, restored);
      assertTidy(map.text);
      assert.equal(map.text, composeReadingText(raw, spans, restored));
      for (let offset = 0; offset < map.text.length; offset += 1) {
        assert.equal(raw[rawOffsetOf(map, offset)], map.text[offset]);
      }
    }),
    { numRuns: 500 },
  );
});

test('composeReadingText finishes on 200k lines with 100k spans', () => {
  const raw = Array.from({ length: 200_000 }, (_, index) => (index % 2 === 0 ? 'Advertisement' : 'Prose line.')).join('\n\n');
  const text = composeReadingText(raw, detectBoilerplate(raw));
  assert.equal(text, Array.from({ length: 100_000 }, () => 'Prose line.').join('\n\n'));
});
