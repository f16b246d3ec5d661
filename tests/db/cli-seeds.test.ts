import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import type { DocumentSummary, IngestReport } from '../../src-main/contract/library';
import type { SearchHit } from '../../src-main/contract/search';

const folder = temporaryFolder();
const db = join(folder.dir, 'library.db');
let documents: DocumentSummary[] = [];
const seed = (prefix: string) => {
  const doc = documents.find((entry) => entry.path.endsWith(`${prefix}`) || entry.path.includes(`/${prefix}_`));
  assert.ok(doc, `seed ${prefix} not found`);
  return doc;
};
const text = async (id: string) => (await runCli(db, 'text', id)).stdout;

before(async () => {
  const report = await runJson<IngestReport>(db, 'ingest', SEEDS);
  assert.deepEqual(report, { added: 5, updated: 0, unchanged: 0, missing: 0, failed: [] });
  documents = await runJson<DocumentSummary[]>(db, 'docs');
});
after(() => folder.cleanup());

describe('ingest and docs on the seeds', () => {
  test('docs prints the exact shape of CLI.md for every seed', () => {
    assert.equal(documents.length, 5);
    for (const doc of documents) {
      assert.deepEqual(Object.keys(doc).sort(), ['byline', 'id', 'outlet', 'path', 'published', 'stories', 'title', 'url', 'words'].sort());
      assert.equal(typeof doc.id, 'string');
      assert.ok(doc.path.startsWith(SEEDS));
      assert.ok(Number.isInteger(doc.words) && doc.words > 200, `${doc.path} has ${doc.words} words`);
      assert.deepEqual(doc.stories, ['seeds']);
      for (const key of ['title', 'outlet', 'byline', 'url'] as const) assert.ok(doc[key] === null || typeof doc[key] === 'string');
      assert.ok(doc.published === null || /^\d{4}-\d{2}-\d{2}/.test(doc.published));
    }
  });

  test('001 is published 2025-11-03 from its "date 2025-11-03" line', () => {
    assert.match(seed('001').published ?? '', /^2025-11-03/);
  });

  test('003 is News18, by Shankhyaneel Sarkar, 2025-11-03, with its headline', () => {
    const doc = seed('003');
    assert.equal(doc.outlet, 'News18');
    assert.equal(doc.byline, 'Shankhyaneel Sarkar');
    assert.match(doc.published ?? '', /^2025-11-03/);
    assert.equal(doc.title, 'Donald Trump May Send US Troops To Mexico To Target Drug Cartels, CIA Likely To Take Part');
  });

  test('004 is Tampa Free Press', () => {
    assert.equal(seed('004').outlet, 'Tampa Free Press');
  });

  test('re-ingesting the unchanged seeds changes nothing', async () => {
    const report = await runJson<IngestReport>(db, 'ingest', SEEDS);
    assert.deepEqual(report, { added: 0, updated: 0, unchanged: 5, missing: 0, failed: [] });
  });
});

describe('reading texts of the seeds', () => {
  test('boilerplate is gone and the prose around it stays in order', async () => {
    const t000 = await text(seed('000').id);
    assert.doesNotMatch(t000, /^Advertisement$/m);
    assert.doesNotMatch(t000, /Editor’s Note: The Schumer Shutdown/);
    assert.doesNotMatch(t000, /promo code/);
    assert.doesNotMatch(t000, /pic\.twitter\.com/);
    const order = [
      'The Trump administration is reportedly planning military action in Mexico',
      'But now, it appears the administration will be taking further action in Mexico',
      'The new operations will rely primarily on drone strikes',
      'The Independent reported that the CIA',
      '“I don’t think we\'re going to necessarily ask for a declaration of war.',
    ];
    let cursor = -1;
    for (const sentence of order) {
      const at = t000.indexOf(sentence);
      assert.ok(at > cursor, `"${sentence}" missing or out of order`);
      cursor = at;
    }

    const t001 = await text(seed('001').id);
    assert.doesNotMatch(t001, /pic\.twitter\.com/);
    assert.ok(t001.startsWith('The Trump administration is considering'));

    const t002 = await text(seed('002').id);
    assert.doesNotMatch(t002, /Photo: Chantel \/ Unsplash/);
    assert.ok(t002.startsWith('The Trump administration is planning a military operation'));

    const t003 = await text(seed('003').id);
    for (const gone of [/is a Chief Sub-Editor at News18/, /^Read More$/m, /^Location :/m, /^First Published:/m, /Disclaimer: Comments reflect/, /Read Full Article at Source/]) {
      assert.doesNotMatch(t003, gone);
    }
    assert.ok(t003.includes('“I doubt it. I don’t think so," Trump said'));
    assert.ok(t003.indexOf('Can the US Legally Send Troops Into Mexico?') < t003.indexOf('Experts say the attacks'));

    const t004 = await text(seed('004').id);
    assert.doesNotMatch(t004, /small donation/);
    assert.doesNotMatch(t004, /Subscribe to our free newsletter/);
    assert.ok(t004.trimEnd().endsWith('intensification of the administration’s focus on transnational drug organizations.'));
  });

  test('--raw keeps everything the file said', async () => {
    const raw = (await runCli(db, 'text', seed('000').id, '--raw')).stdout;
    assert.match(raw, /Editor’s Note: The Schumer Shutdown/);
    assert.match(raw, /^Advertisement$/m);
  });

  test('text accepts a path as well as an id, and prints exactly the reading text', async () => {
    const doc = seed('002');
    const byPath = (await runCli(db, 'text', doc.path)).stdout;
    assert.equal(byPath, await text(doc.id));
    assert.ok(!byPath.endsWith('\n'));
  });

  test('an unknown document is a failure (exit 1) with one sentence on stderr', async () => {
    const run = await runCli(db, 'text', 'no-such-document');
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^parallax: No document with the id or path "no-such-document" is in the library\.\n$/);
  });
});

