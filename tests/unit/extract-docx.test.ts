import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocx, readCoreProperties } from '../../src-main/core/extract/docx';
import { isNormalized } from '../../src-main/core/extract/normalize';
import { checkZip, InflationCounter, MAX_ZIP_INFLATED_BYTES, unsafeNameReason } from '../../src-main/core/extract/zip-guard';
import type { ParseOutcome, ParsedSource } from '../../src-main/core/extract/types';
import { makeArticleDocx, makeDocx } from '../support/docx-fixture';
import { makeZip } from '../support/zip-writer';

const MB = 1024 * 1024;

function parsed(outcome: ParseOutcome): ParsedSource {
  assert.ok(outcome.ok, outcome.ok ? '' : `${outcome.error.code}: ${outcome.error.message}`);
  assert.equal(outcome.value.format, 'docx');
  assert.ok(isNormalized(outcome.value.rawText), 'raw text is not normalized');
  return outcome.value;
}

function refused(outcome: { ok: boolean; error?: { code: string; message: string } }, code: string): string {
  assert.equal(outcome.ok, false, 'expected a refusal');
  assert.equal(outcome.error?.code, code, outcome.error?.message);
  const message = outcome.error?.message ?? '';
  assert.match(message, /^[A-Z][^\n]*\.$/, 'one plain sentence');
  return message;
}

test('headings, paragraphs, lists, tables and quote paragraphs come out in order', async () => {
  const bytes = makeDocx({
    paragraphs: [
      { text: 'Council approves budget', style: 'Heading1' },
      { text: 'The council voted on Tuesday.' },
      { text: '“We will not raise taxes,” the mayor said.', style: 'Quote' },
      { text: '“Nor cut services.”', style: 'IntenseQuote' },
      { text: 'Key points', style: 'Heading2' },
      { text: 'Roads', list: 'bullet' },
      { text: 'Schools', list: 'bullet' },
      { text: 'First vote', list: 'number' },
      { table: [['Item', 'Cost'], ['Roads', '€4m']] },
      { text: 'Line one\nLine two' },
      { text: 'The end.' },
    ],
  });
  const { rawText } = parsed(await parseDocx(bytes));
  assert.equal(
    rawText,
    [
      'Council approves budget',
      'The council voted on Tuesday.',
      '“We will not raise taxes,” the mayor said.',
      '“Nor cut services.”',
      'Key points',
      'Roads\nSchools',
      'First vote',
      'Item | Cost\nRoads | €4m',
      'Line one\nLine two',
      'The end.',
    ].join('\n\n'),
  );
});

test('curly quotes, apostrophes and markup characters survive as text', async () => {
  const text = 'She said “it’s over” & left <quietly> — \'plain\' and "straight" too.';
  const { rawText } = parsed(await parseDocx(makeArticleDocx([text])));
  assert.equal(rawText, text);
});

test('footnotes and endnotes stay at the end, labelled; comments are left out', async () => {
  const bytes = makeDocx({
    paragraphs: [
      { text: 'The report was leaked.', footnote: 'Seen by this newspaper.', comment: 'REVIEWERCOMMENT check this' },
      { text: 'Officials declined to comment.', endnote: 'Asked on 3 November.' },
    ],
  });
  const { rawText } = parsed(await parseDocx(bytes));
  assert.ok(!rawText.includes('REVIEWERCOMMENT'), 'a comment leaked into the text');
  assert.ok(!rawText.includes('↑'), 'note back-links leaked into the text');
  assert.equal(
    rawText,
    'The report was leaked.[1]\n\nOfficials declined to comment.[2]\n\n[1] Seen by this newspaper.\n[2] Asked on 3 November.',
  );
});

test('metadata from docProps/core.xml, cleaned like the other formats', async () => {
  const bytes = makeArticleDocx(['Body text.'], {
    title: '  Budget  vote & aftermath ',
    author: 'By Jane Doe',
    created: '2025-11-03T14:05:00Z',
    modified: '2025-12-01T09:00:00Z',
  });
  const { metadata } = parsed(await parseDocx(bytes));
  assert.deepEqual(metadata, {
    title: 'Budget vote & aftermath',
    outlet: null,
    byline: 'Jane Doe',
    published: '2025-11-03T14:05:00+00:00',
    url: null,
  });
});

test('metadata: modified date when no creation date, default author names refused, absent core.xml is fine', async () => {
  const modifiedOnly = parsed(await parseDocx(makeArticleDocx(['Body.'], { author: 'Microsoft Office User', modified: '2024-02-29T08:00:00Z' })));
  assert.equal(modifiedOnly.metadata.byline, null);
  assert.equal(modifiedOnly.metadata.published, '2024-02-29T08:00:00+00:00');
  const noCore = parsed(await parseDocx(makeDocx({ paragraphs: [{ text: 'Body.' }], omit: ['docProps/core.xml'] })));
  assert.deepEqual(noCore.metadata, { title: null, outlet: null, byline: null, published: null, url: null });
});

