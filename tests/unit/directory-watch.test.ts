import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchTree, type TreeEvent } from '../../src-main/core/ingest/directory-watch';

/** Waits until the condition holds, polling, or fails after the timeout. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('one system watch per folder, none per file; events name the files and folders that changed', async () => {
  const root = mkdtempSync(join(tmpdir(), 'parallax-tree-'));
  const realWatch = fs.watch;
  const watched: string[] = [];
  fs.watch = ((path: fs.PathLike, ...rest: unknown[]) => {
    watched.push(String(path));
    return (realWatch as (...values: unknown[]) => fs.FSWatcher)(path, ...rest);
  }) as typeof fs.watch;
  syncBuiltinESMExports();
  const events: [TreeEvent, string][] = [];
  const watcher = watchTree(root, { ignored: (path) => path.endsWith('.cache') });
  try {
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    mkdirSync(join(root, '.cache'));
    for (let index = 0; index < 300; index++) writeFileSync(join(root, index % 2 ? 'a' : join('a', 'b'), `article-${index}.txt`), 'text');
    // Watch a tree that already holds its files: they cost nothing.
    await watcher.close();
    watched.length = 0;
    const live = watchTree(root, { ignored: (path) => path.endsWith('.cache') });
    live.on('all', (event, path) => events.push([event, path]));
    await new Promise<void>((resolve) => live.on('ready', resolve));
    assert.deepEqual(watched.sort(), [root, join(root, 'a'), join(root, 'a', 'b')].sort(), 'folders only; the ignored folder is not watched');

    writeFileSync(join(root, 'a', 'b', 'new.txt'), 'new');
    await waitFor(() => events.some(([event, path]) => event === 'change' && path === join(root, 'a', 'b', 'new.txt')), 5000, 'a new file');
    mkdirSync(join(root, 'a', 'c'));
    await waitFor(() => events.some(([event, path]) => event === 'addDir' && path === join(root, 'a', 'c')), 5000, 'a new folder');
    writeFileSync(join(root, 'a', 'c', 'inside.txt'), 'inside');
    await waitFor(() => events.some(([event, path]) => event === 'change' && path === join(root, 'a', 'c', 'inside.txt')), 5000, 'a file in the new folder');
    rmSync(join(root, 'a', 'article-1.txt'));
    await waitFor(() => events.some(([event, path]) => event === 'unlink' && path === join(root, 'a', 'article-1.txt')), 5000, 'a removed file');
    rmSync(join(root, 'a', 'b'), { recursive: true });
    await waitFor(() => events.some(([event, path]) => event === 'unlinkDir' && path === join(root, 'a', 'b')), 5000, 'a removed folder');
    writeFileSync(join(root, '.cache', 'x.txt'), 'ignored');
    rmSync(root, { recursive: true });
    await waitFor(() => events.some(([event, path]) => event === 'unlinkDir' && path === root), 5000, 'the root gone');
    assert.ok(!events.some(([, path]) => path.includes('.cache')), 'nothing reported from an ignored folder');
    await live.close();
  } finally {
    fs.watch = realWatch;
    syncBuiltinESMExports();
    await watcher.close();
    rmSync(root, { recursive: true, force: true });
  }
});
