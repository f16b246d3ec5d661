/**
 * getReaderView with `head`: the view of a long text's opening, read from the store without the rest. Whatever the
 * text (paragraphs by blank lines or by line, one enormous paragraph, emoji, boilerplate restored or not, PDF pages),
 * the partial view must be exactly the whole view cut at a paragraph's end: same offsets, same paragraphs, the hidden
 * blocks and pages before the cut, `complete: false` and the whole text's length.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EngineHandlers } from '../../src-main/core/engine';
import { READER_HEAD_LIMIT, type ReaderView } from '../../src-main/contract/reader';
import { PARAGRAPH_REACH } from '../../src-main/core/reader/reader-view';
import { ok, temporaryLibrary } from '../support/engine-library';
import { makeArticlePdf } from '../support/pdf-fixture';

let library: { dir: string; engine: EngineHandlers; done: () => void };
/** Document ids by file name without extension. */
const ids = new Map<string, string>();

/** A deterministic sentence source (no randomness between runs). */
function sentences(count: number, seed: number, words: readonly string[]): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const sentence = Array.from({ length: 8 + Math.floor(next() * 16) }, () => words[Math.floor(next() * words.length)]).join(' ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  });
}

const WORDS = 'harbour council inquiry witness dredging contract budget minister report evidence channel port ferry vote'.split(' ');
/** Words with accents and characters beyond the Basic Multilingual Plane (two UTF-16 units each, one SQLite character). */
const ASTRAL_WORDS = [...WORDS, 'café', 'naïve', '😀', '𝒜lgebra', '🏳️‍🌈', 'über'];

/** Paragraphs of 2–6 sentences, with an "Advertisement" line (detected as boilerplate) every `adEvery` paragraphs. */
function article(paragraphCount: number, seed: number, words: readonly string[], adEvery = 0): string {
  const lines = sentences(paragraphCount * 6, seed, words);
  const paragraphs: string[] = ['Full record of the harbour inquiry'];
  for (let index = 0; index < paragraphCount; index++) {
    paragraphs.push(lines.slice(index * 6, index * 6 + 2 + (index % 5)).join(' '));
    if (adEvery > 0 && index % adEvery === adEvery - 1) paragraphs.push('Advertisement');
  }
  return `${paragraphs.join('\n\n')}\n`;
}

