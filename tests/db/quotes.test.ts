import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import { openLibrary } from '../../src-main/engine/in-process';
import { openDatabase } from '../../src-main/core/store/database';
import { listQuoteRecords } from '../../src-main/core/store/quotes';
import type { DocumentSummary, IngestReport } from '../../src-main/contract/library';
import type { Quote, QuoteVerification } from '../../src-main/contract/quotes';

const SHEINBAUM = 'We reject any form of intervention or interference. That’s been very clear, Mexico coordinates and collaborates, but does not subordinate itself.';
const OFFICIAL = 'The Trump administration is committed to utilizing an all-of-government approach';

const folder = temporaryFolder();
const db = join(folder.dir, 'library.db');
let documents: DocumentSummary[] = [];
let quotes: Quote[] = [];
const seed = (prefix: string) => {
  const doc = documents.find((entry) => entry.path.includes(`/${prefix}_`));
  assert.ok(doc, `seed ${prefix} not found`);
  return doc;
};
const text = async (id: string) => (await runCli(db, 'text', id)).stdout;
const quoteIn = (prefix: string, start: string) => {
  const quote = quotes.find((entry) => entry.docId === seed(prefix).id && entry.text.startsWith(start));
  assert.ok(quote, `no quote starting "${start}" in ${prefix}`);
  return quote;
};

before(async () => {
  await runJson<IngestReport>(db, 'ingest', SEEDS);
  documents = await runJson<DocumentSummary[]>(db, 'docs');
  quotes = await runJson<Quote[]>(db, 'quotes');
});
after(() => folder.cleanup());

