import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT_LENGTH, resolveAnchor, selectorFor, type AnchorResolution } from '../../src-main/core/notes/anchoring';
import { mapPassage, mapText } from '../../src-main/core/notes/anchoring-diff';
import { normalizedSeed } from '../support/seed-text';

const article = normalizedSeed('000');

/** The range of the first occurrence of `words` in `text` (the test fails when there is none). */
function rangeOf(text: string, words: string, from = 0): [number, number] {
  const start = text.indexOf(words, from);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return [start, start + words.length];
}

/** A selector for the first occurrence of `words` in `text`. */
function noted(text: string, words: string, from = 0) {
  const [start, end] = rangeOf(text, words, from);
  return selectorFor(text, start, end);
}

/** The text a resolution points at. */
function found(text: string, resolution: AnchorResolution): string {
  return text.slice(resolution.start, resolution.end);
}

const sentence = 'The early stages of training for the potential mission, which would include ground operations inside Mexico, has already begun';

test('selectorFor keeps the passage, 32 characters of context each side and its offsets', () => {
  const selector = noted(article, sentence);
  const [start, end] = rangeOf(article, sentence);
  assert.equal(selector.exact, sentence);
  assert.equal(selector.prefix, article.slice(start - CONTEXT_LENGTH, start));
  assert.equal(selector.suffix, article.slice(end, end + CONTEXT_LENGTH));
  assert.deepEqual([selector.start, selector.end], [start, end]);
  // Reversed or out-of-range offsets are put in order and clamped.
  assert.deepEqual(selectorFor('abc', 5, -2), { exact: 'abc', prefix: '', suffix: '', start: 0, end: 3 });
  // Context near the text's edges is shorter.
  assert.deepEqual(selectorFor('one two three', 0, 3), { exact: 'one', prefix: '', suffix: ' two three', start: 0, end: 3 });
});

test('selectorFor never cuts a surrogate pair at the edge of the context', () => {
  const text = `🙂${'x'.repeat(31)}passage${'y'.repeat(31)}🙂tail`;
  const start = text.indexOf('passage');
  const selector = selectorFor(text, start, start + 'passage'.length);
  assert.equal(selector.prefix, 'x'.repeat(31));
  assert.equal(selector.suffix, 'y'.repeat(31));
  assert.equal(resolveAnchor(selector, '🙂' + text).state, 'ok');
});

test('a. unchanged text: ok at the same place', () => {
  const selector = noted(article, sentence);
  assert.deepEqual(resolveAnchor(selector, article), { state: 'ok', start: selector.start, end: selector.end });
});

test('a. text inserted before the passage: ok at the shifted place', () => {
  const selector = noted(article, sentence);
  const inserted = 'Editor’s note: this story was updated on Tuesday.\n\n';
  const resolution = resolveAnchor(selector, inserted + article);
  assert.deepEqual(resolution, { state: 'ok', start: selector.start + inserted.length, end: selector.end + inserted.length });
});

test('c. passage edited: drifted, over the edited words, snapped to whole words', () => {
  const selector = noted(article, sentence);
  const edited = article.replace('The early stages of training', 'The first stages of the training').replace('inside Mexico', 'inside of Mexico');
  const resolution = resolveAnchor(selector, edited);
  assert.equal(resolution.state, 'drifted');
  assert.equal(found(edited, resolution), 'The first stages of the training for the potential mission, which would include ground operations inside of Mexico, has already begun');
  // The first word edited: the range still starts at a word boundary.
  const firstWord = article.replace('The early stages', 'Those early stages');
  const first = resolveAnchor(selector, firstWord);
  assert.equal(first.state, 'drifted');
  assert.ok(found(firstWord, first).startsWith('Those early stages'), found(firstWord, first));
});

test('c. passage edited and text around it moved on: drifted at the right place', () => {
  const selector = noted(article, sentence);
  const edited = `${'A long new introduction. '.repeat(40)}\n\n${article.replace('ground operations', 'ground operation')}`;
  const resolution = resolveAnchor(selector, edited);
  assert.equal(resolution.state, 'drifted');
  assert.equal(found(edited, resolution), sentence.replace('ground operations', 'ground operation'));
});

