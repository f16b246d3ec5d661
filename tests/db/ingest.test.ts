import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, temporaryLibrary } from '../support/engine-library';

const ARTICLE = 'A headline for the test\n\nThe council voted on Tuesday to close the harbour. “We had no choice,” the mayor said.\n';

test('incremental ingest: unchanged skipped, changed updated under the same id, vanished marked missing', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const story = join(dir, 'harbour');
    mkdirSync(story);
    writeFileSync(join(story, 'a.txt'), ARTICLE);
    writeFileSync(join(story, 'b.md'), '---\ntitle: Front matter title\noutlet: The Gazette\ndate: 2026-03-14\nauthor: Lena Roe\n---\n# Heading\n\nSome **bold** prose about the harbour.\n');
    writeFileSync(join(story, '.hidden.txt'), 'hidden text file that must be skipped');
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 2, updated: 0, unchanged: 0, missing: 0, failed: [] });
    const before = await ok(engine.listDocuments({}));
    assert.deepEqual(before.map((doc) => doc.stories), [['harbour'], ['harbour']]);
    const markdown = before.find((doc) => doc.path.endsWith('b.md'))!;
    assert.equal(markdown.title, 'Front matter title');
    assert.equal(markdown.outlet, 'The Gazette');
    assert.equal(markdown.byline, 'Lena Roe');
    assert.match(markdown.published ?? '', /^2026-03-14/);
    assert.doesNotMatch((await ok(engine.getDocumentText({ doc: markdown.id }))).text, /\*\*|---/);

    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 0, unchanged: 2, missing: 0, failed: [] });

    const a = before.find((doc) => doc.path.endsWith('a.txt'))!;
    writeFileSync(join(story, 'a.txt'), ARTICLE.replace('Tuesday', 'Wednesday'));
    utimesSync(join(story, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 1, unchanged: 1, missing: 0, failed: [] });
    assert.match((await ok(engine.getDocumentText({ doc: a.id }))).text, /Wednesday/);

    utimesSync(join(story, 'a.txt'), new Date(), new Date(Date.now() + 10000));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 0, unchanged: 2, missing: 0, failed: [] }, 'touched but same bytes');

    rmSync(join(story, 'a.txt'));
    assert.deepEqual(await ok(engine.ingest({ paths: [story] })), { added: 0, updated: 0, unchanged: 1, missing: 1, failed: [] });
    assert.equal((await ok(engine.getDocument({ doc: a.id }))).missing, true);
    assert.match((await ok(engine.getDocumentText({ doc: a.id }))).text, /Wednesday/, 'a missing document keeps its text');

    writeFileSync(join(story, 'a.txt'), ARTICLE.replace('Tuesday', 'Wednesday'));
    const back = await ok(engine.ingest({ paths: [story] }));
    assert.equal(back.missing, 0);
    assert.equal((await ok(engine.getDocument({ doc: a.id }))).missing, false);
  } finally {
    done();
  }
});

test('metadata overrides are stored apart and survive re-ingest of a changed file', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const file = join(dir, 'a.txt');
    writeFileSync(file, ARTICLE);
    await ok(engine.ingest({ paths: [file], story: 'Harbour' }));
    const [doc] = await ok(engine.listDocuments({ story: 'Harbour' }));
    await ok(engine.setMetadataOverride({ doc: doc!.id, field: 'outlet', value: 'Harbour Herald' }));
    writeFileSync(file, ARTICLE + '\nA new paragraph.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal((await ok(engine.ingest({ paths: [file] }))).updated, 1);
    const details = await ok(engine.getDocument({ doc: doc!.id }));
    assert.equal(details.outlet, 'Harbour Herald');
    assert.deepEqual(details.overrides.outlet, { value: 'Harbour Herald', extracted: null });
    const hits = await ok(engine.search({ query: 'outlet:herald' }));
    assert.deepEqual(hits.map((hit) => hit.id), [doc!.id]);
    await ok(engine.clearMetadataOverride({ doc: doc!.id, field: 'outlet' }));
    assert.equal((await ok(engine.getDocument({ doc: doc!.id }))).outlet, null);
    assert.deepEqual(await ok(engine.search({ query: 'outlet:herald' })), []);
  } finally {
    done();
  }
});

