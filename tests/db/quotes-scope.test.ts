import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpus } from '../bench/corpus';
import { SEEDS } from '../support/cli';
import { ok, temporaryLibrary } from '../support/engine-library';
import { openDatabase } from '../../src-main/core/store/database';
import type { DocumentSummary } from '../../src-main/contract/library';
import type { Quote } from '../../src-main/contract/quotes';

const SHEINBAUM = 'We reject any form of intervention or interference';
const SYNTHETIC_DOCUMENTS = 120;

const library = temporaryLibrary();
const dbFile = join(library.dir, 'library.db');
let documents: DocumentSummary[] = [];

/** Documents whose quotes were found in their current reading text, and the documents that have quote rows. */
function ledgerState(): { current: string[]; withQuotes: string[] } {
  const db = openDatabase(dbFile);
  try {
    const current = db.prepare('SELECT id FROM documents WHERE quotes_text_hash IS text_hash ORDER BY id').pluck().all() as string[];
    const withQuotes = db.prepare('SELECT DISTINCT d.id FROM quotes q JOIN documents d ON d.rowid = q.document_rowid ORDER BY d.id').pluck().all() as string[];
    return { current, withQuotes };
  } finally {
    db.close();
  }
}

/** A seed document by its file-name prefix ("002"). */
function seed(prefix: string): DocumentSummary {
  const found = documents.find((document) => document.path.includes(`/${prefix}_`));
  assert.ok(found, `seed ${prefix} not found`);
  return found;
}

/** A quote without its cluster id (which counts the documents read so far). */
function withoutCluster({ clusterId: _clusterId, ...quote }: Quote): Omit<Quote, 'clusterId'> {
  return quote;
}

before(async () => {
  const folder = join(library.dir, 'story');
  writeCorpus(folder, SYNTHETIC_DOCUMENTS);
  for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) copyFileSync(join(SEEDS, name), join(folder, name));
  await ok(library.engine.ingest({ paths: [folder] }));
  documents = await ok(library.engine.listDocuments({}));
});
after(() => library.done());

describe('quotes are read for what a request is about', () => {
  test('a request about one document reads that document only, not the library', async () => {
    assert.ok(documents.length > SYNTHETIC_DOCUMENTS);
    assert.deepEqual(ledgerState(), { current: [], withQuotes: [] }, 'ingest reads no quotes');

    const report = seed('002');
    const quotes = await ok(library.engine.listQuotes({ doc: report.id }));
    assert.ok(quotes.some((quote) => quote.text.startsWith(SHEINBAUM)));
    assert.deepEqual(ledgerState(), { current: [report.id], withQuotes: [report.id] });

    const filtered = await ok(library.engine.listQuotes({ doc: seed('001').id, speaker: 'Sheinbaum', story: 'story' }));
    assert.ok(filtered.length > 0 && filtered.every((quote) => quote.speaker === 'Claudia Sheinbaum'));
    assert.deepEqual(ledgerState().current, [report.id, seed('001').id].sort());

    const again = await ok(library.engine.listQuotes({ doc: report.id }));
    assert.deepEqual(again.map(withoutCluster), quotes.map(withoutCluster), 'asked again, nothing more is read');
    assert.equal(ledgerState().current.length, 2);
  });

  test('verifying a quote reads the documents it appears in only', async () => {
    const before = ledgerState().current;
    const verification = await ok(library.engine.verifyQuote({ text: SHEINBAUM }));
    const matched = [...new Set(verification.matches.map((match) => match.docId))].sort();
    assert.deepEqual(matched, [seed('001').id, seed('002').id].sort());
    assert.ok(verification.matches.every((match) => match.speaker === 'Claudia Sheinbaum' && match.quoteId !== null));
    assert.deepEqual(ledgerState().current, [...new Set([...before, ...matched])].sort());
  });

  test('the ledger reads every document, and then one document’s quotes are its share of the ledger', async () => {
    const early = await ok(library.engine.listQuotes({ doc: seed('004').id }));
    const clusters = await ok(library.engine.listQuoteClusters({}));
    assert.equal(ledgerState().current.length, documents.length);
    assert.ok(clusters.length > 0);
    const ledger = await ok(library.engine.listQuotes({}));
    for (const doc of [seed('002').id, seed('004').id, documents[7]!.id]) {
      assert.deepEqual(await ok(library.engine.listQuotes({ doc })), ledger.filter((quote) => quote.docId === doc));
    }
    const late = ledger.filter((quote) => quote.docId === seed('004').id);
    assert.deepEqual(early.map(withoutCluster), late.map(withoutCluster), 'the same quotes, whenever they are read');
    assert.ok(late.some((quote) => quote.clusterId !== null), 'shared with 002 once that is read');
  });

  test('after the ledger, a changed document is read again alone, when it is asked about', async () => {
    const changed = documents.find((document) => document.path.includes('/article-'));
    assert.ok(changed);
    const hidden = await ok(library.engine.listBoilerplate({ doc: changed.id }));
    assert.ok(hidden.length > 0, 'the synthetic articles have an advertisement marker');
    await ok(library.engine.setBoilerplateRestored({ doc: changed.id, index: 0, restored: true }));
    const others = documents.filter((document) => document.id !== changed.id).map((document) => document.id).sort();
    assert.deepEqual(ledgerState().current, others);

    await ok(library.engine.listQuotes({ doc: seed('003').id }));
    assert.deepEqual(ledgerState().current, others, 'a request about another document leaves it stale');
    const text = (await ok(library.engine.getDocumentText({ doc: changed.id }))).text;
    const quotes = await ok(library.engine.listQuotes({ doc: changed.id }));
    assert.equal(ledgerState().current.length, documents.length);
    for (const quote of quotes) assert.equal(text.slice(quote.start, quote.end), quote.text);

    const ledger = await ok(library.engine.listQuotes({}));
    assert.deepEqual(await ok(library.engine.listQuotes({ doc: changed.id })), ledger.filter((quote) => quote.docId === changed.id));
  });
});
