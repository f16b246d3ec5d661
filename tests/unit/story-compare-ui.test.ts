// The Compare view's pure logic: source labels, claim sorting and origins, the provenance layout, and the reader's
// "only in this source" margin notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, ComparedDocument, ProvenanceEdge } from '../../src-main/contract/compare';
import { paragraphMargin } from '../../src-renderer/features/compare/unique-ranges';
import { clipText, passageExcerpt, shortFileName } from '../../src-renderer/features/story-compare/clip-text';
import { nextSort, originTones, placesToOpen, sentenceOf, sortClaims, sourceCount } from '../../src-renderer/features/story-compare/claim-rows';
import { GRAPH, layoutProvenance, outletRadius, type GraphSource } from '../../src-renderer/features/story-compare/provenance-layout';
import { formatShare, originName, sourceColumns } from '../../src-renderer/features/story-compare/source-columns';

function document(id: string, outlet: string | null, published: string | null, unique = 0): ComparedDocument {
  return {
    id,
    path: `/stories/sample/${id}.txt`,
    title: `Title of ${id}`,
    outlet,
    published,
    unique: Array.from({ length: unique }, (_, index) => ({ start: index * 10, end: index * 10 + 5, text: 'words' })),
    sharedShare: 0.5,
  };
}

function claim(id: string, sources: [doc: string, origin: string][], origins: number): Claim {
  return {
    id,
    text: `Claim ${id}`,
    sources: sources.map(([doc, origin], index) => ({ id: doc, path: `/${doc}.txt`, start: index * 100, end: index * 100 + 40, origin })),
    origins,
    singleOrigin: origins === 1,
  };
}

function edge(from: string, to: string, start = 0): ProvenanceEdge {
  return { from: { id: from, path: `/${from}.txt` }, to, start, end: start + 20, text: `according to ${to}` };
}

test('sources are labelled by outlet or file name, dated, ordered by date with undated last, and told apart', () => {
  const columns = sourceColumns([
    document('c', null, null, 2),
    document('b', 'NBC News', '2025-11-04T10:00:00Z'),
    document('a', 'NBC News', '2025-11-03'),
    document('d', 'News18', '2025-11-03'),
  ]);
  assert.deepEqual(
    columns.map((column) => column.label),
    ['NBC News #1', 'News18', 'NBC News #2', 'c'],
  );
  assert.equal(columns[0]!.date, '3 Nov 2025');
  assert.equal(columns[3]!.date, '');
  assert.equal(columns[3]!.uniqueCount, 2);
  assert.match(columns[3]!.description, /Outlet not known · date not known · c\.txt/);
  assert.equal(formatShare(0.004), '1%');
  assert.equal(formatShare(0.62), '62%');
  assert.equal(formatShare(0), '0%');
  assert.equal(originName('c', columns), "c's own reporting");
  assert.equal(originName('NBC News', columns), 'NBC News');
});

test('claims sort by sources or origins, ties broken the same way, and a header click flips the direction', () => {
  const claims = [
    claim('two-one', [['a', 'X'], ['b', 'X']], 1),
    claim('four-two', [['a', 'X'], ['b', 'X'], ['c', 'Y'], ['d', 'Y']], 2),
    claim('three-three', [['a', 'X'], ['b', 'Y'], ['c', 'Z']], 3),
    claim('three-one', [['a', 'X'], ['b', 'X'], ['c', 'X'], ['c', 'X']], 1),
  ];
  assert.equal(sourceCount(claims[3]!), 3, 'a source repeating the claim counts once');
  const ids = (sorted: Claim[]) => sorted.map((item) => item.id);
  assert.deepEqual(ids(sortClaims(claims, { key: 'sources', direction: 'descending' })), ['four-two', 'three-one', 'three-three', 'two-one']);
  assert.deepEqual(ids(sortClaims(claims, { key: 'sources', direction: 'ascending' })), ['two-one', 'three-one', 'three-three', 'four-two']);
  assert.deepEqual(ids(sortClaims(claims, { key: 'origins', direction: 'ascending' })), ['three-one', 'two-one', 'four-two', 'three-three']);
  assert.deepEqual(ids(sortClaims(claims, { key: 'origins', direction: 'descending' })), ['three-three', 'four-two', 'three-one', 'two-one']);
  assert.deepEqual(nextSort({ key: 'sources', direction: 'descending' }, 'origins'), { key: 'origins', direction: 'descending' });
  assert.deepEqual(nextSort({ key: 'origins', direction: 'descending' }, 'origins'), { key: 'origins', direction: 'ascending' });
});