describe('search on the seeds', () => {
  test('results have the CLI.md shape and snippets index the reading text', async () => {
    const hits = await runJson<SearchHit[]>(db, 'search', 'Title 50');
    assert.ok(hits.length >= 2);
    for (const hit of hits) {
      assert.deepEqual(Object.keys(hit).sort(), ['id', 'path', 'score', 'snippets', 'title']);
      const reading = await text(hit.id);
      assert.ok(hit.snippets.length > 0);
      for (const snippet of hit.snippets) {
        assert.deepEqual(Object.keys(snippet).sort(), ['end', 'start', 'text']);
        assert.equal(reading.slice(snippet.start, snippet.end), snippet.text);
      }
      assert.match(hit.snippets.map((snippet) => snippet.text).join(' '), /Title 50/);
    }
    const scores = hits.map((hit) => hit.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });

  test('phrases, boolean operators, fields, prefixes and fuzzy terms narrow results as expected', async () => {
    const ids = async (query: string) => new Set((await runJson<SearchHit[]>(db, 'search', query)).map((hit) => hit.id));
    const all = new Set(documents.map((doc) => doc.id));
    assert.deepEqual(await ids('"senior administration official"'), new Set([seed('002').id, seed('004').id]));
    assert.deepEqual(await ids('Sheinbaum'), new Set([seed('001').id, seed('002').id]));
    assert.deepEqual(await ids('Mexico -Sheinbaum'), new Set([...all].filter((id) => id !== seed('001').id && id !== seed('002').id)));
    assert.deepEqual(await ids('Pershing OR Reddit'), new Set([seed('001').id, seed('003').id]));
    assert.deepEqual(await ids('outlet:News18'), new Set([seed('003').id]));
    assert.deepEqual(await ids('Shein*'), new Set([seed('001').id, seed('002').id]));
    assert.deepEqual(await ids('Sheinbam~1'), new Set([seed('001').id, seed('002').id]));
  });

  test('a title hit ranks first', async () => {
    const hits = await runJson<SearchHit[]>(db, 'search', 'CIA Likely');
    assert.equal(hits[0]?.id, seed('003').id);
  });

  test('a malformed query exits 2 with a message and prints nothing on stdout', async () => {
    const run = await runCli(db, 'search', '"drug cart', '--json');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /quote/i);
  });

  test('--story searches the passages of that story', async () => {
    const hits = await runJson<SearchHit[]>(db, 'search', 'Sheinbaum', '--story', 'seeds');
    assert.deepEqual(new Set(hits.map((hit) => hit.id)), new Set([seed('001').id, seed('002').id]));
    for (const hit of hits) {
      const reading = await text(hit.id);
      for (const snippet of hit.snippets) assert.equal(reading.slice(snippet.start, snippet.end), snippet.text);
      assert.match(hit.snippets.map((snippet) => snippet.text).join(' '), /Sheinbaum/);
    }
    const phrase = await runJson<SearchHit[]>(db, 'search', '"senior administration official"', '--story', 'seeds');
    assert.deepEqual(new Set(phrase.map((hit) => hit.id)), new Set([seed('002').id, seed('004').id]));
    const unknown = await runCli(db, 'search', 'Mexico', '--story', 'nope');
    assert.equal(unknown.status, 1);
  });
});
