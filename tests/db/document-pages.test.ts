// The library list served in windows (listDocumentPage): every window of every sort and filter equals the same rows
// of the whole list sorted and filtered at once; the list follows ingests, metadata edits and another connection's
// writes; `locate` finds a document's place; outlets come from the effective metadata.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_FILTER, UNKNOWN_OUTLET, type DocumentPageRequest, type LibraryFilter, type SortKey } from '../../src-main/contract/library';
import { filterDocuments, outletsOf, sortDocuments } from '../../src-main/core/library/library-order';
import { openLibrary } from '../../src-main/engine/in-process';
import { seededRandom } from '../bench/corpus';
import { ok, temporaryLibrary } from '../support/engine-library';

const library = temporaryLibrary();
after(() => library.done());
const { engine } = library;

const OUTLETS = ['Harbour Courier', 'harbour courier', 'Tide Times', 'Outlet 9', 'Outlet 10', 'Évening Post'];

/** Writes `count` small articles into a folder: repeated outlets, dates and bylines, some missing any. */
function writeArticles(folder: string, count: number, seed: number): void {
  const random = seededRandom(seed);
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const lines = [
      random() < 0.1 ? '' : `Harbour report number ${Math.floor(random() * 50)}`,
      random() < 0.2 ? '' : `By ${pick(['Ana Ruiz', 'Dana Ortiz', 'Marta Okafor'])}, ${pick(OUTLETS)}`,
      random() < 0.2 ? '' : `Published March ${1 + Math.floor(random() * 28)}, 2025`,
      'The council voted on the dredging contract. '.repeat(1 + Math.floor(random() * 20)),
    ].filter(Boolean);
    writeFileSync(join(folder, `article-${String(index).padStart(3, '0')}.txt`), `${lines.join('\n\n')}\n`);
  }
}

const FILTERS: LibraryFilter[] = [
  NO_FILTER,
  { ...NO_FILTER, story: 'north' },
  { ...NO_FILTER, outlet: 'Tide Times' },
  { ...NO_FILTER, outlet: UNKNOWN_OUTLET },
  { ...NO_FILTER, from: '2025-03-05', to: '2025-03-20' },
  { ...NO_FILTER, text: 'ruiz report' },
  { ...NO_FILTER, story: 'south', text: 'article-1' },
  { ...NO_FILTER, text: 'no such words anywhere' },
];
const KEYS: SortKey[] = ['title', 'outlet', 'published', 'byline', 'words'];

/** The whole list sorted and filtered at once, as the workbench did before it asked for windows. */
async function reference(filter: LibraryFilter, key: SortKey, direction: 'ascending' | 'descending') {
  return filterDocuments(sortDocuments(await ok(engine.listDocuments({})), { key, direction }), filter);
}

test('every window of every sort and filter is the same rows as the whole list sorted and filtered', async () => {
  writeArticles(join(library.dir, 'north'), 60, 1);
  writeArticles(join(library.dir, 'south'), 45, 2);
  await ok(engine.ingest({ paths: [join(library.dir, 'north'), join(library.dir, 'south')] }));
  const all = await ok(engine.listDocuments({}));
  assert.equal(all.length, 105);
  for (const filter of FILTERS) {
    for (const key of KEYS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const expected = await reference(filter, key, direction);
        const request = (offset: number, limit: number): DocumentPageRequest => ({ filter, sort: { key, direction }, offset, limit });
        const rows = [];
        for (let offset = 0; offset < expected.length + 7; offset += 7) {
          const page = await ok(engine.listDocumentPage(request(offset, 7)));
          assert.equal(page.total, expected.length, `${JSON.stringify(filter)} ${key} ${direction}: total`);
          assert.equal(page.all, 105);
          assert.equal(page.offset, offset);
          rows.push(...page.documents);
        }
        assert.deepEqual(rows, expected, `${JSON.stringify(filter)} ${key} ${direction}`);
      }
    }
  }
  assert.ok((await reference(FILTERS[3]!, 'title', 'ascending')).length > 0, 'some articles have no outlet');
  assert.deepEqual(await ok(engine.listOutlets({})), outletsOf(all));
  // listDocuments in parts (how the workbench reads a large library) gives the same list.
  const parts = [];
  for (let offset = 0; offset < all.length; offset += 40) parts.push(...(await ok(engine.listDocuments({ offset, limit: 40 }))));
  assert.deepEqual(parts, all);
  assert.deepEqual(await ok(engine.listDocuments({ story: 'south', offset: 40 })), all.filter((entry) => entry.stories.includes('south')).slice(40));
});