describe('quotes of the seeds', () => {
  test('the JSON has exactly the shape of CLI.md, and every text is the reading text between its offsets', async () => {
    assert.ok(quotes.length >= 8, `only ${quotes.length} quotes`);
    const readings = new Map<string, string>();
    for (const quote of quotes) {
      assert.deepEqual(Object.keys(quote), ['id', 'docId', 'path', 'text', 'speaker', 'start', 'end', 'kind', 'clusterId']);
      assert.equal(typeof quote.id, 'string');
      assert.ok(['direct', 'partial', 'transcript'].includes(quote.kind));
      assert.ok(quote.speaker === null || typeof quote.speaker === 'string');
      assert.ok(quote.clusterId === null || /^q[0-9a-f]{10}$/.test(quote.clusterId));
      assert.equal(quote.path, documents.find((doc) => doc.id === quote.docId)?.path);
      if (!readings.has(quote.docId)) readings.set(quote.docId, await text(quote.docId));
      assert.equal(readings.get(quote.docId)!.slice(quote.start, quote.end), quote.text);
    }
    assert.equal(new Set(quotes.map((quote) => quote.id)).size, quotes.length);
  });

  test('Sheinbaum’s quote in 001 and 002 is one cluster, credited to Claudia Sheinbaum in both', () => {
    const [first, second] = [quoteIn('001', 'We reject any form'), quoteIn('002', 'We reject any form')];
    assert.ok(first.clusterId);
    assert.equal(first.clusterId, second.clusterId);
    assert.equal(first.speaker, 'Claudia Sheinbaum');
    assert.equal(second.speaker, 'Claudia Sheinbaum');
  });

  test('the senior administration official’s quote in 002 and 004 is one cluster', () => {
    const [first, second] = [quoteIn('002', OFFICIAL), quoteIn('004', OFFICIAL)];
    assert.ok(first.clusterId);
    assert.equal(first.clusterId, second.clusterId);
    for (const quote of [first, second]) assert.match(quote.speaker ?? '', /^a senior administration official$/i);
  });

  test('--speaker matches the canonical name or its last word, case-insensitively; --doc and --story filter too', async () => {
    const bySurname = await runJson<Quote[]>(db, 'quotes', '--speaker', 'Sheinbaum');
    assert.ok(bySurname.length >= 2);
    assert.ok(bySurname.every((quote) => quote.speaker === 'Claudia Sheinbaum'));
    assert.deepEqual(await runJson<Quote[]>(db, 'quotes', '--speaker', 'claudia sheinbaum'), bySurname);
    assert.deepEqual(await runJson<Quote[]>(db, 'quotes', '--speaker', 'Claudia'), []);
    const ofDoc = await runJson<Quote[]>(db, 'quotes', '--doc', seed('002').path);
    assert.deepEqual(ofDoc, quotes.filter((quote) => quote.docId === seed('002').id));
    assert.deepEqual(ofDoc.map((quote) => quote.start), [...ofDoc.map((quote) => quote.start)].sort((a, b) => a - b));
    assert.deepEqual(await runJson<Quote[]>(db, 'quotes', '--story', 'seeds'), quotes);
    assert.equal((await runCli(db, 'quotes', '--story', 'nope')).status, 1);
    assert.equal((await runCli(db, 'quotes', '--doc', 'no-such-document')).status, 1);
    const readable = await runCli(db, 'quotes', '--speaker', 'Sheinbaum');
    assert.match(readable.stdout, /“We reject any form of intervention[^\n]*” — Claudia Sheinbaum/);
  });

  test('listQuoteClusters reports sources, first appearance and diffs', () => {
    const library = openLibrary(db);
    try {
      const result = library.engine.listQuoteClusters({});
      assert.ok(result.ok);
      const sheinbaum = result.value.find((cluster) => cluster.id === quoteIn('001', 'We reject any form').clusterId);
      assert.ok(sheinbaum);
      assert.deepEqual(new Set(sheinbaum.variants.map((variant) => variant.docId)), new Set([seed('001').id, seed('002').id]));
      assert.equal(sheinbaum.speaker, 'Claudia Sheinbaum');
      assert.deepEqual(sheinbaum.speakers, ['Claudia Sheinbaum']);
      assert.equal(sheinbaum.speakerAgrees, true);
      const dated = [seed('001'), seed('002')].filter((doc) => doc.published).sort((a, b) => a.published!.localeCompare(b.published!));
      assert.deepEqual(sheinbaum.firstAppearance, dated[0] ? { docId: dated[0].id, published: dated[0].published } : null);
      for (const variant of sheinbaum.variants) {
        assert.equal(variant.exact, true);
        assert.deepEqual(variant.diff.map((part) => part.op), ['same']);
      }
      const official = result.value.find((cluster) => cluster.id === quoteIn('002', OFFICIAL).clusterId);
      assert.ok(official);
      assert.deepEqual(new Set(official.variants.map((variant) => variant.docId)), new Set([seed('002').id, seed('004').id]));
      assert.ok(official.variants.every((variant) => variant.exact), 'a trailing comma or full stop is no difference');
      const story = library.engine.listQuoteClusters({ story: 'seeds' });
      assert.ok(story.ok);
      assert.deepEqual(story.value, result.value);
      const counts = result.value.map((cluster) => new Set(cluster.variants.map((variant) => variant.docId)).size);
      assert.ok(counts.every((count) => count >= 2));
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    } finally {
      library.close();
    }
  });

  test('listed records are the stored quotes, a document’s together, with ids made when asked rather than kept', () => {
    const connection = openDatabase(db);
    try {
      const records = listQuoteRecords(connection);
      assert.equal(records.length, quotes.length);
      // The CLI's quotes are these records in the same order, with the same ids and fields.
      assert.deepEqual(
        records.map((record) => [record.quoteId, record.docId, record.start, record.end, record.text, record.speaker, record.kind]),
        quotes.map((quote) => [quote.id, quote.docId, quote.start, quote.end, quote.text, quote.speaker, quote.kind]),
      );
      assert.ok(records.every((record) => !Object.hasOwn(record, 'quoteId')), 'a 100k story’s quote id strings are not kept');
      const seen = new Set<number>();
      records.forEach((record, index) => {
        if (index > 0 && records[index - 1]!.documentRowid === record.documentRowid) return;
        assert.ok(!seen.has(record.documentRowid), `document ${record.docId}'s quotes are not together`);
        seen.add(record.documentRowid);
      });
    } finally {
      connection.close();
    }
  });
});