before(async () => {
  library = temporaryLibrary();
  const folder = join(library.dir, 'articles');
  mkdirSync(folder);
  const files: Record<string, string> = {
    // ~300 KB, blank-line paragraphs, an ad marker every 7 paragraphs.
    long: article(1500, 1, WORDS, 7),
    // ~100 KB of accents and emoji.
    astral: article(500, 2, ASTRAL_WORDS, 5),
    short: 'A short brief\n\nThe harbour council met on Tuesday.\n',
    // A first paragraph longer than 6,000 characters but not enormous, then ordinary ones.
    'long-first': `${sentences(70, 3, WORDS).join(' ')}\n\n${article(100, 4, WORDS)}`,
    // One paragraph of ~60 KB: no line break at all.
    enormous: `${sentences(600, 5, WORDS).join(' ')}\n`,
    // One paragraph of emoji without any whitespace: a cut must not split a surrogate pair.
    'emoji-run': `${'😀🚢'.repeat(9000)}\n`,
    // Paragraphs by single line feeds (no blank line anywhere).
    lines: `${sentences(2000, 6, WORDS).join('\n')}\n`,
    // Lines without a blank line for ~30 KB, then blank-line paragraphs: the first paragraph is all those lines.
    'late-blank': `${sentences(300, 7, WORDS).join('\n')}\n\n${article(200, 8, WORDS)}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, `${name}.txt`), text);
  const rows = sentences(900, 9, WORDS);
  const paragraphs = Array.from({ length: 150 }, (_, index) => rows.slice(index * 6, index * 6 + 6).join(' '));
  writeFileSync(join(folder, 'paged.pdf'), makeArticlePdf(paragraphs, { Title: 'Paged record' }, { rowsPerPage: 20 }));
  const report = await ok(library.engine.ingest({ paths: [folder] }));
  assert.deepEqual(report.failed, []);
  for (const document of await ok(library.engine.listDocuments({}))) ids.set(basename(document.path).replace(/\.\w+$/, ''), document.id);
});

after(() => library.done());

function id(name: string): string {
  const found = ids.get(name);
  assert.ok(found, `${name} was ingested`);
  return found;
}

async function view(name: string, head?: number): Promise<ReaderView> {
  return ok(library.engine.getReaderView(head === undefined ? { doc: id(name) } : { doc: id(name), head }));
}

/**
 * Checks a partial view against the whole one: a prefix of the text with the same offsets, cut at the end of the
 * paragraph holding `head` (or inside it when `inside`), the blocks and pages before the cut; returns the cut.
 */
function assertPrefixOf(part: ReaderView, whole: ReaderView, head: number, label: string, inside = false): number {
  assert.equal(whole.complete, true, label);
  assert.equal(whole.length, whole.text.length, label);
  assert.deepEqual(part.document, whole.document, label);
  if (whole.text.length <= head) {
    assert.deepEqual(part, whole, `${label}: a text no longer than head comes whole`);
    return whole.text.length;
  }
  const cut = part.text.length;
  assert.equal(part.length, whole.text.length, `${label}: length is the whole text's`);
  assert.equal(part.text, whole.text.slice(0, cut), `${label}: the text is a prefix of the whole text`);
  if (part.complete) {
    assert.deepEqual(part, whole, `${label}: a complete answer is the whole view`);
    return cut;
  }
  assert.ok(cut < whole.text.length, label);
  const last = part.paragraphs.length - 1;
  assert.ok(last >= 0, `${label}: a partial view has a paragraph`);
  assert.deepEqual(part.paragraphs.slice(0, last), whole.paragraphs.slice(0, last), `${label}: paragraphs before the last are the whole view's`);
  const mine = part.paragraphs[last]!;
  const theirs = whole.paragraphs[last]!;
  assert.equal(mine.start, theirs.start, label);
  if (inside) {
    assert.ok(mine.end < theirs.end && mine.end <= cut, `${label}: cut inside the paragraph`);
    assert.ok(cut >= head, `${label}: cut at or after head: ${cut}`);
    assert.doesNotMatch(whole.text.slice(head, cut), /\s/, `${label}: at the first whitespace from head`);
    assert.ok(/\s/.test(whole.text.charAt(cut)) || cut <= head + 1, `${label}: on whitespace, or at head when there is none`);
  } else {
    assert.deepEqual(mine, theirs, `${label}: the last paragraph is whole`);
    assert.equal(cut, theirs.end, `${label}: cut at a paragraph's end`);
    const next = whole.paragraphs[last + 1];
    assert.ok(next, label);
    // The cut paragraph holds `head`, or `head` lies in the gap before it.
    assert.ok(theirs.end > head && (last === 0 || whole.paragraphs[last - 1]!.end <= head), `${label}: the paragraph holding ${head} ends the text`);
  }
  assert.deepEqual(part.hidden, whole.hidden.filter((block) => block.at < cut), `${label}: hidden blocks before the cut`);
  assert.deepEqual(part.pages, (whole.pages ?? []).filter((page) => page.at < cut), `${label}: pages before the cut`);
  return cut;
}

test('a long article with head 6,000 comes cut at the end of the paragraph holding offset 6,000', async () => {
  const whole = await view('long');
  const part = await view('long', 6000);
  assert.equal(part.complete, false);
  const cut = assertPrefixOf(part, whole, 6000, 'long');
  assert.ok(cut >= 6000 && cut < 8000, `cut at ${cut}`);
  assert.ok(part.hidden.length > 0 && part.hidden.length < whole.hidden.length, 'some ad markers before the cut, not all');
  // Without head the answer is the whole view, as before.
  assert.equal(whole.text, (await ok(library.engine.getDocumentText({ doc: id('long') }))).text);
});

test('every head across a long article, in its accents and emoji, and with a block restored, gives a prefix of the whole view', async () => {
  for (const name of ['long', 'astral']) {
    const whole = await view(name);
    for (let head = 1; head < whole.text.length + 5000; head += head < 20_000 ? 997 : 9_973) assertPrefixOf(await view(name, head), whole, head, `${name} head ${head}`);
    // Heads on and around paragraph boundaries and hidden blocks.
    for (const paragraph of whole.paragraphs.slice(0, 60)) {
      for (const head of [paragraph.start - 1, paragraph.start, paragraph.end - 1, paragraph.end, paragraph.end + 1]) {
        if (head >= 1) assertPrefixOf(await view(name, head), whole, head, `${name} head ${head}`);
      }
    }
  }
  await ok(library.engine.setBoilerplateRestored({ doc: id('long'), index: 2, restored: true }));
  try {
    const whole = await view('long');
    assert.ok(!whole.hidden.some((block) => block.index === 2));
    for (let head = 1; head < 60_000; head += 1499) assertPrefixOf(await view('long', head), whole, head, `restored head ${head}`);
  } finally {
    await ok(library.engine.setBoilerplateRestored({ doc: id('long'), index: 2, restored: false }));
  }
});

test('astral characters: length counts UTF-16 units, and the prefix never splits a surrogate pair', async () => {
  const whole = await view('astral');
  assert.ok([...whole.text].length < whole.text.length, 'the text has characters beyond the BMP');
  const part = await view('astral', 6000);
  assert.equal(part.complete, false);
  assert.equal(part.length, whole.text.length);
  assertPrefixOf(part, whole, 6000, 'astral');
  assert.doesNotMatch(part.text, /[\uD800-\uDBFF]$/);

  // One paragraph of emoji with no whitespace: cut at head, moved past a pair it would split.
  const run = await view('emoji-run');
  for (const head of [6000, 6001, 9999]) {
    const part = await view('emoji-run', head);
    assert.equal(part.complete, false);
    assert.equal(part.length, run.text.length);
    assert.equal(part.text, run.text.slice(0, part.text.length));
    assert.equal(part.text.length, head % 2 === 0 ? head : head + 1, `head ${head}`);
    assert.deepEqual(part.paragraphs, [{ start: 0, end: part.text.length }]);
  }
});

test('a head at least as long as the text gives the whole view, complete', async () => {
  const whole = await view('short');
  for (const head of [whole.text.length, whole.text.length + 1, 6000, READER_HEAD_LIMIT]) {
    const part = await view('short', head);
    assert.deepEqual(part, whole);
    assert.equal(part.complete, true);
    assert.equal(part.length, whole.text.length);
  }
  const long = await view('long');
  assert.deepEqual(await view('long', long.text.length), long);
});

test('a first paragraph longer than head comes whole; an enormous one is cut at the first whitespace after head', async () => {
  const whole = await view('long-first');
  const first = whole.paragraphs[0]!;
  assert.ok(first.end > 6000 && first.end < 6000 + PARAGRAPH_REACH, `first paragraph ends at ${first.end}`);
  const part = await view('long-first', 6000);
  assertPrefixOf(part, whole, 6000, 'long-first');
  assert.deepEqual(part.paragraphs, [first]);
  assert.equal(part.text, whole.text.slice(0, first.end));

  const enormous = await view('enormous');
  assert.equal(enormous.paragraphs.length, 1);
  for (const head of [6000, 6001, 12_345, 1]) {
    const cut = assertPrefixOf(await view('enormous', head), enormous, head, `enormous head ${head}`, true);
    assert.match(enormous.text.charAt(cut), /\s/, 'the cut falls on whitespace, never inside a word');
    assert.doesNotMatch(enormous.text.slice(head, cut), /\s/, 'at the first whitespace from head');
  }
});

test('paragraphs split as in the whole text: by line when it has no blank line, by blank line when one comes late', async () => {
  const lines = await view('lines');
  assert.ok(lines.paragraphs.length > 1000, 'one paragraph per line');
  for (const head of [1, 500, 6000, 20_000]) assertPrefixOf(await view('lines', head), lines, head, `lines head ${head}`);

  // The whole text's first paragraph is all the lines before its first blank line (~30 KB): cut inside it.
  const late = await view('late-blank');
  assert.ok(late.paragraphs[0]!.end > 6000 + PARAGRAPH_REACH, 'a long first paragraph of many lines');
  const part = await view('late-blank', 6000);
  assertPrefixOf(part, late, 6000, 'late-blank', true);
  assert.equal(part.paragraphs.length, 1, 'its lines are not taken for paragraphs');
  assert.ok(part.text.includes('\n'));
});

test('a PDF: page starts before the cut only, at the same offsets as in the whole view', async () => {
  const whole = await view('paged');
  assert.ok((whole.pages ?? []).length > 3, 'the PDF has several pages');
  const part = await view('paged', 6000);
  assert.equal(part.complete, false);
  const cut = assertPrefixOf(part, whole, 6000, 'paged');
  assert.ok(part.pages!.length >= 1 && part.pages!.length < whole.pages!.length);
  assert.ok(part.pages!.every((page) => page.at < cut));
});

test('head must be a whole number from 1 to the limit; anything else is a bad request', async () => {
  for (const head of [0, -1, 2.5, '6000', Number.NaN, READER_HEAD_LIMIT + 1, null]) {
    const result = await library.engine.getReaderView({ doc: id('long'), head } as never);
    assert.equal(!result.ok && result.error.code, 'bad-request', `head ${String(head)}`);
    assert.match(!result.ok ? result.error.message : '', /^The opening to read first must be a whole number/);
  }
});
