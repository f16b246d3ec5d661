import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectBoilerplate } from '../../src-main/core/extract/boilerplate';
import { metadataFromText } from '../../src-main/core/extract/text-metadata';
import { normalizedSeed } from '../support/seed-text';
import type { DocumentMetadata } from '../../src-main/core/extract/types';

function metadataOfSeed(prefix: string): DocumentMetadata {
  const raw = normalizedSeed(prefix);
  return metadataFromText(raw, detectBoilerplate(raw));
}

function metadataOf(raw: string): DocumentMetadata {
  return metadataFromText(raw, detectBoilerplate(raw));
}

const body = '\n\nThe first paragraph of the story says something. It goes on.\n\nA second paragraph follows it.';

test('000: nothing says which outlet or when — all null', () => {
  assert.deepEqual(metadataOfSeed('000'), { title: null, outlet: null, byline: null, published: null, url: null });
});

test('001: published from the leading date token; outlets cited in prose are not the outlet', () => {
  const metadata = metadataOfSeed('001');
  assert.equal(metadata.published, '2025-11-03');
  assert.equal(metadata.outlet, null);
  assert.equal(metadata.byline, null);
  assert.equal(metadata.title, null);
});

test('002: the photo credit is no title and Unsplash is no outlet', () => {
  assert.deepEqual(metadataOfSeed('002'), { title: null, outlet: null, byline: null, published: null, url: null });
});

test('003: News18 — title, bio byline, outlet and the first-published day', () => {
  const metadata = metadataOfSeed('003');
  assert.equal(metadata.title, 'Donald Trump May Send US Troops To Mexico To Target Drug Cartels, CIA Likely To Take Part');
  assert.equal(metadata.outlet, 'News18');
  assert.equal(metadata.byline, 'Shankhyaneel Sarkar');
  assert.ok(metadata.published?.startsWith('2025-11-03'), String(metadata.published));
  assert.equal(metadata.published, '2025-11-03T20:48:00+05:30', 'first published (20:48), not last updated (20:49)');
});

test('004: the outlet comes from the donation signature', () => {
  const metadata = metadataOfSeed('004');
  assert.equal(metadata.outlet, 'Tampa Free Press');
  assert.equal(metadata.title, null);
  assert.equal(metadata.byline, null);
});

test('bylines in the usual forms', () => {
  assert.equal(metadataOf(`By Jane Doe${body}`).byline, 'Jane Doe');
  assert.equal(metadataOf(`By Jane Doe and John Roe${body}`).byline, 'Jane Doe and John Roe');
  const withOutlet = metadataOf(`By Jane Doe, Reuters${body}`);
  assert.deepEqual([withOutlet.byline, withOutlet.outlet], ['Jane Doe', 'Reuters']);
  const barred = metadataOf(`By Jane Doe | Tampa Bay Times | March 14, 2026${body}`);
  assert.deepEqual([barred.byline, barred.outlet, barred.published], ['Jane Doe', 'Tampa Bay Times', '2026-03-14']);
  const posted = metadataOf(`Posted March 14, 2026 by Jane Doe${body}`);
  assert.deepEqual([posted.byline, posted.published], ['Jane Doe', '2026-03-14']);
  assert.equal(metadataOf(`By Jane Doe, Staff Writer${body}`).outlet, null);
  assert.equal(metadataOf(`By Jane Doe, Washington${body}`).outlet, null, 'a place is not an outlet');
  assert.equal(metadataOf(`By the time officials arrived, the camp was empty.${body}`).byline, null);
});

test('datelines give the outlet from the agency tag', () => {
  assert.equal(metadataOf('WASHINGTON (Reuters) — The Pentagon said on Monday that troops would move.').outlet, 'Reuters');
  assert.equal(metadataOf('MEXICO CITY, Nov 3 (AP) — Mexico rejected the plan on Monday.').outlet, 'AP');
  assert.equal(metadataOf('The agency (AP) said nothing — and moved on.').outlet, null);
});

