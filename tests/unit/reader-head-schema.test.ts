/** getReaderView's `head` at the transports' door: a whole number of characters from 1 to READER_HEAD_LIMIT, or absent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { READER_HEAD_LIMIT } from '../../src-main/contract/reader';
import { validateInput } from '../../src-main/contract/schemas';

test('getReaderView takes an optional head: a positive whole number up to the limit', () => {
  for (const input of [{ doc: 'd1' }, { doc: 'd1', head: 1 }, { doc: 'd1', head: 6000 }, { doc: 'd1', head: READER_HEAD_LIMIT }]) {
    const result = validateInput('getReaderView', input);
    assert.ok(result.ok, JSON.stringify(input));
    assert.deepEqual(result.value, input);
  }
});

test('getReaderView refuses a head of 0, negative, fractional, too large or not a number, in one plain sentence', () => {
  for (const head of [0, -1, -6000, 2.5, 0.5, READER_HEAD_LIMIT + 1, Number.POSITIVE_INFINITY, Number.NaN, '6000', null, true, [6000]]) {
    const result = validateInput('getReaderView', { doc: 'd1', head });
    assert.equal(result.ok, false, `head ${JSON.stringify(head)}`);
    if (result.ok) continue;
    assert.equal(result.error.code, 'bad-request');
    assert.equal(result.error.message, `The opening to read first must be a whole number of characters from 1 to ${READER_HEAD_LIMIT}.`);
  }
  const extra = validateInput('getReaderView', { doc: 'd1', head: 10, tail: 10 });
  assert.equal(extra.ok, false);
});
