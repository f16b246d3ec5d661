import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EngineHandlers } from '../../src-main/core/engine';
import type { RelatedPassage, SharedPassage } from '../../src-main/contract/reader';
import { openLibrary } from '../../src-main/engine/in-process';
import { SEEDS, temporaryFolder } from '../support/cli';

const folder = temporaryFolder();
let library: { engine: EngineHandlers; close: () => void };
/** Document ids by the seed's number ("000" … "004") and by the extra files' names. */
const ids = new Map<string, string>();

before(async () => {
  const unrelated = join(folder.dir, 'unrelated');
  mkdirSync(unrelated);
  writeFileSync(join(unrelated, 'harbour.txt'), 'The council voted on Tuesday to close the harbour for the winter, the mayor said.\n\nShe expects the fleet to return in spring, when repairs to the quay are finished.\n');
  writeFileSync(join(unrelated, 'orchard.txt'), 'Apple growers in the valley reported a poor harvest after a late frost damaged blossoms across most orchards.\n');
  library = openLibrary(join(folder.dir, 'library.db'));
  const report = await library.engine.ingest({ paths: [SEEDS, unrelated] });
  assert.ok(report.ok);
  const docs = library.engine.listDocuments({});
  assert.ok(docs.ok);
  for (const doc of docs.value) ids.set(basename(doc.path).replace(/_.*|\.txt$/g, ''), doc.id);
});

after(() => {
  library.close();
  folder.cleanup();
});

function id(name: string): string {
  const found = ids.get(name);
  assert.ok(found, `document ${name} was ingested`);
  return found;
}

function textOf(name: string, raw = false): string {
  const result = library.engine.getDocumentText({ doc: id(name), raw });
  assert.ok(result.ok);
  return result.value.text;
}

/** The [start, end) of the first occurrence of `needle` in a document's reading text. */
function selection(name: string, needle: string): { start: number; end: number } {
  const start = textOf(name).indexOf(needle);
  assert.ok(start >= 0, `"${needle}" is in ${name}`);
  return { start, end: start + needle.length };
}

