import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitPassages } from '../../src-main/core/search/passages';

test('paragraphs become passages whose offsets index the text', () => {
  const text = 'First paragraph.\n\nSecond paragraph,\nwith a second line.\n\nThird.';
  const passages = splitPassages('doc', text);
  assert.deepEqual(passages.map((passage) => text.slice(passage.start, passage.end)), [
    'First paragraph.',
    'Second paragraph,\nwith a second line.',
    'Third.',
  ]);
});

test('a very long paragraph is cut at sentence ends into passages that cover it in order', () => {
  const text = 'This sentence is about forty characters. '.repeat(100).trim();
  const passages = splitPassages('doc', text);
  assert.ok(passages.length > 2);
  for (const passage of passages) {
    assert.ok(passage.end - passage.start <= 1200);
    assert.match(text.slice(passage.start, passage.end), /\.$/);
  }
  assert.equal(passages[0]!.start, 0);
  assert.equal(passages.at(-1)!.end, text.length);
});

test('passages are ordered, disjoint and in bounds for any text (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 5000 }), (text) => {
      let previous = 0;
      for (const passage of splitPassages('doc', text)) {
        assert.ok(passage.start >= previous && passage.end <= text.length && passage.start < passage.end);
        previous = passage.end;
      }
    }),
  );
});