test('date lines in the usual news forms; first-published beats last-updated', () => {
  const day = (line: string): string | undefined => metadataOf(`${line}${body}`).published?.slice(0, 10);
  assert.equal(day('date 2025-11-03 The story starts here.'), '2025-11-03');
  assert.equal(day('Published March 14, 2026'), '2026-03-14');
  assert.equal(day('Published: 14 March 2026'), '2026-03-14');
  assert.equal(day('Last Updated: November 03, 2025, 20:49 IST'), '2025-11-03');
  assert.equal(day('First Published: November 03, 2025, 20:48 IST'), '2025-11-03');
  assert.equal(day('Updated 3:04 PM EST, Mon November 3, 2025'), '2025-11-03');
  assert.equal(metadataOf(`Updated 3:04 PM EST, Mon November 3, 2025${body}`).published, '2025-11-03T15:04:00-05:00');
  assert.equal(metadataOf(`Updated 11:30 PM PST, Mon November 3, 2025${body}`).published?.slice(0, 10), '2025-11-03');
  const both = metadataOf(`Last Updated: November 04, 2025${body}\n\nPublished: November 03, 2025`);
  assert.equal(both.published, '2025-11-03');
  assert.equal(day('Published in 1998, the report is still cited.'), undefined);
  assert.equal(day('Published 03/11/2025'), undefined, 'numeric d/m/y is ambiguous');
  assert.equal(day('Published February 30, 2025'), undefined, 'impossible day');
});

test('titles: a standalone headline line or a Markdown heading; prose and long lines are not titles', () => {
  assert.equal(metadataOf(`Troops Head To The Border${body}`).title, 'Troops Head To The Border');
  assert.equal(metadataOf(`# Troops head to the border${body}`).title, 'Troops head to the border');
  assert.equal(metadataOf(`Is This The End Of The Cartels?${body}`).title, 'Is This The End Of The Cartels?');
  assert.equal(metadataOf(`The troops went to the border on Monday.${body}`).title, null);
  assert.equal(metadataOf(`Troops Head To The Border\nThe first paragraph follows without a blank line.`).title, null);
  assert.equal(metadataOf(`${'Word '.repeat(60).trim()}${body}`).title, null);
  assert.equal(metadataOf(`Advertisement\n\nTroops Head To The Border${body}`).title, 'Troops Head To The Border');
});

test('signature lines name the outlet; mentions in prose never do', () => {
  assert.equal(metadataOf(`Prose paragraph.\n\n© 2025 The Daily Planet. All rights reserved.`).outlet, 'The Daily Planet');
  assert.equal(metadataOf(`Prose paragraph.\n\nThis article originally appeared in The Conversation.`).outlet, 'The Conversation');
  assert.equal(metadataOf(`Prose paragraph.\n\nDisclaimer: Comments reflect users’ views, not Daily Planet’s.`).outlet, 'Daily Planet');
  const prose = [
    'But now, it appears the administration will act, according to NBC News.',
    'The Independent reported that the CIA has begun training.',
    'The broadcaster told CBS News that it was not News18’s view, nor the Daily Mail’s.',
    'Viewers gave a donation to the Red Cross after the storm.',
  ].join('\n\n');
  assert.equal(metadataOf(prose).outlet, null);
});

test('metadataFromText finishes on a 1 MB single line and on 200k lines', () => {
  assert.equal(metadataOf('WASHINGTON (Reuters) — '.repeat(45_000)).title, null);
  assert.equal(metadataOf(`By Jane Doe ${'x'.repeat(1_000_000)}`).byline, null);
  const lines = ['Jane Doe', 'Jane Doe is a reporter at News18. She…', 'Advertisement', 'Prose.', '', 'First Published:'];
  const many = Array.from({ length: 200_000 }, (_, index) => lines[index % lines.length]).join('\n');
  assert.equal(metadataOf(many).outlet, 'News18');
});
