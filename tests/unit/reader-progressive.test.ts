// The reader's progressive rendering, as pure logic: which paragraphs are rendered first, how chunks grow and shrink,
// what must be rendered for an offset to have its place, and which marks each paragraph gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mark } from '../../src-renderer/features/reader/marks';
import { marksByParagraph } from '../../src-renderer/features/reader/paragraph-marks';
import { CHUNK_CHARACTERS, FIRST_CHARACTERS, firstCount, neededFor, nextChunkSize, nextCount, paragraphAt, type ParagraphRange } from '../../src-renderer/features/reader/progressive';

/** `count` paragraphs of `length` characters, two characters apart (a blank line between them). */
function paragraphsOf(count: number, length: number): ParagraphRange[] {
  return Array.from({ length: count }, (_, index) => ({ start: index * (length + 2), end: index * (length + 2) + length }));
}

const LONG = paragraphsOf(2_000, 498); // about 1 MB
const SHORT = paragraphsOf(5, 100);

test('a short text is rendered whole at once', () => {
  assert.equal(firstCount(SHORT, null), SHORT.length);
  assert.equal(firstCount([], null), 0);
});

test('a long text renders its first screen at once, not more than a chunk of it', () => {
  const count = firstCount(LONG, null);
  assert.equal(count, FIRST_CHARACTERS / 500);
  assert.ok(LONG[count - 1]!.end >= FIRST_CHARACTERS - 500);
  assert.ok(LONG[count]!.start >= FIRST_CHARACTERS);
});

test('a place to open at is rendered at once with a screenful after it', () => {
  const offset = LONG[1_800]!.start + 10;
  const count = firstCount(LONG, offset);
  assert.ok(count > 1_800, 'the paragraph holding the offset is rendered');
  assert.ok(LONG[count - 1]!.end >= offset + FIRST_CHARACTERS - 500, 'and a screen after it');
  assert.equal(firstCount(LONG, LONG.at(-1)!.end), LONG.length, 'the very end renders everything');
  assert.equal(firstCount(LONG, 5), firstCount(LONG, null), 'a place on the first screen changes nothing');
});

test('an offset between two paragraphs needs the next one', () => {
  const gap = LONG[999]!.end + 1;
  assert.equal(paragraphAt(LONG, gap), 999);
  const count = neededFor(LONG, gap);
  assert.ok(count >= 1_001);
  assert.ok(LONG[count - 1]!.end > gap);
  assert.equal(neededFor(LONG, null), 0);
  assert.equal(neededFor([], 40), 0);
});

test('paragraphAt finds the paragraph starting at or before an offset', () => {
  assert.equal(paragraphAt(LONG, 0), 0);
  assert.equal(paragraphAt(LONG, LONG[3]!.start), 3);
  assert.equal(paragraphAt(LONG, LONG[3]!.start - 1), 2);
  assert.equal(paragraphAt(LONG, Number.MAX_SAFE_INTEGER), LONG.length - 1);
  assert.equal(paragraphAt([], 10), 0);
});

test('chunks add about their size in characters, at least one paragraph, and stop at the end', () => {
  const count = nextCount(LONG, 16, CHUNK_CHARACTERS);
  assert.equal(count - 16, CHUNK_CHARACTERS / 500);
  const huge = [{ start: 0, end: 10 }, { start: 12, end: 200_012 }, { start: 200_014, end: 200_020 }];
  assert.equal(nextCount(huge, 1, CHUNK_CHARACTERS), 2, 'a paragraph longer than a chunk is still added');
  assert.equal(nextCount(LONG, LONG.length - 3, CHUNK_CHARACTERS), LONG.length);
  assert.equal(nextCount(LONG, LONG.length, CHUNK_CHARACTERS), LONG.length);
});

test('every paragraph is rendered after finitely many chunks, each adding at least one', () => {
  let count = firstCount(LONG, null);
  let chunks = 0;
  while (count < LONG.length) {
    const next = nextCount(LONG, count, CHUNK_CHARACTERS);
    assert.ok(next > count);
    count = next;
    chunks++;
  }
  assert.equal(count, LONG.length);
  assert.ok(chunks <= Math.ceil(1_000_000 / CHUNK_CHARACTERS) + 1);
});

test('chunks grow while frames stay short and shrink when they run long, within bounds', () => {
  assert.ok(nextChunkSize(32_000, 16) > 32_000);
  assert.ok(nextChunkSize(32_000, 50) < 32_000);
  assert.equal(nextChunkSize(32_000, 25), 32_000);
  assert.equal(nextChunkSize(32_000, 0), 32_000, 'no interval measured yet');
  let size = CHUNK_CHARACTERS;
  for (let frame = 0; frame < 50; frame++) size = nextChunkSize(size, 10);
  assert.equal(size, 64_000);
  for (let frame = 0; frame < 50; frame++) size = nextChunkSize(size, 100);
  assert.equal(size, 16_000);
});

test('marks go to every paragraph they touch, in their order, and nowhere else', () => {
  const paragraphs = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 22, end: 30 }];
  const marks: Mark[] = [
    { start: 5, end: 14, kind: 'shared' },
    { start: 2, end: 3, kind: 'quote', tone: 'speaker-1' },
    { start: 10, end: 12, kind: 'hit' }, // only the gap between paragraphs 0 and 1
    { start: 25, end: 25, kind: 'note' }, // empty
    { start: 24, end: 40, kind: 'note', noteId: 'n1' },
  ];
  const byParagraph = marksByParagraph(marks, paragraphs);
  assert.deepEqual([...byParagraph.keys()].sort(), [0, 1, 2]);
  assert.deepEqual(byParagraph.get(0)!.marks, [marks[0], marks[1]]);
  assert.deepEqual(byParagraph.get(1)!.marks, [marks[0]]);
  assert.deepEqual(byParagraph.get(2)!.marks, [marks[4]]);
  assert.equal(marksByParagraph(marks, []).size, 0);
});

test("a paragraph's signature changes with anything drawn about its marks, and only then", () => {
  const paragraphs = [{ start: 0, end: 10 }, { start: 12, end: 20 }];
  const base: Mark[] = [{ start: 1, end: 4, kind: 'note', noteId: 'n1' }, { start: 13, end: 15, kind: 'quote', tone: 'speaker-2' }];
  const signature = (marks: Mark[], index: number) => marksByParagraph(marks, paragraphs).get(index)?.signature;
  const first = signature(base, 0);
  assert.equal(signature([{ ...base[0]! }, base[1]!], 0), first, 'equal marks, new objects');
  for (const change of [{ end: 5 }, { kind: 'note-drifted' as const }, { noteId: 'n2' }, { flash: 1 }, { note: 'why' }, { tone: 'speaker-3' }]) {
    assert.notEqual(signature([{ ...base[0]!, ...change }, base[1]!], 0), first, JSON.stringify(change));
    assert.equal(signature([{ ...base[0]!, ...change }, base[1]!], 1), signature(base, 1), 'the other paragraph keeps its signature');
  }
});
