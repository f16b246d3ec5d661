import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeArticleEml, makeEml } from '../support/eml-fixture';
import { ok, temporaryLibrary } from '../support/engine-library';

const utf8 = (text: string) => new TextEncoder().encode(text);
const STATEMENT = 'Statement of the port authority\n\nThe harbour will close on Friday for repairs, the authority said in a statement.\n';
const FORWARDED = makeArticleEml(['The forwarded tip says the harbour closure was decided in March.'], { subject: 'Fwd: the closure' });

function tip(attachments: { fileName: string; contentType: string; bytes: Uint8Array }[]): Uint8Array {
  return makeEml({
    from: '"Dana Ortiz" <dana@example.org>',
    to: 'desk@example.org',
    date: '2026-03-14T09:30:00Z',
    subject: 'Harbour documents',
    text: 'Here is the statement I mentioned. “It is final,” the director told me.',
    attachments,
  });
}

test('an e-mail\'s supported attachments become documents linked to it, in its story, and follow it', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const story = join(dir, 'harbour');
    mkdirSync(story);
    const message = join(story, 'tip.eml');
    const attachments = [
      { fileName: 'statement.txt', contentType: 'text/plain', bytes: utf8(STATEMENT) },
      { fileName: 'forwarded.eml', contentType: 'message/rfc822', bytes: FORWARDED },
      { fileName: 'photo.png', contentType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    ];
    writeFileSync(message, tip(attachments));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 3, updated: 0, unchanged: 0, missing: 0, failed: [] });
    const documents = await ok(engine.listDocuments({ story: 'harbour' }));
    const byPath = new Map(documents.map((doc) => [doc.path, doc]));
    const mail = byPath.get(message);
    assert.equal(mail?.title, 'Harbour documents');
    assert.equal(mail?.byline, 'Dana Ortiz');
    const statement = byPath.get(`${message}#statement.txt`);
    assert.ok(statement, `attachment stored under the message's path: ${[...byPath.keys()].join(', ')}`);
    assert.match((await ok(engine.getDocumentText({ doc: statement.id }))).text, /close on Friday/);
    const forwarded = byPath.get(`${message}#forwarded.eml`);
    assert.equal(forwarded?.title, 'Fwd: the closure');

    // Unchanged message: nothing re-read, attachments stay.
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 0, unchanged: 1, missing: 0, failed: [] });

    // The message edited without the forwarded tip: that attachment is marked missing, the statement is unchanged.
    writeFileSync(message, tip(attachments.filter((item) => item.fileName !== 'forwarded.eml')));
    utimesSync(message, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 1, unchanged: 1, missing: 1, failed: [] });
    assert.equal((await ok(engine.getDocument({ doc: forwarded!.id }))).missing, true);
    assert.equal((await ok(engine.getDocument({ doc: statement.id }))).missing, false);

    // The message deleted: it and its attachments are missing, their text kept.
    rmSync(message);
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 0, unchanged: 0, missing: 2, failed: [] });
    assert.equal((await ok(engine.getDocument({ doc: statement.id }))).missing, true);
    assert.match((await ok(engine.getDocumentText({ doc: statement.id }))).text, /close on Friday/);
  } finally {
    done();
  }
});

test('an attachment that cannot be read is reported under the message\'s path; the message is stored', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const message = join(dir, 'tip.eml');
    writeFileSync(message, tip([{ fileName: 'empty.txt', contentType: 'text/plain', bytes: utf8('   \n') }]));
    const report = await ok(engine.ingest({ paths: [message] }));
    assert.equal(report.added, 1);
    assert.deepEqual(report.failed.map((failure) => failure.path), [`${message}#empty.txt`]);
  } finally {
    done();
  }
});
