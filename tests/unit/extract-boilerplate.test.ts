import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectBoilerplate } from '../../src-main/core/extract/boilerplate';
import { normalizedSeed } from '../support/seed-text';
import type { BoilerplateSpan } from '../../src-main/core/extract/types';

function seed(prefix: string): string {
  return normalizedSeed(prefix);
}

/** The reason of the span covering the first occurrence of `fragment`, or undefined when no span covers it. */
function reasonAt(text: string, spans: BoilerplateSpan[], fragment: string): string | undefined {
  const at = text.indexOf(fragment);
  assert.notEqual(at, -1, `fragment present: ${fragment}`);
  return spans.find((span) => span.start <= at && at + fragment.length <= span.end)?.reason;
}

function assertWellFormed(text: string, spans: BoilerplateSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.ok(span.start >= previousEnd, 'sorted and non-overlapping');
    assert.ok(span.start < span.end, 'non-empty');
    assert.ok(span.end <= text.length, 'within bounds');
    previousEnd = span.end;
  }
}

test('000: ad markers, tweet credit lines and the editor’s-note promo are marked', () => {
  const text = seed('000');
  const spans = detectBoilerplate(text);
  assertWellFormed(text, spans);
  assert.equal(reasonAt(text, spans, 'Advertisement\n'), 'ad-marker');
  assert.equal(reasonAt(text, spans, 'pic.twitter.com/IphgYwbaFC — Visegrád 24 (@visegrad24) November 3, 2025'), 'social-embed');
  assert.equal(reasonAt(text, spans, 'This marks a significant escalation… pic.twitter.com/wGMJG3lgUz'), 'social-embed');
  assert.equal(reasonAt(text, spans, 'Editor’s Note: The Schumer Shutdown is here.'), 'promotion');
  assert.equal(reasonAt(text, spans, 'Use promo code POTUS47'), 'promotion');
  assert.equal(spans.filter((span) => span.reason === 'ad-marker').length, 2);
  assert.equal(reasonAt(text, spans, 'according to NBC News.'), undefined);
  assert.equal(reasonAt(text, spans, 'According to NBC News, citing U.S. officials'), undefined);
  assert.equal(reasonAt(text, spans, 'The new operations will rely primarily on drone strikes'), undefined);
  assert.equal(reasonAt(text, spans, '“I don’t think we\'re going to necessarily ask'), undefined);
});

test('001: only the leading "date 2025-11-03 " token is metadata, not the prose after it', () => {
  const text = seed('001');
  const spans = detectBoilerplate(text);
  assertWellFormed(text, spans);
  const first = spans[0];
  assert.ok(first);
  assert.equal(first.reason, 'metadata-line');
  assert.equal(text.slice(first.start, first.end), 'date 2025-11-03 ');
  assert.equal(reasonAt(text, spans, '🚨Update: President Trump is preparing'), 'social-embed');
  assert.equal(reasonAt(text, spans, 'According to News18, the plan'), undefined);
  assert.equal(spans.length, 2);
});

test('002: the photo credit is marked and nothing else', () => {
  const text = seed('002');
  const spans = detectBoilerplate(text);
  assert.deepEqual(spans.map((span) => [text.slice(span.start, span.end), span.reason]), [
    ['Photo: Chantel / Unsplash\n', 'photo-credit'],
  ]);
});

test('003: News18 chrome — timestamps, caption, bio block, field labels, breadcrumb, disclaimer — is marked', () => {
  const text = seed('003');
  const spans = detectBoilerplate(text);
  assertWellFormed(text, spans);
  assert.equal(reasonAt(text, spans, '9 hours ago'), 'navigation');
  assert.equal(reasonAt(text, spans, 'Last Updated:November 03, 2025, 20:49 IST'), 'navigation');
  assert.equal(reasonAt(text, spans, 'REUTERS FILE)\n'), 'photo-credit');
  assert.equal(reasonAt(text, spans, 'razor wire fence for an encampment'), 'photo-credit');
  assert.equal(reasonAt(text, spans, 'Shankhyaneel Sarkar\n\nShankhyaneel Sarkar\n\nShankhyaneel Sarkar is a'), 'author-bio');
  assert.equal(reasonAt(text, spans, 'covered se...\n'), 'author-bio');
  assert.equal(reasonAt(text, spans, 'Location :\n\nWashington D.C., United States of America (USA)'), 'navigation');
  assert.equal(reasonAt(text, spans, 'First Published:\n\nNovember 03, 2025, 20:48 IST'), 'navigation');
  assert.equal(reasonAt(text, spans, 'News world Donald Trump May Send US Troops'), 'navigation');
  assert.equal(reasonAt(text, spans, 'Disclaimer: Comments reflect users’ views'), 'disclaimer');
  assert.equal(reasonAt(text, spans, 'Read Full Article at Source'), 'navigation');
  assert.equal(reasonAt(text, spans, 'Donald Trump May Send US Troops To Mexico'), undefined, 'the headline itself stays');
  assert.equal(reasonAt(text, spans, 'Can the US Legally Send Troops Into Mexico?'), undefined);
  assert.equal(reasonAt(text, spans, 'Experts say the attacks'), undefined);
});

