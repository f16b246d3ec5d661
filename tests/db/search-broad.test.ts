// A query matching more documents than are ranked lists the newest first and says so; a narrower one is ranked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/store/database';
import { createLibrarySearch } from '../../src-main/core/search/library-search';
import { RECENT_ORDER_NOTE, type SearchHitDetails } from '../../src-main/contract/search';
import { COMMANDS } from '../../src-main/cli/commands';
import type { EngineHandlers } from '../../src-main/core/engine';
import { ok, temporaryLibrary } from '../support/engine-library';

/** Six articles mention the harbour; two also mention the dredging contract, one of them three times. */
function writeArticles(folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (let index = 1; index <= 6; index++) {
    const dredging = index === 2 ? ' The dredging contract, the dredging budget and the dredging delay.' : index === 5 ? ' A dredging contract was signed.' : '';
    writeFileSync(join(folder, `article-${index}.txt`), `Harbour report ${index}\n\nThe harbour council met on day ${index}.${dredging}\n`);
  }
}

test('past the ranked-match limit the newest matches come first, marked recent; under it bm25 ranks', async () => {
  const library = temporaryLibrary();
  try {
    const folder = join(library.dir, 'articles');
    writeArticles(folder);
    await ok(library.engine.ingest({ paths: [folder] }));
    const db = openDatabase(join(library.dir, 'library.db'));
    try {
      const search = createLibrarySearch(db, { rankedMatchLimit: 3 });
      const newestPaths = (db.prepare('SELECT path FROM documents ORDER BY rowid DESC').pluck().all() as string[]).slice(0, 2);

      const broad = search.search('harbour', 2);
      assert.ok(broad.ok);
      assert.deepEqual(broad.value.map((hit) => hit.path), newestPaths, 'the two most recently added of six matches');
      assert.ok(broad.value.every((hit) => hit.order === 'recent' && hit.score === 0));
      assert.ok(broad.value.every((hit) => hit.snippets.length > 0 && hit.highlights.flat().length > 0), 'snippets still mark the hits');

      const narrow = search.search('dredging', 2);
      assert.ok(narrow.ok);
      assert.deepEqual(narrow.value.map((hit) => hit.path.endsWith('article-2.txt')), [true, false], 'three mentions rank first');
      assert.ok(narrow.value.every((hit) => hit.order === undefined && hit.score > 0));

      const asked = search.search('harbour', 3);
      assert.ok(asked.ok && asked.value.every((hit) => hit.order === undefined), 'a limit at the ranked-match limit ranks all');
    } finally {
      db.close();
    }
  } finally {
    library.done();
  }
});

test('the CLI prints the note before unranked hits in text, and keeps its JSON shape', async () => {
  const hit: SearchHitDetails = { id: 'd1', path: '/story/a.txt', title: 'A', score: 0, snippets: [{ text: 'harbour', start: 0, end: 7 }], highlights: [[{ start: 0, end: 7 }]], order: 'recent' };
  const engine = { search: () => ({ ok: true, value: [hit] }) } as unknown as EngineHandlers;
  const printed = async (json: boolean): Promise<string> => {
    const lines: string[] = [];
    const output = { out: (text: string) => lines.push(text), write: (text: string) => lines.push(text), error: () => {}, progress: () => {} };
    await COMMANDS.search!.run({ engine, positionals: ['harbour'], options: { json }, output });
    return lines.join('\n');
  };
  assert.ok((await printed(false)).startsWith(RECENT_ORDER_NOTE));
  const hits = JSON.parse(await printed(true)) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(hits[0]!).sort(), ['id', 'path', 'score', 'snippets', 'title'], 'the JSON shape of CLI.md');
  hit.order = undefined;
  assert.ok(!(await printed(false)).includes(RECENT_ORDER_NOTE), 'ranked hits carry no note');
});