describe('verify on the seeds', () => {
  test('the Sheinbaum quote is verbatim in 001 and 002, credited to her', async () => {
    const verification = await runJson<QuoteVerification>(db, 'verify', `“${SHEINBAUM}”`);
    assert.equal(verification.text, SHEINBAUM);
    assert.deepEqual(new Set(verification.matches.map((match) => match.docId)), new Set([seed('001').id, seed('002').id]));
    for (const match of verification.matches) {
      assert.equal(match.kind, 'verbatim');
      assert.equal((await text(match.docId)).slice(match.start, match.end), match.text);
      assert.equal(match.speaker, 'Claudia Sheinbaum');
      assert.equal(match.quoteId, quoteIn(match.docId === seed('001').id ? '001' : '002', 'We reject any form').id);
      assert.deepEqual(match.diff.map((part) => part.op), ['same']);
    }
  });

  test('a version with two words changed is found altered, with the diff', async () => {
    const changed = SHEINBAUM.replace('any form', 'every form').replace('interference', 'meddling');
    const verification = await runJson<QuoteVerification>(db, 'verify', changed);
    assert.deepEqual(new Set(verification.matches.map((match) => match.docId)), new Set([seed('001').id, seed('002').id]));
    for (const match of verification.matches) {
      assert.equal(match.kind, 'altered');
      assert.equal(match.text, SHEINBAUM.slice(0, -1), 'from its first word to its last');
      assert.deepEqual(match.diff.filter((part) => part.op !== 'same'), [
        { op: 'removed', text: 'every' },
        { op: 'added', text: 'any' },
        { op: 'removed', text: 'meddling' },
        { op: 'added', text: 'interference' },
      ]);
    }
    const readable = await runCli(db, 'verify', changed);
    assert.match(readable.stdout, /^Altered in .*001_.*credited to Claudia Sheinbaum:\n {4}We reject \[-every-\] \{\+any\+\} form of intervention or \[-meddling-\] \{\+interference\+\}/m);
  });

  test('nonsense is nowhere; a story limits the search; empty text is bad usage', async () => {
    const nowhere = await runJson<QuoteVerification>(db, 'verify', 'Purple elephants negotiate tariffs with the moon');
    assert.deepEqual(nowhere.matches, []);
    assert.equal((await runCli(db, 'verify', 'Purple elephants negotiate tariffs with the moon')).stdout, 'Not found in the library.\n');
    const inStory = await runJson<QuoteVerification>(db, 'verify', SHEINBAUM, '--story', 'seeds');
    assert.equal(inStory.matches.length, 2);
    assert.equal((await runCli(db, 'verify', SHEINBAUM, '--story', 'nope')).status, 1);
    assert.equal((await runCli(db, 'verify', '  ')).status, 2);
  });
});

describe('quotes follow the reading text', () => {
  test('a changed file replaces its quotes; a restored passage and a library without quotes get theirs on first use', async () => {
    const work = temporaryFolder();
    try {
      const story = join(work.dir, 'story');
      mkdirSync(story);
      const file = join(story, 'report.txt');
      const library = join(work.dir, 'library.db');
      copyFileSync(join(SEEDS, readSeedName('002')), file);
      await runJson(library, 'ingest', story);
      const before = await runJson<Quote[]>(library, 'quotes');
      assert.ok(before.some((quote) => quote.text.startsWith('We reject any form')));

      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace('We reject any form of intervention', 'We refuse every kind of intervention'));
      const report = await runJson<IngestReport>(library, 'ingest', story);
      assert.equal(report.updated, 1);
      const after = await runJson<Quote[]>(library, 'quotes');
      assert.ok(!after.some((quote) => quote.text.startsWith('We reject any form')));
      assert.ok(after.some((quote) => quote.text.startsWith('We refuse every kind of intervention')));
      const reading = (await runCli(library, 'text', file)).stdout;
      for (const quote of after) assert.equal(reading.slice(quote.start, quote.end), quote.text);

      const opened = openLibrary(library);
      try {
        const hidden = opened.engine.listBoilerplate({ doc: file });
        assert.ok(hidden.ok);
        if (hidden.value.length > 0) {
          assert.ok(opened.engine.setBoilerplateRestored({ doc: file, index: 0, restored: true }).ok);
          const restored = opened.engine.listQuotes({ doc: file });
          const text = opened.engine.getDocumentText({ doc: file });
          assert.ok(restored.ok && text.ok);
          for (const quote of restored.value) assert.equal(text.value.text.slice(quote.start, quote.end), quote.text);
        }
      } finally {
        opened.close();
      }

      // Quotes are found on first use, not during ingest: a document whose quotes were never found (a library
      // ingested before quotes existed) gets them when quotes are first read, with no ingest needed.
      const current = await runJson<Quote[]>(library, 'quotes');
      const connection = openDatabase(library);
      connection.exec('DELETE FROM quotes; UPDATE documents SET quotes_text_hash = NULL;');
      connection.close();
      const refound = await runJson<Quote[]>(library, 'quotes');
      assert.ok(current.length > 0);
      assert.deepEqual(refound, current);
    } finally {
      work.cleanup();
    }
  });
});

/** The file name of a seed by its number. */
function readSeedName(prefix: string): string {
  return seed(prefix).path.split('/').at(-1)!;
}