test('core.xml is read without expanding custom entities', () => {
  const xml =
    '<?xml version="1.0"?><!DOCTYPE cp [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
    '<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>&b;&b;&b;</dc:title><dc:creator>Ann &amp; Bo</dc:creator></cp:coreProperties>';
  const metadata = readCoreProperties(xml);
  assert.ok(metadata.title === null || !metadata.title.includes('AAAA'), 'a custom entity was expanded');
  assert.equal(metadata.byline, 'Ann & Bo');
});

test('zip bomb: 300 MB of zeros in a small file is refused after inflating little of it', async () => {
  const zeros = new Uint8Array(MB);
  // Declared honestly, the bomb is refused on its declared size and ratio before a byte is inflated.
  const honest = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/media/zeros.bin', repeat: { chunk: zeros, times: 300 } }] });
  assert.ok(honest.length < MB, `fixture is ${honest.length} bytes`);
  const honestCheck = await checkZip(honest);
  refused(honestCheck, 'unsafe');
  assert.ok(honestCheck.inflatedBytes < 64 * 1024, `inflated ${honestCheck.inflatedBytes} bytes`);
  refused(await parseDocx(honest), 'unsafe');

  // Declared as 100 bytes, the lie is caught while inflating, within the first chunks.
  const lying = makeDocx({
    paragraphs: [{ text: 'Hi.' }],
    extraEntries: [{ name: 'word/media/zeros.bin', repeat: { chunk: zeros, times: 300 }, declaredSize: 100 }],
  });
  const lyingCheck = await checkZip(lying);
  assert.match(refused(lyingCheck, 'unsafe'), /declared size/);
  assert.ok(lyingCheck.inflatedBytes < 2 * MB, `inflated ${lyingCheck.inflatedBytes} bytes`);
});

test('ratio: a part packed over 100:1 is refused above the 1 MB floor, small repetitive parts pass', async () => {
  const zeros = new Uint8Array(MB);
  const bomb = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/media/zeros.bin', repeat: { chunk: zeros, times: 2 } }] });
  const result = await checkZip(bomb);
  assert.match(refused(result, 'unsafe'), /zip bomb/);
  assert.equal(result.inflatedBytes, 0);
  const small = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/media/zeros.bin', data: new Uint8Array(MB - 1) }] });
  assert.ok((await checkZip(small)).ok, 'just under the floor, a highly compressible part is fine');
  parsed(await parseDocx(small));
});

test('honest archives: the declared total refuses before inflating; within the limit every byte is inflated and counted', async () => {
  // Eight 1 MB entries of letters (ratio well under 100).
  let seed = 7;
  const letters = new Uint8Array(MB).map(() => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return 97 + ((seed >>> 16) % 26);
  });
  const bytes = makeZip(Array.from({ length: 8 }, (_, index) => ({ name: `part${index}.txt`, data: letters })));
  const within = await checkZip(bytes, { maxInflatedBytes: 9 * MB });
  assert.ok(within.ok, 'eight honest megabytes fit in nine');
  assert.equal(within.inflatedBytes, 8 * MB);
  const over = await checkZip(bytes, { maxInflatedBytes: 4 * MB });
  assert.match(refused(over, 'unsafe'), /would unpack to more than 4 MB/);
  assert.equal(over.inflatedBytes, 0, 'headers are all judged before anything is inflated');
});

test('the inflation counter stops at an entry larger than declared and at the running total', () => {
  const counter = new InflationCounter(10);
  counter.startEntry(6);
  assert.equal(counter.add(4), null);
  assert.equal(counter.add(2), null);
  assert.ok(counter.entryComplete());
  counter.startEntry(6);
  assert.equal(counter.add(4), null);
  assert.equal(counter.add(1), 'total', 'honest sizes, but 11 bytes in all');
  const liar = new InflationCounter(100);
  liar.startEntry(3);
  assert.equal(liar.add(4), 'entry');
  const short = new InflationCounter(100);
  short.startEntry(5);
  short.add(4);
  assert.equal(short.entryComplete(), false);
});

test('entry count bomb is refused from the end record, before any entry is read', async () => {
  const entries = Array.from({ length: 2_001 }, (_, index) => ({ name: `x/${index}.xml`, data: 'x', method: 'store' as const }));
  const result = await checkZip(makeZip(entries));
  assert.match(refused(result, 'unsafe'), /2,001 parts/);
  assert.equal(result.inflatedBytes, 0);
  assert.ok((await checkZip(makeZip(entries.slice(0, 2_000)))).ok, '2,000 entries are allowed');
});