test('origins get stable colours, most carried first; a claim opens one source per origin first, at most four', () => {
  const claims = [claim('one', [['a', 'NBC News'], ['b', 'NBC News'], ['c', 'Reuters']], 2), claim('two', [['d', 'NBC News'], ['e', 'e']], 2)];
  const tones = originTones(claims);
  assert.equal(tones.get('NBC News'), 0);
  assert.equal(tones.size, 3);

  const wide = claim('wide', [['a', 'X'], ['b', 'X'], ['c', 'X'], ['d', 'X'], ['e', 'Y'], ['f', 'Z']], 3);
  const places = placesToOpen(wide, ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(
    places.map((place) => place.docId),
    ['a', 'b', 'e', 'f'],
    'X, Y and Z each get a pane, then the earliest other source; panes keep the column order',
  );
  assert.deepEqual(places[0], { docId: 'a', start: 0, end: 40 });
});

test('sentences and labels are clipped at a word, on one line', () => {
  assert.equal(clipText('one  two\nthree', 50), 'one two three');
  assert.equal(clipText('alpha beta gamma delta epsilon', 18), 'alpha beta gamma…');
  assert.ok(clipText('x'.repeat(40), 10).length <= 10);
  assert.equal(sentenceOf('Before. The claim itself. After.', 8, 25, 'fallback'), 'The claim itself.');
  assert.equal(sentenceOf(undefined, 8, 25, 'fallback'), 'fallback');
  assert.equal(passageExcerpt('a new mission to send'), '…a new mission to send…', 'a fragment says it is one');
  assert.equal(passageExcerpt('The plan was approved.'), 'The plan was approved.');
  assert.equal(shortFileName('000_68766bf1f3d91e92.txt').replace(/\u2060/g, ''), '000_687…1e92');
  assert.equal(shortFileName('notes.md'), 'notes');
  assert.equal(sentenceOf('short', 8, 25, 'fallback'), 'fallback', 'offsets beyond the text fall back');
});

test('the provenance layout: outlets by citing sources, sources by their outlets, sizes and curves', () => {
  const sources: GraphSource[] = ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ id, label: `Source ${id}`, date: '', outlet: id === 's4' ? 'News18' : null }));
  const edges = [
    ...['s1', 's2', 's3', 's4', 's5'].map((id) => edge(id, 'NBC News')),
    edge('s2', 'NBC News', 300),
    edge('s2', 'NBC News', 600),
    edge('s2', 'News18'),
    edge('s2', 'Daily Mail'),
    edge('ghost', 'Elsewhere'),
  ];
  const layout = layoutProvenance(sources, edges);
  assert.deepEqual(
    layout.outlets.map((node) => [node.name, node.sources, node.credits]),
    [
      ['NBC News', 5, 7],
      ['Daily Mail', 1, 1],
      ['News18', 1, 1],
    ],
    'edges from documents outside the story are ignored',
  );
  assert.equal(layout.outlets.find((node) => node.name === 'News18')!.inStory, true);
  assert.equal(layout.sources.at(-1)!.id, 's2', 'the source crediting the lower outlets stands lowest');
  assert.equal(layout.links.length, 7);
  const thick = layout.links.find((link) => link.from === 's2' && link.to === 'NBC News')!;
  assert.equal(thick.phrases.length, 3);
  assert.deepEqual(thick.label && thick.label.text, '×3');
  assert.ok(thick.width > layout.links.find((link) => link.from === 's1')!.width);
  assert.ok(layout.outlets[0]!.r > layout.outlets[1]!.r, 'more citing sources, bigger node');

  // Everything inside the picture, outlets far enough apart for their two lines of label.
  for (const node of layout.sources) assert.ok(node.y > 0 && node.y < layout.height);
  for (const node of layout.outlets) assert.ok(node.y - node.r > 0 && node.y + node.r < layout.height);
  for (let index = 1; index < layout.outlets.length; index++) {
    const [above, below] = [layout.outlets[index - 1]!, layout.outlets[index]!];
    assert.ok(below.y - above.y >= above.r + below.r + 14, 'outlets do not overlap');
  }
});