test('004: the donation appeal and the newsletter line are marked, prose with "NBC" is not', () => {
  const text = seed('004');
  const spans = detectBoilerplate(text);
  assert.deepEqual(
    spans.map((span) => span.reason),
    ['promotion', 'newsletter'],
  );
  assert.equal(reasonAt(text, spans, 'Please make a small donation to the Tampa Free Press'), 'promotion');
  assert.equal(reasonAt(text, spans, 'Sign up: Subscribe to our free newsletter'), 'newsletter');
});

test('every seed gets whole-line spans (start at a line start, end after a line feed or at the end)', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const text = seed(prefix);
    for (const span of detectBoilerplate(text)) {
      assert.ok(span.start === 0 || text[span.start - 1] === '\n', `${prefix} span starts a line`);
      if (span.reason !== 'metadata-line') {
        assert.ok(span.end === text.length || text[span.end - 1] === '\n', `${prefix} span ends a line`);
      }
    }
  }
});

test('prose that mentions cue words inside a sentence is never marked', () => {
  const prose = [
    'But now, it appears the administration will act, according to NBC News.',
    'The photo, taken on Monday, shows soldiers near the border wall in Texas.',
    'Advertising revenue at the network fell by a fifth, according to the filing.',
    'Advertisement revenue fell by 20%, the company said.',
    'The newsletter Playbook reported the plan first, citing two officials.',
    'Read more about the plan in the Pentagon’s own report, which was published in May.',
    'Officials said the mission would be kept secret. Sources said planning remains preliminary.',
    'By the time officials arrived, the camp was empty.',
    'By Monday, the troops had left the region.',
    'Published in 1998, the report is still cited by analysts.',
    'Support for the plan has grown among members of Congress, who contributed to the bill.',
    'Help us find her, the family pleaded on Monday.',
    'Sign up for the draft was mandatory in 1917, historians say.',
    '“Please make a decision,” the senator told reporters at the Capitol.',
    'Jane Doe is a professor at Harvard University. She said the plan was risky.',
    'John Smith is a reporter at the Daily Tribune. He was detained by police on Monday and later released.',
    'The minister posted a photo on Instagram and a video on YouTube.',
    'About Face, the veterans group, said the plan was reckless.',
    'The group used Getty Images photos in its campaign.',
    'Disclaimers were added to the posts after the complaints.',
    'Location data showed the convoy near the border.',
    'Comments reflect a growing frustration among officials, analysts said.',
    'Editor’s note: This story has been updated to correct the date of the strike.',
    'Donald Trump has said he wants to strike the cartels.',
  ].join('\n\n');
  assert.deepEqual(detectBoilerplate(prose), []);
});