test('entries hidden beyond the declared count are refused', async () => {
  const bytes = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/hidden.xml', data: '<x/>' }] });
  const honest = await checkZip(bytes);
  assert.ok(honest.ok);
  const realCount = honest.entryNames.length;
  const hiding = makeDocx({
    paragraphs: [{ text: 'Hi.' }],
    extraEntries: [{ name: 'word/hidden.xml', data: '<x/>' }],
    zip: { declaredEntryCount: realCount - 1 },
  });
  refused(await checkZip(hiding), 'unsafe');
});

test('unsafe names: "../", absolute, backslash, drive letter, control characters', async () => {
  for (const name of ['../evil.xml', 'word/../../evil.xml', '/etc/passwd', 'word\\document.xml', 'C:/x.xml', 'c:x.xml', 'wo\u0000rd.xml', 'a\nb.xml']) {
    const bytes = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name, data: 'x' }] });
    refused(await checkZip(bytes), 'unsafe');
    refused(await parseDocx(bytes), 'unsafe');
  }
  for (const name of ['word/document.xml', 'a..b/c..xml', '[Content_Types].xml', 'docProps/core.xml']) assert.equal(unsafeNameReason(name), null, name);
});

test('lying declared size of a small entry is refused', async () => {
  const bytes = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/extra.xml', data: 'x'.repeat(5_000), declaredSize: 10 }] });
  assert.match(refused(await checkZip(bytes), 'unsafe'), /declared size/);
  const short = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/extra.xml', data: 'short', declaredSize: 5_000 }] });
  refused(await checkZip(short), 'malformed');
});

test('duplicate entry names are refused, also when they differ only in case', async () => {
  const exact = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/document.xml', data: '<w:document/>' }] });
  assert.match(refused(await checkZip(exact), 'unsafe'), /same name/);
  const cased = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'Word/Document.xml', data: '<w:document/>' }] });
  refused(await parseDocx(cased), 'unsafe');
});

test('encrypted entries are unreadable', async () => {
  const bytes = makeDocx({ paragraphs: [{ text: 'Hi.' }], extraEntries: [{ name: 'word/secret.xml', data: 'x', encrypted: true }] });
  assert.match(refused(await parseDocx(bytes), 'unreadable'), /password/);
});

test('truncated zips, empty files and non-zip bytes are malformed, never thrown', async () => {
  const bytes = makeArticleDocx(['A paragraph long enough to matter.']);
  for (const cut of [bytes.length - 1, bytes.length - 30, Math.floor(bytes.length / 2), 10]) {
    refused(await parseDocx(bytes.subarray(0, cut)), 'malformed');
  }
  refused(await parseDocx(new TextEncoder().encode('just some text, not a zip')), 'malformed');
  refused(await parseDocx(new Uint8Array(0)), 'empty');
  // Damage inside the compressed data: flip bytes in the middle of the archive.
  const damaged = new Uint8Array(bytes);
  for (let index = 200; index < 260; index += 1) damaged[index] = 0xff;
  assert.equal((await parseDocx(damaged)).ok, false);
});

test('a zip without word/document.xml is not a Word document', async () => {
  const bytes = makeZip([{ name: 'readme.txt', data: 'hello' }, { name: 'docProps/core.xml', data: '<x/>' }]);
  assert.match(refused(await parseDocx(bytes), 'malformed'), /not a Word document/);
});

test('an empty document is refused as empty', async () => {
  refused(await parseDocx(makeDocx({ paragraphs: [] })), 'empty');
  refused(await parseDocx(makeDocx({ paragraphs: [{ text: '' }, { text: '   ' }, { text: '\n' }] })), 'empty');
});

test('a document.xml that is not well-formed XML is malformed', async () => {
  const bytes = makeDocx({ documentXml: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' });
  assert.match(refused(await parseDocx(bytes), 'malformed'), /damaged/);
});

test('property: random paragraphs round-trip into the raw text, in order', async () => {
  const word = fc.stringMatching(/^[a-zA-Z0-9&<>"'“”‘’é]{1,12}$/);
  const paragraph = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
  await fc.assert(
    fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 6 }), async (paragraphs) => {
      const { rawText } = parsed(await parseDocx(makeArticleDocx(paragraphs)));
      assert.equal(rawText, paragraphs.join('\n\n'));
    }),
    { numRuns: 40 },
  );
});

test('the default limits are the documented ones', () => {
  assert.equal(MAX_ZIP_INFLATED_BYTES, 200 * MB);
});