test('a hidden boilerplate span can be restored one by one, and the restore survives re-ingest', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'First paragraph of prose about the harbour.\n\nAdvertisement\n\nSecond paragraph of prose.\n');
    await ok(engine.ingest({ paths: [file] }));
    const [doc] = await ok(engine.listDocuments({}));
    assert.doesNotMatch((await ok(engine.getDocumentText({ doc: doc!.id }))).text, /Advertisement/);
    const spans = await ok(engine.listBoilerplate({ doc: doc!.id }));
    const ad = spans.find((span) => /Advertisement/.test(span.text));
    assert.ok(ad, 'the ad marker is listed with its reason');
    assert.equal(ad.reason, 'ad-marker');
    await ok(engine.setBoilerplateRestored({ doc: doc!.id, index: ad.index, restored: true }));
    assert.match((await ok(engine.getDocumentText({ doc: doc!.id }))).text, /Advertisement/);
    writeFileSync(file, 'First paragraph of prose about the harbour, edited.\n\nAdvertisement\n\nSecond paragraph of prose.\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await ok(engine.ingest({ paths: [file] }));
    assert.match((await ok(engine.getDocumentText({ doc: doc!.id }))).text, /edited\.\n\nAdvertisement\n\nSecond/);
  } finally {
    done();
  }
});

test('hostile files each get a clear outcome and nothing crashes', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const files = join(dir, 'files');
    mkdirSync(files);
    writeFileSync(join(files, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(files, 'empty.txt'), '');
    writeFileSync(join(files, 'invalid-utf8.txt'), Buffer.from([...Buffer.from('The mayor said \x93no\x94 to the plan.', 'latin1')]));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Le maire a dit « non » au projet.', 'utf16le')]);
    writeFileSync(join(files, 'utf16.txt'), utf16);
    const paragraph = 'The harbour committee met again to discuss the plan in detail. '.repeat(30) + '\n\n';
    writeFileSync(join(files, 'large.txt'), paragraph.repeat(Math.ceil((20 * 1024 * 1024) / paragraph.length)));
    execFileSync('mkfifo', [join(files, 'pipe.txt')]);
    mkdirSync(join(files, 'loop'));
    symlinkSync(files, join(files, 'loop', 'back-to-parent'));
    symlinkSync(join(files, 'self.txt'), join(files, 'self.txt.link.txt'));
    symlinkSync('self-loop.txt', join(files, 'self-loop.txt'));
    writeFileSync(join(files, 'locked.txt'), 'secret');
    chmodSync(join(files, 'locked.txt'), 0);

    const report = await ok(engine.ingest({ paths: [files] }));
    const failure = (name: string) => report.failed.find((entry) => entry.path.endsWith(`/${name}`))?.error;
    assert.match(failure('binary.txt') ?? '', /PNG|binary|not text/i);
    assert.match(failure('empty.txt') ?? '', /empty/i);
    assert.match(failure('pipe.txt') ?? '', /FIFO|pipe/i);
    assert.match(failure('self-loop.txt') ?? '', /loop/i);
    const documents = await ok(engine.listDocuments({}));
    const byName = (name: string) => documents.find((doc) => doc.path.endsWith(`/${name}`));
    assert.equal((await ok(engine.getDocumentText({ doc: byName('invalid-utf8.txt')!.id }))).text, 'The mayor said “no” to the plan.');
    assert.equal((await ok(engine.getDocumentText({ doc: byName('utf16.txt')!.id }))).text, 'Le maire a dit « non » au projet.');
    assert.ok(byName('large.txt')!.words > 3_000_000);
    assert.equal(documents.filter((doc) => doc.path.includes('back-to-parent')).length, 0, 'the loop is not walked twice');
    if (process.getuid?.() !== 0) assert.match(failure('locked.txt') ?? '', /Permission/);
    assert.equal(report.added, documents.length);
  } finally {
    done();
  }
});

test('a large ingest goes through the extraction workers and gives the same documents as a small one', async () => {
  const { dir, engine, done } = temporaryLibrary();
  try {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let index = 0; index < 120; index++) {
      writeFileSync(join(many, `article-${index}.txt`), `Headline number ${index}\n\nAdvertisement\n\nThe body of article ${index} says “quote ${index},” an official said.\n`);
    }
    writeFileSync(join(many, 'broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const report = await ok(engine.ingest({ paths: [many] }));
    assert.equal(report.added, 120);
    assert.equal(report.failed.length, 1);
    const documents = await ok(engine.listDocuments({ story: 'many' }));
    const seventh = documents.find((doc) => doc.path.endsWith('/article-7.txt'))!;
    assert.equal(seventh.title, 'Headline number 7');
    assert.equal((await ok(engine.getDocumentText({ doc: seventh.id }))).text, 'Headline number 7\n\nThe body of article 7 says “quote 7,” an official said.');
    assert.deepEqual(await ok(engine.ingest({ paths: [many] })), { added: 0, updated: 0, unchanged: 120, missing: 0, failed: report.failed });
  } finally {
    done();
  }
});
