import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFolderWatcher, type FolderWatcher, type FolderWatcherOptions } from '../../src-main/core/ingest/folder-watch';
import { formatOfFileName } from '../../src-main/core/extract/index';

const isSupported = (path: string) => formatOfFileName(path) !== null;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a condition until it holds; fails the test after the timeout. */
async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}.`);
    await sleep(25);
  }
}

/** Whether no system watch and no timer is left: a watcher that leaked one would keep the test process alive. */
function released(): boolean {
  const resources = process.getActiveResourcesInfo();
  return !resources.includes('FSEventWrap') && !resources.includes('Timeout');
}

/** One call of the fake reconcile: when it started and ended, and what it saw on disk. */
interface Call {
  folder: string;
  startedAt: number;
  endedAt: number;
  seen: number;
}

/** A watcher over a fresh temporary folder with a fake reconcile that records its calls and its concurrency. */
async function setUp(options: Partial<FolderWatcherOptions> & { busyMs?: number; look?: (folder: string) => number } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
  const calls: Call[] = [];
  const errors: string[] = [];
  const probe = { active: 0, most: 0 };
  const watcher: FolderWatcher = createFolderWatcher({
    isSupported,
    settleMs: 100,
    stableMs: 300,
    pollMs: 300,
    onError: (_folder, message) => errors.push(message),
    reconcile: async (path) => {
      const call: Call = { folder: path, startedAt: Date.now(), endedAt: 0, seen: (options.look ?? (() => 0))(path) };
      probe.active++;
      probe.most = Math.max(probe.most, probe.active);
      calls.push(call);
      await sleep(options.busyMs ?? 20);
      call.endedAt = Date.now();
      probe.active--;
    },
    ...options,
  });
  await watcher.watch(folder);
  const tearDown = async () => {
    await watcher.close();
    rmSync(folder, { recursive: true, force: true });
  };
  return { folder, watcher, calls, errors, probe, tearDown };
}

test('a new file leads to one reconcile of its folder', async () => {
  const { folder, watcher, calls, probe, tearDown } = await setUp();
  try {
    assert.deepEqual(watcher.folders(), [folder]);
    writeFileSync(join(folder, 'article.txt'), 'A new article.');
    await waitFor(() => calls.length >= 1, 10_000, 'a reconcile');
    await watcher.idle();
    await sleep(300);
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.folder, folder);
    assert.equal(probe.most, 1);
  } finally {
    await tearDown();
  }
});

test('a file written in chunks is reconciled only once it is complete', async () => {
  let path = '';
  const { folder, watcher, calls, tearDown } = await setUp({
    settleMs: 50,
    stableMs: 1000,
    look: () => statSync(path, { throwIfNoEntry: false })?.size ?? -1,
  });
  try {
    path = join(folder, 'download.html');
    const chunk = '<p>' + 'word '.repeat(200) + '</p>\n';
    const descriptor = openSync(path, 'w');
    try {
      for (let index = 0; index < 5; index++) {
        writeSync(descriptor, chunk);
        await sleep(400);
      }
    } finally {
      closeSync(descriptor);
    }
    const finalSize = statSync(path).size;
    assert.equal(finalSize, Buffer.byteLength(chunk) * 5);
    await waitFor(() => calls.length >= 1, 10_000, 'a reconcile');
    await watcher.idle();
    assert.deepEqual(
      calls.map((call) => call.seen),
      calls.map(() => finalSize),
    );
  } finally {
    await tearDown();
  }
});

test('3,000 files written at once lead to a few reconciles, the last after the last file', async () => {
  const { folder, watcher, calls, probe, tearDown } = await setUp({ look: (path) => readdirSync(path).length });
  try {
    for (let index = 0; index < 3000; index++) writeFileSync(join(folder, `wire-${index}.txt`), `Story number ${index}.`);
    const lastWrittenAt = Date.now();
    await waitFor(() => calls.some((call) => call.seen === 3000), 25_000, 'a reconcile that sees every file');
    await watcher.idle();
    await sleep(300);
    assert.ok(calls.length <= 5, `${calls.length} reconciles`);
    assert.ok(calls[calls.length - 1]!.startedAt >= lastWrittenAt);
    assert.equal(probe.most, 1);
  } finally {
    await tearDown();
  }
});

test('deleting, renaming and moving files and folders lead to reconciles', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
  writeFileSync(join(folder, 'old.txt'), 'Old article.');
  writeFileSync(join(folder, 'draft.md'), '# Draft');
  mkdirSync(join(folder, 'archive'));
  writeFileSync(join(folder, 'archive', 'kept.txt'), 'Kept.');
  const calls: string[] = [];
  const watcher = createFolderWatcher({ isSupported, settleMs: 100, stableMs: 300, reconcile: async (path) => void calls.push(path) });
  try {
    await watcher.watch(folder);
    await sleep(400);
    assert.equal(calls.length, 0, 'files already there when watching starts are not events');
    unlinkSync(join(folder, 'old.txt'));
    await waitFor(() => calls.length === 1, 10_000, 'a reconcile after a delete');
    await watcher.idle();
    renameSync(join(folder, 'draft.md'), join(folder, 'final.md'));
    await waitFor(() => calls.length === 2, 10_000, 'a reconcile after a rename');
    await watcher.idle();
    renameSync(join(folder, 'archive'), join(tmpdir(), `parallax-watch-moved-${process.pid}-${Date.now()}`));
    await waitFor(() => calls.length === 3, 10_000, 'a reconcile after a folder moved away');
    await watcher.idle();
    assert.deepEqual(new Set(calls), new Set([folder]));
  } finally {
    await watcher.close();
    rmSync(folder, { recursive: true, force: true });
    for (const name of readdirSync(tmpdir())) {
      if (name.startsWith(`parallax-watch-moved-${process.pid}-`)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
});

test('unsupported, hidden and temporary files never lead to a reconcile', async () => {
  const { folder, watcher, calls, tearDown } = await setUp();
  try {
    mkdirSync(join(folder, '.cache'));
    const names = ['photo.jpg', 'notes.xyz', '~$draft.docx', '~$notes.txt', '.~lock.article.txt#', '.article.txt.swp', 'article.txt.swp', 'page.html.part', 'page.html.crdownload', 'save.tmp', 'article.txt.tmp', '.hidden.txt', join('.cache', 'copy.txt')];
    for (const name of names) writeFileSync(join(folder, name), 'scratch');
    writeFileSync(join(folder, '.cache', 'copy.txt'), 'scratch, changed');
    unlinkSync(join(folder, 'save.tmp'));
    await sleep(1000);
    assert.equal(calls.length, 0);
    writeFileSync(join(folder, 'article.txt'), 'A real article.');
    await waitFor(() => calls.length === 1, 10_000, 'the watcher to still see a real article');
    await watcher.idle();
  } finally {
    await tearDown();
  }
});

test('a reconcile is never run twice at once for a folder, and events during one lead to one more after it', async () => {
  const { folder, watcher, calls, probe, tearDown } = await setUp({ busyMs: 800 });
  try {
    writeFileSync(join(folder, 'first.txt'), 'First.');
    await waitFor(() => probe.active === 1, 10_000, 'the first reconcile to start');
    for (let index = 0; index < 20; index++) writeFileSync(join(folder, `during-${index}.txt`), 'Written while the library is updated.');
    await waitFor(() => calls.length === 2 && probe.active === 0, 10_000, 'the second reconcile to end');
    await watcher.idle();
    await sleep(300);
    assert.equal(calls.length, 2);
    assert.equal(probe.most, 1);
    assert.ok(calls[1]!.startedAt >= calls[0]!.endedAt);
  } finally {
    await tearDown();
  }
});

test('close drops pending work, waits for the running reconcile and leaves no handle or timer', async () => {
  await waitFor(released, 5000, 'the handles of earlier tests to be released');
  const { folder, watcher, calls, probe } = await setUp({ busyMs: 500 });
  try {
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'one.txt'), 'One.');
    await waitFor(() => probe.active === 1, 10_000, 'a reconcile to start');
    assert.ok(process.getActiveResourcesInfo().includes('FSEventWrap'));
    writeFileSync(join(folder, 'two.txt'), 'Two.');
    await sleep(50);
    await watcher.close();
    assert.equal(probe.active, 0, 'close waited for the running reconcile');
    assert.deepEqual(watcher.folders(), []);
    await watcher.watch(folder);
    assert.deepEqual(watcher.folders(), [], 'a closed watcher watches nothing');
    await waitFor(released, 5000, 'handles and timers to be released');
    writeFileSync(join(folder, 'three.txt'), 'Three.');
    await sleep(500);
    assert.equal(calls.length, 1);
  } finally {
    await watcher.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('unwatch stops one folder and leaves the others watched', async () => {
  const first = await setUp();
  const second = mkdtempSync(join(tmpdir(), 'parallax-watch-'));
  try {
    await first.watcher.watch(second);
    assert.deepEqual(new Set(first.watcher.folders()), new Set([first.folder, second]));
    await first.watcher.unwatch(first.folder);
    assert.deepEqual(first.watcher.folders(), [second]);
    writeFileSync(join(first.folder, 'ignored.txt'), 'Not watched any more.');
    writeFileSync(join(second, 'seen.txt'), 'Still watched.');
    await waitFor(() => first.calls.length >= 1, 10_000, 'a reconcile of the folder still watched');
    await first.watcher.idle();
    await sleep(300);
    assert.deepEqual(first.calls.map((call) => call.folder), [second]);
  } finally {
    await first.tearDown();
    rmSync(second, { recursive: true, force: true });
  }
});

test('when the system watcher fails, it is reported once and the folder is reconciled periodically', async () => {
  const realWatch = fs.watch;
  fs.watch = (() => {
    throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
  }) as typeof fs.watch;
  syncBuiltinESMExports();
  let context: Awaited<ReturnType<typeof setUp>> | undefined;
  try {
    context = await setUp();
    const { calls, errors, probe } = context;
    await waitFor(() => calls.length >= 3, 10_000, 'periodic reconciles');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /limit/);
    assert.match(errors[0]!, /\.$/);
    assert.equal(probe.most, 1);
  } finally {
    fs.watch = realWatch;
    syncBuiltinESMExports();
    await context?.tearDown();
  }
  await waitFor(released, 5000, 'handles and timers to be released');
});

test('a folder that vanishes is reported once, not reconciled while gone, and watched again when it is back', async () => {
  const { folder, watcher, calls, errors, tearDown } = await setUp();
  try {
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'article.txt'), 'Article.');
    await waitFor(() => calls.length === 1, 10_000, 'the reconcile of the first article');
    await watcher.idle();
    rmSync(folder, { recursive: true, force: true });
    await waitFor(() => errors.length === 1, 10_000, 'the folder to be reported missing');
    await sleep(700);
    assert.equal(errors.length, 1);
    assert.equal(calls.length, 1, 'a missing folder is not reconciled');
    mkdirSync(folder);
    await waitFor(() => calls.length === 2, 10_000, 'a reconcile when the folder is back');
    await watcher.idle();
    writeFileSync(join(folder, 'later.txt'), 'Written after the folder came back.');
    await waitFor(() => calls.length === 3, 10_000, 'a reconcile from the watcher started again');
    await watcher.idle();
    assert.deepEqual(watcher.folders(), [folder]);
  } finally {
    await tearDown();
  }
  await waitFor(released, 5000, 'handles and timers to be released');
});

test('a failing reconcile is reported once until it succeeds again, and does not stop the watching', async () => {
  let attempts = 0;
  const { folder, watcher, calls, errors, tearDown } = await setUp({
    look: () => {
      attempts++;
      if (attempts <= 2) throw new Error('The library is locked by another program.');
      return 0;
    },
  });
  try {
    writeFileSync(join(folder, 'one.txt'), 'One.');
    await waitFor(() => errors.length === 1, 10_000, 'the failure to be reported');
    await watcher.idle();
    writeFileSync(join(folder, 'two.txt'), 'Two.');
    await waitFor(() => attempts === 2, 10_000, 'a second attempt');
    await watcher.idle();
    assert.equal(errors.length, 1, 'a second failure in a row is not reported again');
    assert.match(errors[0]!, /library is locked by another program\); it tries again at the next change\.$/);
    writeFileSync(join(folder, 'three.txt'), 'Three.');
    await waitFor(() => calls.length === 1, 10_000, 'a reconcile that succeeds');
    await watcher.idle();
  } finally {
    await tearDown();
  }
});
