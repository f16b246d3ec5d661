import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  MAX_FILE_BYTES,
  SUPPORTED_EXTENSIONS,
  extractDocument,
  formatOfFileName,
  mergeMetadata,
  mergeSpans,
} from '../../src-main/core/extract/index';
import { normalizeText } from '../../src-main/core/extract/normalize';
import type { Extraction, ExtractionOutcome } from '../../src-main/core/extract/types';

const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

function extracted(outcome: ExtractionOutcome): Extraction {
  assert.ok(outcome.ok, `expected an extraction, got ${JSON.stringify(outcome)}`);
  return outcome.value;
}

function refused(outcome: ExtractionOutcome): { code: string; message: string } {
  assert.equal(outcome.ok, false, 'expected a refusal');
  return outcome.ok ? { code: '', message: '' } : outcome.error;
}

function assertWellFormed(value: Extraction): void {
  assert.equal(normalizeText(value.rawText), value.rawText);
  let previousEnd = 0;
  for (const span of value.boilerplate) {
    assert.ok(span.start >= previousEnd && span.start < span.end && span.end <= value.rawText.length, JSON.stringify(span));
    previousEnd = span.end;
  }
}

test('supported extensions and format detection', async () => {
  assert.deepEqual([...SUPPORTED_EXTENSIONS].sort(), ['.docx', '.eml', '.htm', '.html', '.markdown', '.md', '.pdf', '.text', '.txt', '.xhtml']);
  assert.equal(formatOfFileName('Filing.PDF'), 'pdf');
  assert.equal(formatOfFileName('memo.docx'), 'docx');
  assert.equal(formatOfFileName('tip.eml'), 'eml');
  assert.equal(formatOfFileName('old.doc'), null);
  assert.equal(formatOfFileName('Story.TXT'), 'txt');
  assert.equal(formatOfFileName('dir.md/notes.markdown'), 'md');
  assert.equal(formatOfFileName('page.xhtml'), 'html');
  assert.equal(formatOfFileName('.txt'), null);
  assert.equal(formatOfFileName('README'), null);
  assert.equal(formatOfFileName('archive.txt.gz'), null);
});

test('unsupported formats are refused before anything is read', async () => {
  for (const name of ['report.doc', 'sheet.xlsx', 'README', 'photo.png']) {
    assert.equal(refused(await extractDocument(utf8('Some text'), name)).code, 'unsupported-format');
  }
});

test('files above 64 MiB are refused as too large', async () => {
  assert.equal(MAX_FILE_BYTES, 64 * 1024 * 1024);
  const error = refused(await extractDocument(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'huge.txt'));
  assert.deepEqual(error, { code: 'too-large', message: 'This file is larger than 64 MB, too large to be an article.' });
});

test('binary, NUL-laden and empty files are refused with a sentence', async () => {
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
  assert.deepEqual(refused(await extractDocument(png, 'not-really.txt')), { code: 'binary', message: 'This file looks like a PNG image, not text.' });
  const laden = Uint8Array.from({ length: 2048 }, (_, index) => (index % 4 === 0 ? 0 : 0x62));
  assert.equal(refused(await extractDocument(laden, 'nul.txt')).code, 'binary');
  assert.deepEqual(refused(await extractDocument(new Uint8Array(0), 'empty.txt')), { code: 'empty', message: 'The file is empty.' });
  assert.equal(refused(await extractDocument(utf8('<html><body><nav>Menu</nav></body></html>'), 'chrome.html')).code, 'empty');
});

test('encodings reach the extraction: UTF-16 LE, Windows-1252 text, meta charset HTML', async () => {
  const text = 'Reporters’ “notes”.';
  const utf16 = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8])]);
  const fromUtf16 = extracted(await extractDocument(utf16, 'utf16.txt'));
  assert.deepEqual([fromUtf16.encoding, fromUtf16.rawText], ['utf-16le', text]);
  const legacy = extracted(await extractDocument(bytes('He said ', [0x93], 'no', [0x94], '.'), 'legacy.txt'));
  assert.deepEqual([legacy.encoding, legacy.rawText], ['windows-1252', 'He said “no”.']);
  const html = bytes('<html><head><meta charset="windows-1252"></head><body><p>', [0x93], 'Quoted', [0x94], ' words.</p></body></html>');
  const page = extracted(await extractDocument(html, 'legacy.html'));
  assert.deepEqual([page.encoding, page.format, page.rawText], ['windows-1252', 'html', '“Quoted” words.']);
});