test('the provenance layout stays readable with 30 sources and 15 outlets', () => {
  const sources: GraphSource[] = Array.from({ length: 30 }, (_, index) => ({ id: `s${index}`, label: `A rather long outlet name number ${index}`, date: '3 Nov 2025', outlet: null }));
  const edges: ProvenanceEdge[] = [];
  sources.forEach((source, index) => {
    edges.push(edge(source.id, 'NBC News'));
    for (let outlet = 0; outlet < 15; outlet++) if ((index + outlet) % 7 === 0) edges.push(edge(source.id, `Outlet ${outlet}`), edge(source.id, `Outlet ${outlet}`, 50));
  });
  const layout = layoutProvenance(sources, edges);
  assert.equal(layout.outlets.length, 16);
  assert.equal(layout.sources.length, 30);
  const ys = layout.sources.map((node) => node.y);
  for (let index = 1; index < ys.length; index++) assert.ok(ys[index]! - ys[index - 1]! >= GRAPH.row - 0.1, 'a row per source');
  for (const node of layout.sources) {
    assert.ok(node.shortLabel.length <= GRAPH.sourceChars);
    assert.ok(node.shortLabel.endsWith(' · 3 Nov 2025'), 'the date survives shortening');
  }
  assert.ok(outletRadius(30) < GRAPH.minSlot, 'the biggest node fits its slot');
  for (let index = 1; index < layout.outlets.length; index++) {
    const [above, below] = [layout.outlets[index - 1]!, layout.outlets[index]!];
    assert.ok(below.y - above.y >= above.r + below.r + 14);
  }
  // Count labels never overlap one another.
  const labels = layout.links.flatMap((link) => (link.label ? [link.label] : []));
  assert.ok(labels.length > 0);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      assert.ok(Math.abs(a.x - b.x) >= 24 || Math.abs(a.y - b.y) >= 16, `labels ${i} and ${j} overlap`);
    }
  }
});

test('a paragraph no shared passage touches is only in this source; a partly shared one is noted as such', () => {
  const text = 'Shared words are here in both. Only this source adds these seven extra words today.\n\nAd\n\nAll of this is shared.';
  const first = { start: 0, end: text.indexOf('\n') };
  const shared = [{ start: 0, end: 31 }];
  assert.deepEqual(paragraphMargin(first, text, []), { kind: 'unique', note: 'Only in this source' });
  const partly = paragraphMargin(first, text, shared);
  assert.equal(partly?.kind, 'partly-unique');
  assert.match(partly!.note, /^Only in this source: 9 of this paragraph's 15 words/);
  const short = { start: text.indexOf('Ad'), end: text.indexOf('Ad') + 2 };
  assert.equal(paragraphMargin(short, text, []), null, 'too short to note');
  const last = { start: text.lastIndexOf('All'), end: text.length };
  assert.equal(paragraphMargin(last, text, [{ start: last.start, end: text.length }]), null);
  assert.equal(paragraphMargin(first, text, [{ start: 0, end: 70 }]), null, 'a few own words are not worth a note');
});