test('locate gives a document’s place in the filtered order, or null when the filter leaves it out', async () => {
  const sort = { key: 'published', direction: 'descending' } as const;
  const ordered = await reference(NO_FILTER, sort.key, sort.direction);
  const target = ordered[37]!;
  assert.equal((await ok(engine.listDocumentPage({ filter: NO_FILTER, sort, offset: 0, limit: 1, locate: target.id }))).located, 37);
  const elsewhere = { ...NO_FILTER, story: target.stories[0] === 'north' ? 'south' : 'north' };
  assert.equal((await ok(engine.listDocumentPage({ filter: elsewhere, sort, offset: 0, limit: 1, locate: target.id }))).located, null);
  assert.equal((await ok(engine.listDocumentPage({ filter: NO_FILTER, sort, offset: 0, limit: 1, locate: 'no-such-id' }))).located, null);
  assert.equal((await ok(engine.listDocumentPage({ filter: NO_FILTER, sort, offset: 0, limit: 1 }))).located, undefined);
});

test('the list follows a metadata edit, a new ingest and another connection’s write', async () => {
  const sort = { key: 'title', direction: 'ascending' } as const;
  const first = async () => (await ok(engine.listDocumentPage({ filter: NO_FILTER, sort, offset: 0, limit: 1 }))).documents[0]!;
  const before = await first();
  const [someone] = (await ok(engine.listDocuments({}))).filter((entry) => entry.id !== before.id);
  await ok(engine.setMetadataOverride({ doc: someone!.id, field: 'title', value: '000 First of all' }));
  assert.equal((await first()).id, someone!.id, 'an edited title moves the row');
  assert.ok((await ok(engine.listOutlets({}))).outlets.includes('Tide Times'));
  await ok(engine.setMetadataOverride({ doc: someone!.id, field: 'outlet', value: 'A Brand New Outlet' }));
  assert.ok((await ok(engine.listOutlets({}))).outlets.includes('A Brand New Outlet'), 'outlets follow an edit');

  // Boilerplate restored changes a document's word count: its row is read again, and the list equals a fresh read.
  const boilerplate = await ok(engine.listBoilerplate({ doc: before.id }));
  if (boilerplate.length > 0) await ok(engine.setBoilerplateRestored({ doc: before.id, index: 0, restored: true }));
  const fresh = openLibrary(join(library.dir, 'library.db'));
  try {
    assert.deepEqual(await ok(engine.listDocuments({})), await ok(fresh.engine.listDocuments({})), 'the rows read again equal a fresh list');
  } finally {
    fresh.close();
  }

  writeArticles(join(library.dir, 'east'), 3, 3);
  await ok(engine.ingest({ paths: [join(library.dir, 'east')] }));
  assert.equal((await ok(engine.listDocumentPage({ filter: NO_FILTER, sort, offset: 0, limit: 1 }))).all, 108);

  // Another process (the CLI) writes to the same library: the engine's list must not be stale.
  const other = openLibrary(join(library.dir, 'library.db'));
  try {
    await ok(other.engine.setMetadataOverride({ doc: before.id, field: 'title', value: '0000 Before everything' }));
  } finally {
    other.close();
  }
  assert.equal((await first()).id, before.id, 'a write through another connection is seen');
});