test('a 20 MB text file from disk is extracted whole', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-extract-'));
  try {
    const path = join(folder, 'big.txt');
    const paragraph = 'A paragraph of a very long transcript, with words and numbers 12345.\n\n';
    const count = Math.ceil((20 * 1024 * 1024) / paragraph.length);
    writeFileSync(path, paragraph.repeat(count));
    const value = extracted(await extractDocument(readFileSync(path), 'big.txt'));
    assert.equal(value.rawText.length, paragraph.length * count - 2);
    assert.equal(value.encoding, 'utf-8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('seed articles extract cleanly: normalized, no line starting with a space, valid spans', async () => {
  const files = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
  assert.ok(files.length >= 5);
  for (const name of files) {
    const value = extracted(await extractDocument(readFileSync(join(SEEDS, name)), name));
    assert.equal(value.format, 'txt');
    assert.ok(!/^[ \t]/m.test(value.rawText), `${name} has a line starting with whitespace`);
    assertWellFormed(value);
  }
});

test('HTML: parser spans and metadata survive the merge with the text heuristics', async () => {
  const page = `<html><head><meta property="og:title" content="Declared title"><meta property="og:site_name" content="The Daily"></head>
    <body><article><p>First paragraph of the story with enough words to count as an article body for sure.</p>
    <figure><img src="a.jpg"><figcaption>Photo: Jane Doe/Reuters</figcaption></figure>
    <p>Second paragraph of the story, also long enough to be counted as the body of the article.</p></article></body></html>`;
  const value = extracted(await extractDocument(utf8(page), 'story.html'));
  assert.equal(value.metadata.title, 'Declared title');
  assert.equal(value.metadata.outlet, 'The Daily');
  const caption = value.boilerplate.find((span) => value.rawText.slice(span.start, span.end).includes('Jane Doe/Reuters'));
  assert.ok(caption !== undefined, 'caption span lost');
  assertWellFormed(value);
});

test('Markdown: front matter wins over the text', async () => {
  const value = extracted(await extractDocument(utf8('---\ntitle: From front matter\n---\n# A different heading\n\nBody text.'), 'a.md'));
  assert.equal(value.metadata.title, 'From front matter');
  assert.equal(value.rawText, 'A different heading\n\nBody text.');
});

test('mergeSpans: sorted, clamped, overlaps merged keeping the first reason, touching spans kept apart', async () => {
  const merged = mergeSpans(
    [
      { start: 30, end: 40, reason: 'promotion' },
      { start: 0, end: 10, reason: 'photo-credit' },
      { start: 5, end: 20, reason: 'ad-marker' },
      { start: 20, end: 25, reason: 'newsletter' },
      { start: 38, end: 90, reason: 'disclaimer' },
      { start: 50, end: 50, reason: 'navigation' },
    ],
    60,
  );
  assert.deepEqual(merged, [
    { start: 0, end: 20, reason: 'photo-credit' },
    { start: 20, end: 25, reason: 'newsletter' },
    { start: 30, end: 60, reason: 'promotion' },
  ]);
});

test('mergeMetadata: declared fields win, text fills the gaps', async () => {
  const declared = { title: 'Declared', outlet: null, byline: null, published: '2025-11-03', url: null };
  const fromText = { title: 'Text title', outlet: 'Reuters', byline: 'Ana Ruiz', published: '2025-11-04', url: null };
  assert.deepEqual(mergeMetadata(declared, fromText), {
    title: 'Declared',
    outlet: 'Reuters',
    byline: 'Ana Ruiz',
    published: '2025-11-03',
    url: null,
  });
});

test('property: extractDocument never throws, whatever the bytes and the name', async () => {
  const names = fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.HTM', 'a.pdf', 'a.docx', 'a.eml', 'noext');
  const texty = fc.string({ maxLength: 300 }).map((text) => utf8(text));
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), texty), names, async (input, name) => {
      const outcome = await extractDocument(input, name);
      if (outcome.ok) assertWellFormed(outcome.value);
      else assert.ok(outcome.error.message.endsWith('.'));
    }),
    { numRuns: 300 },
  );
});
