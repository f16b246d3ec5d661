import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ComparedPassage } from '../../src-main/contract/compare';
import type { Output } from '../../src-main/cli/output';
import { printPassagePages } from '../../src-main/cli/passage-pages';
import { describePassages } from '../../src-main/cli/describe-compare';

/** An Output that keeps what `out` printed, as a terminal would show it. */
function capture(): { output: Output; text: () => string } {
  let written = '';
  const output: Output = {
    out: (text) => (written += text.endsWith('\n') ? text : `${text}\n`),
    write: (text) => (written += text),
    error: () => undefined,
    progress: () => undefined,
  };
  return { output, text: () => written };
}

const side = (id: string, start: number, text: string) => ({ id, path: `/story/${id}.txt`, start, end: start + text.length, text });
// Three pairs of documents, the second pair's passages running across page boundaries; texts with quotes and breaks.
const passages: ComparedPassage[] = [
  { a: side('a', 0, 'The “plan” was approved'), b: side('b', 10, 'The “plan” was approved'), similarity: 1 },
  { a: side('a', 40, 'second\npassage'), b: side('c', 5, 'second passage'), similarity: 0.917 },
  { a: side('a', 90, 'third'), b: side('c', 50, 'third'), similarity: 1 },
  { a: side('a', 120, 'fourth one'), b: side('c', 80, 'fourth one'), similarity: 1 },
  { a: side('b', 3, 'fifth'), b: side('c', 9, 'fifth'), similarity: 0.5 },
];

function pages(size: number) {
  const asked: number[] = [];
  const pageAt = async (offset: number) => {
    asked.push(offset);
    return { total: passages.length, offset, passages: passages.slice(offset, offset + size) };
  };
  return { pageAt, asked };
}

test('compare prints its passages page by page exactly as the whole list: JSON and words, any page size', async () => {
  for (const size of [1, 2, 3, 5, 10]) {
    const json = capture();
    const { pageAt, asked } = pages(size);
    await printPassagePages(pageAt, true, json.output);
    assert.equal(json.text(), `${JSON.stringify(passages, null, 2)}\n`, `JSON in pages of ${size}`);
    assert.deepEqual(asked, Array.from({ length: Math.ceil(passages.length / size) }, (_, index) => index * size));
    const words = capture();
    await printPassagePages(pages(size).pageAt, false, words.output);
    assert.equal(words.text(), `${describePassages(passages)}\n`, `words in pages of ${size}`);
  }
});

test('compare with no shared passage prints an empty list, or says so', async () => {
  const empty = async (offset: number) => ({ total: 0, offset, passages: [] });
  const json = capture();
  await printPassagePages(empty, true, json.output);
  assert.equal(json.text(), '[]\n');
  const words = capture();
  await printPassagePages(empty, false, words.output);
  assert.equal(words.text(), 'No shared passages.\n');
});