test('d. passage deleted: orphan, at the old range clamped to the text', () => {
  const selector = noted(article, sentence);
  const deleted = article.replace(sentence, '');
  assert.deepEqual(resolveAnchor(selector, deleted), { state: 'orphan', start: selector.start, end: selector.end });
  const short = article.slice(0, 100);
  assert.deepEqual(resolveAnchor(selector, short), { state: 'orphan', start: 100, end: 100 });
});

test('b. the same sentence copied elsewhere in other surroundings: the note stays on the original', () => {
  const selector = noted(article, sentence);
  const copy = `\n\nIn other news today, readers asked about the story. ${sentence}. Nothing else was said.`;
  const shifted = 'Updated.\n\n' + article + copy;
  const resolution = resolveAnchor(selector, shifted);
  assert.deepEqual(resolution, { state: 'ok', start: selector.start + 'Updated.\n\n'.length, end: selector.end + 'Updated.\n\n'.length });
});

test('b/c. original edited, exact copy elsewhere in other surroundings: drifted on the original, never the copy', () => {
  const selector = noted(article, sentence);
  const copy = `\n\nIn other news today, readers asked about the story. ${sentence}. Nothing else was said.`;
  const edited = article.replace('potential mission', 'potential operation') + copy;
  const resolution = resolveAnchor(selector, edited);
  assert.equal(resolution.state, 'drifted');
  const [originalStart] = rangeOf(edited, 'The early stages of training');
  assert.equal(resolution.start, originalStart);
  assert.ok(resolution.end < edited.length - copy.length);
});

test('original deleted, exact copy elsewhere in other surroundings: orphan, not the copy', () => {
  const selector = noted(article, sentence);
  const copy = `\n\nIn other news today, readers asked about the story. ${sentence}. Nothing else was said.`;
  const resolution = resolveAnchor(selector, article.replace(sentence, 'A different sentence stands here now') + copy);
  assert.equal(resolution.state, 'orphan');
});

test('two places with identical passage and context, neither at the old position: orphan', () => {
  const block = 'Subscribe to our newsletter for the latest news. Read the full story on our website today. Share it with friends and family.';
  const text = `First paragraph of the story.\n\n${block}\n\nSecond paragraph of the story.\n\n${block}\n\nThe end.`;
  const selector = noted(text, 'Read the full story on our website today.');
  // As noted: the old position decides.
  assert.equal(resolveAnchor(selector, text).state, 'ok');
  // Shifted so the old position no longer holds the passage: the two places cannot be told apart.
  const shifted = `${'A new opening line of the updated story. '.repeat(30)}\n\n${text}`;
  assert.equal(resolveAnchor(selector, shifted).state, 'orphan');
});

test('short phrase repeated many times: the occurrence whose context matches, or orphan', () => {
  const text = [
    'The two current U.S. officials said the plan was early.',
    'Later, the two former U.S. officials said the plan was known.',
    'Finally the two current U.S. officials said nothing at all about it.',
  ].join('\n\n');
  const second = text.indexOf('officials said', text.indexOf('Later'));
  const selector = selectorFor(text, second, second + 'officials said'.length);
  const shifted = 'Headline\n\n' + text;
  assert.deepEqual(resolveAnchor(selector, shifted), { state: 'ok', start: second + 'Headline\n\n'.length, end: second + 'Headline\n\n'.length + 14 });
  // Its context rewritten on both sides: a short phrase cannot be told from its other occurrences.
  const rewritten = shifted.replace('Later, the two former U.S. officials said the plan was known.', 'Then, several anonymous officials said something else entirely.');
  assert.equal(resolveAnchor(selector, rewritten).state, 'orphan');
});

test('empty text and empty passage', () => {
  const selector = noted(article, sentence);
  assert.deepEqual(resolveAnchor(selector, ''), { state: 'orphan', start: 0, end: 0 });
  const caret = selectorFor(article, 500, 500);
  assert.equal(caret.exact, '');
  assert.deepEqual(resolveAnchor(caret, article), { state: 'ok', start: 500, end: 500 });
  assert.deepEqual(resolveAnchor(caret, 'xx' + article), { state: 'ok', start: 502, end: 502 });
  assert.equal(resolveAnchor(caret, 'unrelated text').state, 'orphan');
});