test('general shapes from other outlets are recognised', () => {
  const cases: Array<[string, string]> = [
    ['ADVERTISEMENT', 'ad-marker'],
    ['Story continues below advertisement', 'ad-marker'],
    ['Just a tweet — Jane Doe (@janedoe) March 14, 2026', 'social-embed'],
    ['A post shared by Jane Doe (@jane.doe)', 'social-embed'],
    ['Get our free Morning Briefing newsletter in your inbox every weekday.', 'newsletter'],
    ['Support our journalism. Become a member today.', 'promotion'],
    ['If you value our reporting, please make a donation.', 'promotion'],
    ['Soldiers patrol the border on Monday. (AP Photo/Evan Vucci)', 'photo-credit'],
    ['AFP via Getty Images', 'photo-credit'],
    ['Photo by Jane Doe on Unsplash', 'photo-credit'],
    ['###', 'press-release-trailer'],
    ['Media contact:', 'press-release-trailer'],
    ['Read more: Trump weighs strikes on cartels', 'navigation'],
    ['Updated 3:04 PM EST, Mon November 3, 2025', 'navigation'],
    ['Published March 14, 2026', 'navigation'],
    ['Home > World > Americas', 'navigation'],
    ['Disclaimer: This article is for information only.', 'disclaimer'],
    ['© 2025 The Daily Planet. All rights reserved.', 'disclaimer'],
    ['By Jane Doe and John Roe', 'metadata-line'],
  ];
  for (const [line, reason] of cases) {
    const text = `First paragraph of prose, which stays.\n\n${line}\n\nLast paragraph of prose, which stays.`;
    const spans = detectBoilerplate(text);
    assert.deepEqual(
      spans.map((span) => [text.slice(span.start, span.end), span.reason]),
      [[`${line}\n`, reason]],
      line,
    );
  }
});

test('press-release "About" block and contact lines are a trailer; an unrelated "About" heading is not', () => {
  const release = [
    'Acme Corp today announced a new product for newsrooms.',
    '###',
    'About Acme',
    'Acme Corp is a software company based in Springfield that builds tools for reporters.',
    'Media contact:',
    'Jane Doe',
    'press@acme.example',
  ].join('\n\n');
  const spans = detectBoilerplate(release);
  assert.equal(spans.length, 1);
  assert.equal(release.slice(spans[0]?.start, spans[0]?.end), release.slice(release.indexOf('###')));
  const feature = 'About Face\n\nThe veterans group said on Monday that the plan was reckless and dangerous.';
  assert.deepEqual(detectBoilerplate(feature), []);
});

test('a bio sentence is marked when headed by its name line, not in the middle of the story', () => {
  const tail = 'Prose paragraph of the story.\n\nJane Doe\n\nJane Doe is a senior reporter at The Daily Planet. She covers the courts.';
  const spans = detectBoilerplate(tail);
  assert.deepEqual(spans.map((span) => [tail.slice(span.start, span.end), span.reason]), [
    ['Jane Doe\n\nJane Doe is a senior reporter at The Daily Planet. She covers the courts.', 'author-bio'],
  ]);
});

const pieces = [
  'Advertisement', 'Read More', 'Location :', 'Washington', 'First Published:', 'November 03, 2025, 20:48 IST',
  'Jane Doe', 'Jane Doe is a reporter at News18. She covers…', 'date 2025-11-03 Prose after the token.', '',
  'pic.twitter.com/x — A (@a) November 3, 2025', 'Photo: A / Unsplash', 'REUTERS FILE)', '###', 'About Acme',
  'Acme is a company.', 'Prose sentence that stays.', 'Media contact:', 'a@b.example', 'By Jane Doe, Reuters',
  'Editor’s Note: x', 'Help us continue. Use promo code X.', 'News world Headline Of The Story Is Here',
];

test('property: spans are sorted, non-overlapping and within bounds for arbitrary input', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((lines) => lines.join('\n')),
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 30 })), { maxLength: 30 }).map((lines) => lines.join('\n')),
      ),
      (text) => {
        const spans = detectBoilerplate(text);
        assertWellFormed(text, spans);
      },
    ),
    { numRuns: 500 },
  );
});

test('detectBoilerplate finishes on a 1 MB single line and on 200k lines (no catastrophic backtracking)', () => {
  const oneMegabyte = 'a (b) — c (@d) November 3, 2025 pic '.repeat(30_000).slice(0, 1_000_000);
  assert.ok(Array.isArray(detectBoilerplate(oneMegabyte)));
  assert.ok(Array.isArray(detectBoilerplate(' '.repeat(1_000_000) + 'x')));
  assert.ok(Array.isArray(detectBoilerplate('('.repeat(500_000) + 'Photo: ' + '-'.repeat(500_000))));
  assert.ok(Array.isArray(detectBoilerplate('Jane Doe is a reporter at '.repeat(40_000))));
  const manyLines = Array.from({ length: 200_000 }, (_, index) => pieces[index % pieces.length]).join('\n');
  assert.ok(detectBoilerplate(manyLines).length > 0);
  assert.ok(Array.isArray(detectBoilerplate('\n'.repeat(200_000))));
});
