import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageMarksByParagraph } from '../../src-renderer/features/reader/page-marks';

const paragraphs = [
  { start: 0, end: 40 },
  { start: 42, end: 90 },
  { start: 92, end: 150 },
];

test('a page is marked before the paragraph it begins in, "inside" when it begins within one', () => {
  const marks = pageMarksByParagraph(
    [
      { page: 1, at: 0 },
      { page: 2, at: 60 },
      { page: 3, at: 92 },
    ],
    paragraphs,
  );
  assert.deepEqual([...marks], [
    [0, [{ page: 1, inside: false }]],
    [1, [{ page: 2, inside: true }]],
    [2, [{ page: 3, inside: false }]],
  ]);
});

test('a page starting in the gap between paragraphs goes before the next; pages beyond the text, and none, mark nothing', () => {
  assert.deepEqual([...pageMarksByParagraph([{ page: 2, at: 41 }], paragraphs)], [[1, [{ page: 2, inside: false }]]]);
  assert.deepEqual([...pageMarksByParagraph([{ page: 5, at: 150 }], paragraphs)], []);
  assert.deepEqual([...pageMarksByParagraph([], paragraphs)], []);
  // Two pages in one paragraph (a page with a few words) are both shown, in page order.
  assert.deepEqual([...pageMarksByParagraph([{ page: 3, at: 70 }, { page: 2, at: 50 }], paragraphs)], [[1, [{ page: 2, inside: true }, { page: 3, inside: true }]]]);
});