test('passage at the very start and at the very end of the text', () => {
  const first = article.slice(0, article.indexOf('\n'));
  const start = selectorFor(article, 0, first.length);
  assert.equal(start.prefix, '');
  assert.deepEqual(resolveAnchor(start, article), { state: 'ok', start: 0, end: first.length });
  const headline = 'Breaking: a new headline\n\n';
  assert.deepEqual(resolveAnchor(start, headline + article), { state: 'ok', start: headline.length, end: headline.length + first.length });
  const edited = article.replace('military action', 'military operations');
  const drifted = resolveAnchor(start, edited);
  assert.equal(drifted.state, 'drifted');
  assert.equal(found(edited, drifted), first.replace('military action', 'military operations'));

  const lastParagraph = article.slice(article.lastIndexOf('\n') + 1);
  const end = selectorFor(article, article.length - lastParagraph.length, article.length);
  assert.equal(end.suffix, '');
  assert.deepEqual(resolveAnchor(end, article), { state: 'ok', start: end.start, end: article.length });
  const appended = article + '\n\nThis story has been updated.';
  assert.deepEqual(resolveAnchor(end, appended), { state: 'ok', start: end.start, end: article.length });
});

test('Unicode: emoji and other surrogate pairs, offsets in UTF-16 code units, never split', () => {
  const text = 'Intro line.\n\n🚨Update: President Trump is preparing a mission in Mexico 🇲🇽 to target cartels.\n\nClosing line with more words here.';
  const passage = '🚨Update: President Trump is preparing a mission in Mexico 🇲🇽 to target cartels.';
  const selector = noted(text, passage);
  assert.equal(resolveAnchor(selector, text).state, 'ok');
  const added = '👍👍 Added first. 🙏\n\n';
  const shifted = added + text;
  const resolution = resolveAnchor(selector, shifted);
  assert.deepEqual(resolution, { state: 'ok', start: selector.start + added.length, end: selector.end + added.length });
  assert.equal(found(shifted, resolution), passage);
  const edited = shifted.replace('🇲🇽 to target', '🇲🇽🇺🇸 to strike');
  const drifted = resolveAnchor(selector, edited);
  assert.equal(drifted.state, 'drifted');
  const now = found(edited, drifted);
  assert.ok(now.startsWith('🚨Update') && now.endsWith('cartels.'), now);
  for (const offset of [drifted.start, drifted.end]) {
    const before = edited.charCodeAt(offset - 1);
    assert.ok(!(before >= 0xd800 && before <= 0xdbff), 'no surrogate pair is split');
  }
});

test('a whole paragraph moved elsewhere in the text: found again', () => {
  const paragraphs = article.split('\n\n');
  const index = paragraphs.findIndex((paragraph) => paragraph.length > 200 && paragraph.length < 900);
  const paragraph = paragraphs[index]!;
  const selector = noted(article, paragraph);
  const moved = [...paragraphs.slice(0, index), ...paragraphs.slice(index + 1)];
  moved.splice(moved.length - 1, 0, paragraph);
  const text = moved.join('\n\n');
  const resolution = resolveAnchor(selector, text);
  assert.equal(resolution.state, 'ok');
  assert.equal(found(text, resolution), paragraph);
});

test('long passage (over 1,000 characters): found by its ends, ok, drifted or orphan', () => {
  const paragraph = article.split('\n\n').find((candidate) => candidate.length > 1000);
  assert.ok(paragraph, 'seed 000 has a paragraph over 1,000 characters');
  const selector = noted(article, paragraph);
  const shifted = 'Update.\n\n' + article;
  assert.deepEqual(resolveAnchor(selector, shifted), { state: 'ok', start: selector.start + 8 + 1, end: selector.end + 9 });
  const edited = shifted.replace('Title 50 status', 'Title 50 authority').replace('two current U.S. officials said', 'two U.S. officials said');
  const drifted = resolveAnchor(selector, edited);
  assert.equal(drifted.state, 'drifted');
  assert.ok(found(edited, drifted).startsWith(paragraph.slice(0, 40)));
  assert.ok(found(edited, drifted).endsWith(paragraph.slice(-40)));
  assert.equal(resolveAnchor(selector, shifted.replace(paragraph, 'Removed.')).state, 'orphan');
});