function shared(...names: string[]): SharedPassage[] {
  const result = library.engine.listSharedPassages({ docs: names.map(id) });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

function related(name: string, needle: string, within: string[], limit?: number): RelatedPassage[] {
  const result = library.engine.findRelatedPassages({ doc: id(name), ...selection(name, needle), within: within.map(id), limit });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  for (const passage of result.value) assert.equal(passage.text, textOf([...ids].find(([, value]) => value === passage.docId)![0]).slice(passage.start, passage.end));
  return result.value;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

test('the reader view of seed 000: its text, paragraphs in order, and hidden blocks placed where they were cut', () => {
  const view = library.engine.getReaderView({ doc: id('000') });
  assert.ok(view.ok);
  const { text, paragraphs, hidden, document } = view.value;
  assert.equal(text, textOf('000'));
  const details = library.engine.getDocument({ doc: id('000') });
  assert.ok(details.ok);
  assert.deepEqual(document, details.value);

  let cursor = 0;
  for (const paragraph of paragraphs) {
    assert.ok(paragraph.start >= cursor && paragraph.end > paragraph.start, 'paragraphs are ordered and non-empty');
    assert.equal(text.slice(cursor, paragraph.start).trim(), '', 'only whitespace between paragraphs');
    assert.equal(text.slice(paragraph.start, paragraph.end).trim(), text.slice(paragraph.start, paragraph.end));
    cursor = paragraph.end;
  }
  assert.equal(text.slice(cursor).trim(), '');
  assert.ok(paragraphs.length > 5);

  const ads = hidden.filter((block) => block.text.trim() === 'Advertisement');
  assert.equal(ads.length, 2);
  assert.ok(ads.every((block) => block.reason === 'ad-marker'));
  const promo = hidden.find((block) => block.text.startsWith('Editor’s Note'));
  assert.ok(promo);
  assert.equal(promo.reason, 'promotion');
  assert.equal(promo.at, text.length, 'the closing promo stood after the last paragraph');
  assert.match(text.slice(0, ads[0]!.at), /to the United States\.\s*$/);
  assert.match(text.slice(ads[0]!.at), /^But now, it appears/);

  const listed = library.engine.listBoilerplate({ doc: id('000') });
  assert.ok(listed.ok);
  for (const block of hidden) assert.equal(listed.value[block.index]!.text, block.text);
  let rebuilt = '';
  let position = 0;
  for (const block of [...hidden].sort((left, right) => left.at - right.at || left.index - right.index)) {
    rebuilt += `${text.slice(position, block.at)}\n\n${block.text}\n\n`;
    position = block.at;
  }
  rebuilt += text.slice(position);
  assert.equal(squeeze(rebuilt), squeeze(textOf('000', true)), 'putting the blocks back restores the raw order');
});

test('a restored block is no longer hidden; the other blocks keep their indexes', () => {
  const restored = library.engine.setBoilerplateRestored({ doc: id('003'), index: 1, restored: true });
  assert.ok(restored.ok);
  try {
    const view = library.engine.getReaderView({ doc: id('003') });
    assert.ok(view.ok);
    assert.ok(!view.value.hidden.some((block) => block.index === 1));
    assert.ok(view.value.hidden.some((block) => block.index === 2 && block.reason === 'author-bio'));
    const raw = textOf('003', true);
    const rebuilt = view.value.hidden.reduceRight(
      (text, block) => `${text.slice(0, block.at)}${block.text}${text.slice(block.at)}`,
      view.value.text,
    );
    assert.equal(squeeze(rebuilt), squeeze(raw));
  } finally {
    library.engine.setBoilerplateRestored({ doc: id('003'), index: 1, restored: false });
  }
});

test('the reader view of an unknown document is a not-found result', () => {
  const view = library.engine.getReaderView({ doc: 'no-such-document' });
  assert.equal(view.ok, false);
  assert.equal(!view.ok && view.error.code, 'not-found');
  const bad = library.engine.getReaderView({} as never);
  assert.equal(!bad.ok && bad.error.code, 'bad-request');
});

test('002 and 004 share the senior administration official’s statement', () => {
  const statement = 'The Trump administration is committed to utilizing an all-of-government approach to address the threats cartels pose to American citizens';
  const passages = shared('002', '004');
  const found = passages.find((passage) => passage.a.text.includes(statement) && passage.b.text.includes(statement));
  assert.ok(found);
  assert.equal(found.similarity, 1);
  assert.equal(found.a.docId, id('002'));
  assert.equal(found.b.docId, id('004'));
});

test('000 and 003 share the Title 50 passage although 003 writes "US" for "U.S."', () => {
  const passages = shared('000', '003');
  const found = passages.find((passage) => passage.a.text.includes('U.S. intelligence community') && passage.b.text.includes('US intelligence community'));
  assert.ok(found);
  assert.ok(found.a.text.includes('Title 50 status') && found.b.text.includes('Title 50 status'));
  assert.equal(found.a.text, textOf('000').slice(found.a.start, found.a.end));
  assert.equal(found.b.text, textOf('003').slice(found.b.start, found.b.end));
  for (let index = 1; index < passages.length; index++) assert.ok(passages[index - 1]!.a.start <= passages[index]!.a.start);
});

test('shared passages are symmetric, ordered by the first document, and absent between unrelated texts', () => {
  const key = (passage: SharedPassage, swap: boolean) => {
    const [a, b] = swap ? [passage.b, passage.a] : [passage.a, passage.b];
    return `${a.docId}:${a.start}:${a.end}|${b.docId}:${b.start}:${b.end}|${passage.similarity}`;
  };
  const forward = shared('000', '003');
  const backward = shared('003', '000');
  assert.ok(forward.length > 0);
  assert.deepEqual(backward.map((passage) => key(passage, true)).sort(), forward.map((passage) => key(passage, false)).sort());
  assert.deepEqual(shared('harbour', '000'), []);
  assert.deepEqual(shared('harbour', 'orchard'), []);

  const four = shared('003', '000', '002', '004');
  const order = [id('003'), id('000'), id('002'), id('004')];
  for (let index = 1; index < four.length; index++) {
    const [previous, current] = [four[index - 1]!, four[index]!];
    const rank = (passage: SharedPassage) => order.indexOf(passage.a.docId);
    assert.ok(rank(previous) < rank(current) || (rank(previous) === rank(current) && previous.a.start <= current.a.start));
    assert.ok(order.indexOf(current.a.docId) < order.indexOf(current.b.docId));
  }
  assert.ok(four.some((passage) => passage.a.docId === id('002') && passage.b.docId === id('004')));
});

test('listSharedPassages wants two to four different, known documents', () => {
  const codes = [
    library.engine.listSharedPassages({ docs: [id('000')] }),
    library.engine.listSharedPassages({ docs: [id('000'), id('000')] }),
    library.engine.listSharedPassages({ docs: ['000', '001', '002', '003', '004'].map(id) }),
    library.engine.listSharedPassages({ docs: 'nope' } as never),
    library.engine.listSharedPassages({ docs: [id('000'), 'no-such-document'] }),
  ].map((result) => (result.ok ? 'ok' : result.error.code));
  assert.deepEqual(codes, ['bad-request', 'bad-request', 'bad-request', 'bad-request', 'not-found']);
});

test('selecting "Title 50" in 000 finds it verbatim in 002 and 003', () => {
  const passages = related('000', 'Title 50', ['001', '002', '003', '004']);
  const verbatim = passages.filter((passage) => passage.kind === 'verbatim');
  assert.deepEqual(new Set(verbatim.map((passage) => passage.docId)), new Set([id('002'), id('003')]));
  for (const passage of verbatim) {
    assert.equal(passage.text, 'Title 50');
    assert.equal(passage.score, 1);
  }
});

test('a selection with "U.S." finds the same words written "US" verbatim', () => {
  const passages = related('000', 'under the authority of the U.S. intelligence community', ['002', '003', '004']);
  const first = passages[0];
  assert.ok(first);
  assert.equal(first.kind, 'verbatim');
  assert.equal(first.docId, id('003'));
  assert.equal(first.text, 'under the authority of the US intelligence community');
});

test('a reworded sentence finds near and related passages, best kinds first, each region once', () => {
  const reworded = 'The U.S. troops, many of whom would be from Joint Special Operations Command, would operate under the authority of the U.S. intelligence community, known as Title 50 status';
  const passages = related('000', reworded, ['001', '002', '003', '004']);
  const near = passages.find((passage) => passage.kind === 'near');
  assert.ok(near);
  assert.equal(near.docId, id('003'));
  assert.ok(near.score >= 0.7 && near.score < 1);
  assert.ok(near.text.includes('Title 50 status'));
  assert.ok(passages.some((passage) => passage.kind === 'related' && passage.docId === id('002') && passage.text.includes('Title 50')));

  const paraphrase = related('002', 'meaning US forces would act under the direction of the intelligence community', ['000', '003']);
  assert.ok(paraphrase.some((passage) => passage.kind !== 'verbatim' && passage.text.includes('intelligence community')));

  const kinds = ['verbatim', 'near', 'related'];
  for (let index = 1; index < passages.length; index++) {
    const [previous, current] = [passages[index - 1]!, passages[index]!];
    const order = kinds.indexOf(previous.kind) - kinds.indexOf(current.kind);
    assert.ok(order < 0 || (order === 0 && previous.score >= current.score));
  }
  for (const passage of passages) {
    assert.ok(passage.kind !== 'related' || passage.score <= 0.69);
    for (const other of passages) {
      if (other === passage || other.docId !== passage.docId) continue;
      assert.ok(other.end <= passage.start || passage.end <= other.start, 'regions never overlap');
    }
  }
  assert.equal(related('000', reworded, ['001', '002', '003', '004'], 2).length, 2);
});

test('a one-word selection finds only verbatim matches; the selection itself is never returned', () => {
  const passages = related('001', 'Sheinbaum', ['001', '002', '003']);
  assert.deepEqual(passages.map((passage) => [passage.kind, passage.docId, passage.text]), [
    ['verbatim', id('001'), 'Sheinbaum'],
    ['verbatim', id('002'), 'Sheinbaum'],
  ]);
  const own = selection('001', 'Sheinbaum');
  assert.ok(!passages.some((passage) => passage.docId === id('001') && passage.start === own.start));
});

test('bad selections come back as error results, never as exceptions', () => {
  const length = textOf('000').length;
  const within = [id('003')];
  const attempts: Array<[unknown, string]> = [
    [{ doc: id('000'), start: 20, end: 10, within }, 'bad-request'],
    [{ doc: 'no-such-document', start: 0, end: 10, within }, 'not-found'],
    [{ doc: id('000'), start: 0, end: length + 1, within }, 'bad-request'],
    [{ doc: id('000'), start: -1, end: 10, within }, 'bad-request'],
    [{ doc: id('000'), start: 0.5, end: 10, within }, 'bad-request'],
    [{ doc: id('000'), start: 5, end: 5, within }, 'bad-request'],
    [{ doc: id('000'), start: 0, end: 10, within: [] }, 'bad-request'],
    [{ doc: id('000'), start: 0, end: 10, within: Array.from({ length: 21 }, () => id('003')) }, 'bad-request'],
    [{ doc: id('000'), start: 0, end: 10, within: ['no-such-document'] }, 'not-found'],
    [{ doc: id('000'), start: 0, end: 10, within, limit: 0 }, 'bad-request'],
    [{ doc: id('000'), start: 0, end: 10, within, limit: 101 }, 'bad-request'],
    [null, 'bad-request'],
  ];
  for (const [input, code] of attempts) {
    const result = library.engine.findRelatedPassages(input as never);
    assert.equal(result.ok ? 'ok' : result.error.code, code, JSON.stringify(input));
  }
});
