import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSnippets, hitsFromMarkedText, HIT_CLOSE, HIT_OPEN, readMarkedText } from '../../src-main/core/search/snippets';

test('hit offsets are read from marked text as offsets into the unmarked text', () => {
  const marked = `The ${HIT_OPEN}cartels${HIT_CLOSE} and the ${HIT_OPEN}CIA${HIT_CLOSE}.`;
  const text = 'The cartels and the CIA.';
  const hits = hitsFromMarkedText(marked);
  assert.deepEqual(hits.map((hit) => text.slice(hit.start, hit.end)), ['cartels', 'CIA']);
});

test('snippets are exact slices of the text around the densest hits, in order, at word boundaries', () => {
  const text = `${'alpha beta gamma. '.repeat(40)}The target word sits here. ${'delta epsilon. '.repeat(40)}Another target at the end.`;
  const hits = [...text.matchAll(/target/g)].map((match) => ({ start: match.index, end: match.index + 6 }));
  const snippets = buildSnippets(text, hits, 3, 120);
  assert.equal(snippets.length, 2);
  for (const snippet of snippets) {
    assert.equal(text.slice(snippet.start, snippet.end), snippet.text);
    assert.ok(snippet.text.includes('target'));
    assert.ok(snippet.start === 0 || /\s/.test(text[snippet.start - 1]!), 'starts at a word');
    assert.ok(snippet.text.length <= 160);
  }
  assert.ok(snippets[0]!.start < snippets[1]!.start);
});

test('without hits the snippet is the opening of the text', () => {
  const [snippet] = buildSnippets('A short opening sentence. And more.', []);
  assert.equal(snippet!.start, 0);
  assert.equal(snippet!.text, 'A short opening sentence. And more.');
});

test('snippets never overlap, stay in bounds and contain their hits (property)', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 2000 }), fc.array(fc.tuple(fc.nat(), fc.nat(30)), { maxLength: 30 }), (text, raw) => {
      const hits = raw.map(([at, length]) => {
        const start = at % text.length;
        return { start, end: Math.min(text.length, start + length + 1) };
      });
      const snippets = buildSnippets(text, hits);
      let previousEnd = 0;
      for (const snippet of snippets) {
        assert.ok(snippet.start >= previousEnd && snippet.end <= text.length && snippet.start < snippet.end);
        assert.equal(text.slice(snippet.start, snippet.end), snippet.text);
        for (const hit of snippet.hits) assert.ok(hit.start >= snippet.start && hit.end <= snippet.end);
        previousEnd = snippet.end;
      }
    }),
  );
});

/** The character-by-character reading of marked text the one-pass reader replaced: the reference it must agree with. */
function readMarkedTextSlowly(marked: string): { text: string; hits: { start: number; end: number }[] } {
  const hits: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const character of marked) {
    if (character === HIT_OPEN) open = text.length;
    else if (character === HIT_CLOSE) {
      if (open >= 0) hits.push({ start: open, end: text.length });
      open = -1;
    } else text += character;
  }
  return { text, hits };
}

test('marked text is split into the unmarked text and its hits, as a character-by-character reading does (property)', () => {
  const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(HIT_OPEN), fc.constant(HIT_CLOSE), fc.constant('é'), fc.constant('😀'));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const marked = pieces.join('');
      const read = readMarkedText(marked);
      assert.deepEqual(read, readMarkedTextSlowly(marked));
      assert.deepEqual(hitsFromMarkedText(marked), read.hits);
    }),
  );
  assert.deepEqual(readMarkedText(`a${HIT_CLOSE}b${HIT_OPEN}c${HIT_OPEN}d${HIT_CLOSE}`), { text: 'abcd', hits: [{ start: 3, end: 4 }] });
});