test('texts are LF only: a passage over a line break resolves like any other', () => {
  const text = 'Alpha line one.\nBeta line two.\nGamma line three.';
  const selector = noted(text, 'one.\nBeta line');
  assert.ok(!text.includes('\r'));
  assert.equal(resolveAnchor(selector, 'Zero.\n' + text).state, 'ok');
});

test('a shifted passage of a 1 MB text resolves at the shifted place (its time is printed, never asserted: machines are noisy)', () => {
  const big = Array.from({ length: 240 }, (_, index) => article.replaceAll('Mexico', `Mexico-${index}`)).join('\n\n');
  assert.ok(big.length > 1_000_000);
  const [start, end] = rangeOf(big, 'has already begun', Math.floor(big.length / 2));
  const selector = selectorFor(big, start, end);
  const shifted = 'Headline.\n\n' + big;
  resolveAnchor(selector, shifted);
  const began = performance.now();
  const resolution = resolveAnchor(selector, shifted);
  console.log(`anchoring, shifted passage in 1 MB: ${(performance.now() - began).toFixed(1)} ms`);
  assert.deepEqual(resolution, { state: 'ok', start: start + 11, end: end + 11 });
});

test('diff mapping: an insertion before the passage shifts it, an edit inside keeps most of it, a deletion keeps none', () => {
  const before = 'One line first.\n\nThe council approved the budget on Tuesday evening.\n\nA last line.';
  const [start, end] = rangeOf(before, 'approved the budget on Tuesday');
  const shifted = `A new opening paragraph.\n\n${before}`;
  assert.deepEqual(mapPassage(mapText(before, shifted)!, start, end), { start: start + 26, end: end + 26, kept: end - start });
  const edited = before.replace('on Tuesday', 'on Wednesday');
  const mapped = mapPassage(mapText(before, edited)!, start, end)!;
  assert.equal(edited.slice(mapped.start, mapped.end), 'approved the budget on Wednesday'.slice(0, mapped.end - mapped.start));
  assert.ok(mapped.kept >= 'approved the budget on '.length && mapped.kept < end - start);
  const deleted = before.replace('The council approved the budget on Tuesday evening.\n\n', '');
  assert.equal(mapPassage(mapText(before, deleted)!, start, end), null);
});

test('with the noted text: an original under a new heading beside an exact copy elsewhere is followed, where the selector alone orphans it', () => {
  const passage = 'The council approved the budget on Tuesday evening after a long debate about the harbour.';
  const original = `${article}\n\nBudget vote\n\n${passage} Residents were split.\n\nThe mayor spoke last.`;
  const selector = noted(original, passage);
  const edited = original.replace('Budget vote', 'What the council decided').replace('after a long debate', 'after a very long debate') + `\n\nA letter quoted it: ${passage} Nobody replied.`;
  assert.equal(resolveAnchor(selector, edited).state, 'orphan');
  const followed = resolveAnchor(selector, edited, mapText(original, edited));
  assert.equal(followed.state, 'drifted');
  assert.equal(edited.slice(followed.start, followed.end), passage.replace('a long debate', 'a very long debate'));
});

test('with the noted text: a copy set right before the edited original is not taken for it', () => {
  const passage = 'The council approved the budget on Tuesday evening after a long debate about the harbour.';
  const original = `${article}\n\nBudget vote\n\n${passage}\n\nThe mayor spoke last.`;
  const selector = noted(original, passage);
  const rewritten = passage.replace('approved the budget on Tuesday evening', 'passed the spending plan late on Tuesday');
  const edited = original.replace(`${passage}\n\n`, `${passage}\n\n${rewritten}\n\n`);
  const resolved = resolveAnchor(selector, edited, mapText(original, edited));
  const copyAt = edited.indexOf(passage);
  assert.ok(resolved.state === 'orphan' || resolved.start > copyAt + passage.length, `not on the copy: ${JSON.stringify(resolved)}`);
});
