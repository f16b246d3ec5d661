// The library list's sort and filter: sorting by collated places gives the collator's own order (stable, unknown
// values last in both directions), and an empty filter hands back the list itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_FILTER, type DocumentSummary, type SortKey } from '../../src-main/contract/library';
import { filterDocuments, sortDocuments } from '../../src-main/core/library/library-order';

const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const OUTLETS = ['Reuters', 'reuters', 'Réuters', 'AP', 'ap', 'Outlet 10', 'Outlet 9', 'Zeit', 'Ärzteblatt', null];

/** `count` documents whose outlets, dates and bylines repeat (the case sorted through places) and whose titles do not. */
function library(count: number): DocumentSummary[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `doc-${index}`,
    path: `/stories/${String(index).padStart(4, '0')}.txt`,
    title: index % 7 === 0 ? null : `Title ${(index * 37) % 101}`,
    outlet: OUTLETS[(index * 3) % OUTLETS.length]!,
    published: index % 5 === 0 ? null : `2025-0${1 + (index % 9)}-1${index % 10}`,
    byline: index % 4 === 0 ? null : `Writer ${index % 6}`,
    url: null,
    words: (index * 13) % 50,
    stories: index % 2 === 0 ? ['harbour'] : [],
  }));
}

/** The order the list had before places: every pair compared with the collator, stable, unknown values last. */
function reference(documents: readonly DocumentSummary[], key: SortKey, direction: 'ascending' | 'descending'): DocumentSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (document: DocumentSummary) => (key === 'title' ? (document.title ?? document.path.split('/').pop()!) : key === 'words' ? document.words : document[key]);
  return documents
    .map((document, index) => ({ document, index, value: value(document) }))
    .sort((left, right) => {
      if (left.value === null || right.value === null) return left.value === right.value ? left.index - right.index : left.value === null ? 1 : -1;
      const compared = typeof left.value === 'number' && typeof right.value === 'number' ? left.value - right.value : COLLATOR.compare(String(left.value), String(right.value));
      return sign * compared || left.index - right.index;
    })
    .map((entry) => entry.document);
}

test('every column sorts in the collator order, stable, unknown values last in both directions', () => {
  const documents = library(400);
  for (const key of ['title', 'outlet', 'published', 'byline', 'words'] as const) {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = sortDocuments(documents, { key, direction });
      assert.deepEqual(sorted.map((document) => document.id), reference(documents, key, direction).map((document) => document.id), `${key} ${direction}`);
    }
  }
});

test('outlets equal to the collator share a place and keep their order; numbers in names sort as numbers', () => {
  const documents = library(40);
  const outlets = sortDocuments(documents, { key: 'outlet', direction: 'ascending' }).map((document) => document.outlet);
  const reutersLike = outlets.filter((outlet) => outlet !== null && COLLATOR.compare(outlet, 'reuters') === 0);
  const firstSeen = documents.map((document) => document.outlet).filter((outlet) => reutersLike.includes(outlet!));
  assert.deepEqual(reutersLike, firstSeen, 'ties keep the list order');
  assert.ok(outlets.indexOf('Outlet 9') < outlets.indexOf('Outlet 10'));
  assert.equal(outlets.at(-1), null);
});

test('an empty filter returns the list itself; a filter keeps the sorted order', () => {
  const documents = library(50);
  assert.equal(filterDocuments(documents, NO_FILTER), documents);
  const sorted = sortDocuments(documents, { key: 'published', direction: 'descending' });
  const filtered = filterDocuments(sorted, { ...NO_FILTER, story: 'harbour', text: 'writer' });
  assert.deepEqual(filtered, sorted.filter((document) => document.stories.includes('harbour') && document.byline !== null));
});
