import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import { mulberry32 } from '../support/mulberry32';
import { backupFileName, backupFolder, listBackups } from '../../src-main/core/store/backups';
import { inspectLibrary, isFullCheckRequested } from '../../src-main/core/store/library-health';
import { keepBackingUp, openCheckedLibrary } from '../../src-main/core/store/library-open';
import { openCheckedEngine } from '../../src-main/engine/in-process';
import { startEngineHost } from '../../src-main/engine/host';
import type { IngestReport, LibraryNotice } from '../../src-main/contract/library';

const DAY = 24 * 60 * 60 * 1000;

/** The stderr sentence of a restoration; groups: reason, damaged copy, backup time. */
const RESTORED =
  /^parallax: The library was damaged \((.+)\); it was kept aside as (.+) and the backup of (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC was restored \(notes written after that are only in the damaged copy\)\.\n$/;

/** The page size and the numbers (from 1) of the b-tree pages in the middle half of a SQLite file. */
function middleBtreePages(bytes: Buffer): { pageSize: number; pages: number[] } {
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const count = bytes.length / pageSize;
  const pages: number[] = [];
  for (let page = Math.max(2, Math.floor(count / 4)); page <= Math.ceil((3 * count) / 4); page++) {
    // Leaf and interior pages of tables and indexes start with 13, 5, 10 or 2.
    if ([2, 5, 10, 13].includes(bytes[(page - 1) * pageSize]!)) pages.push(page);
  }
  return { pageSize, pages };
}

/** Flips one bit in the b-tree header (free-block offset, cell count, content start, fragments) of 3 middle pages. */
function flipHeaderBits(bytes: Buffer, seed: number): Buffer {
  const copy = Buffer.from(bytes);
  const { pageSize, pages } = middleBtreePages(copy);
  assert.ok(pages.length >= 3, 'the library has b-tree pages in its middle half');
  const random = mulberry32(seed);
  for (let flip = 0; flip < 3; flip++) {
    const page = pages[Math.floor(random() * pages.length)]!;
    copy[(page - 1) * pageSize + 1 + Math.floor(random() * 7)]! ^= 1 << Math.floor(random() * 8);
  }
  return copy;
}

/** Flips 16 bits anywhere in the middle half of the file: in records' text too, where SQLite cannot see them. */
function flipAnywhere(bytes: Buffer, seed: number): Buffer {
  const copy = Buffer.from(bytes);
  const random = mulberry32(seed);
  for (let flip = 0; flip < 16; flip++) {
    const offset = Math.floor(copy.length / 4 + random() * (copy.length / 2));
    copy[offset]! ^= 1 << Math.floor(random() * 8);
  }
  return copy;
}

/** Seeded noise the size of the library. */
function garbage(length: number, seed: number): Buffer {
  const random = mulberry32(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

/** Each kind of damage, applied to the library's bytes. */
const DAMAGE: [string, (bytes: Buffer) => Buffer][] = [
  ['truncated to half', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2))],
  ['header zeroed (first 100 bytes)', (bytes) => Buffer.from(bytes).fill(0, 0, 100)],
  ['garbage of the same size', (bytes) => garbage(bytes.length, 7)],
  ['emptied to 0 bytes', () => Buffer.alloc(0)],
  ...[1, 2, 3, 4, 5].map((seed): [string, (bytes: Buffer) => Buffer] => [`bits flipped in b-tree pages (seed ${seed})`, (bytes) => flipHeaderBits(bytes, seed)]),
];

/** A folder-safe name for a damage kind. */
const slug = (kind: string) => kind.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');

/** The number of notes in a library file, read directly. */
function notesIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM notes').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('a damaged library at start-up', () => {
  const folder = temporaryFolder();
  const template = join(folder.dir, 'template', 'library.db');
  let notes = '';
  before(async () => {
    assert.equal((await runJson<IngestReport>(template, 'ingest', SEEDS)).added, 5);
    const doc = join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith('003'))!);
    await runJson(template, 'notes', 'add', '--doc', doc, '--exact', 'the deployment is not imminent', '--body', 'Ask the Pentagon', '--tag', 'troops');
    await runJson(template, 'notes', 'add', '--doc', doc, '--exact', 'Title 50', '--body', 'Covert action authority?');
    // The daily backup the CLI took at the first note is older than the notes: take it again, with both.
    rmSync(backupFolder(template), { recursive: true, force: true });
    const listed = await runCli(template, 'notes', 'list', '--json');
    assert.equal(listed.status, 0, listed.stderr);
    notes = listed.stdout;
    assert.equal(JSON.parse(notes).length, 2);
    assert.equal(listBackups(template).length, 1);
  });
  after(() => folder.cleanup());

  /** A copy of the template library in its own folder, with or without its backups. */
  const prepare = (name: string, withBackups = true): string => {
    const dir = join(folder.dir, name);
    mkdirSync(dir);
    copyFileSync(template, join(dir, 'library.db'));
    if (withBackups) cpSync(backupFolder(template), backupFolder(join(dir, 'library.db')), { recursive: true });
    return join(dir, 'library.db');
  };

  /** Damages a prepared library; the damaged bytes. */
  const damage = (db: string, how: (bytes: Buffer) => Buffer): Buffer => {
    const damaged = how(readFileSync(db));
    writeFileSync(db, damaged);
    return damaged;
  };

  /** Asserts the CLI restored the backup and told the user; the damaged copy's path. */
  const assertRestored = (run: { status: number; stdout: string; stderr: string }, db: string, damaged: Buffer): string => {
    assert.equal(run.status, 0, run.stderr);
    const told = RESTORED.exec(run.stderr);
    assert.ok(told, `the user is told in one sentence: ${run.stderr}`);
    const aside = told[2]!;
    assert.equal(dirname(aside), dirname(db));
    assert.match(basename(aside), /^library\.db\.damaged-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/);
    assert.ok(readFileSync(aside).equals(damaged), 'the damaged file is kept aside byte for byte');
    assert.equal(run.stdout, notes, 'the backup is back with its notes');
    return aside;
  };

  for (const [kind, how] of DAMAGE) {
    test(`${kind}: detected, kept aside unchanged, the newest backup restored with its notes, the user told`, async () => {
      const db = prepare(slug(kind));
      const damaged = damage(db, how);
      if (damaged.length > 0) assert.equal(inspectLibrary(db).state, 'damaged');
      assertRestored(await runCli(db, 'notes', 'list', '--json'), db, damaged);
      assert.equal(inspectLibrary(db, { full: true }).state, 'sound');
      const next = await runCli(db, 'notes', 'list', '--json');
      assert.equal(next.stderr, '', 'told once');
      assert.equal(next.stdout, notes);
    });

    test(`${kind}, with no backup: ${kind === 'emptied to 0 bytes' ? 'a file that never held anything starts a new library' : 'refused with the file untouched, never replaced by an empty library'}`, async () => {
      const db = prepare(`${slug(kind)}-alone`, false);
      const damaged = damage(db, how);
      const run = await runCli(db, 'notes', 'list', '--json');
      if (damaged.length === 0) {
        assert.equal(run.status, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.deepEqual(JSON.parse(run.stdout), []);
        return;
      }
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.split('\n').length, 2, 'one sentence');
      assert.ok(run.stderr.startsWith(`parallax: The library at ${db} is damaged (`), run.stderr);
      assert.match(run.stderr, /there is no sound backup to restore, so Parallax left it untouched and will not open it/);
      assert.ok(readFileSync(db).equals(damaged), 'the file is untouched');
      // SQLite's read-only look may leave an empty -wal and its -shm; nothing else appears, and nothing is moved.
      assert.deepEqual(readdirSync(dirname(db)).filter((name) => !/^library\.db-(wal|shm)$/.test(name)), ['library.db']);
      assert.ok(!existsSync(`${db}-wal`) || readFileSync(`${db}-wal`).length === 0);
    });
  }

  test('random bit flips anywhere in the middle: restored when SQLite can see them, otherwise left as they are; never an empty library', async (t) => {
    let found = 0;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const db = prepare(`anywhere-${seed}`);
      const damaged = damage(db, (bytes) => flipAnywhere(bytes, seed));
      const run = await runCli(db, 'notes', 'list', '--json');
      if (RESTORED.test(run.stderr)) {
        found += 1;
        assertRestored(run, db, damaged);
      } else {
        assert.ok(readFileSync(db).length >= damaged.length, 'not replaced');
        assert.equal(notesIn(db), 2, 'the notes are still there');
      }
    }
    t.diagnostic(`${found} of 6 found by SQLite (flips inside text are invisible to it)`);
  });

  test('the newest backup is damaged too: the newest sound one is restored; none sound: refused, untouched', async () => {
    const db = prepare('bad-newest');
    const [sound] = listBackups(db);
    const newer = join(backupFolder(db), backupFileName(db, new Date(sound!.takenAt.getTime() + 60_000), 'daily'));
    writeFileSync(newer, readFileSync(sound!.file).subarray(0, 8192));
    const damaged = damage(db, (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
    const run = await runCli(db, 'notes', 'list', '--json');
    assertRestored(run, db, damaged);
    assert.equal(RESTORED.exec(run.stderr)![3], sound!.takenAt.toISOString().slice(0, 16).replace('T', ' '));

    const none = prepare('bad-all');
    const [only] = listBackups(none);
    writeFileSync(only!.file, readFileSync(only!.file).fill(0, 0, 100));
    const broken = damage(none, (bytes) => garbage(bytes.length, 3));
    const refused = await runCli(none, 'notes', 'list', '--json');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /is damaged .* no sound backup to restore/);
    assert.ok(readFileSync(none).equals(broken));
    assert.deepEqual(readdirSync(dirname(none)).filter((name) => !/^library\.db-(wal|shm)$/.test(name)).sort(), ['backups', 'library.db']);
  });

  test('a library that is gone while its backups remain: a new one is started, and the reporter told where the backups are', async () => {
    const db = prepare('gone');
    rmSync(db);
    const run = await runCli(db, 'notes', 'list', '--json');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.equal(
      run.stderr,
      `parallax: There was no library at ${db}, so a new one was started; the backups of an earlier one are in ${backupFolder(db)} (the newest from ${listBackups(db)[0]!.takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC).\n`,
    );
    assert.equal(listBackups(db).length, 1, 'the backups are kept');
  });

  test('the engine tells the workbench: getLibraryStatus carries the notice, in-process and from the engine worker', async () => {
    const db = prepare('engine');
    damage(db, (bytes) => Buffer.from(bytes).fill(0, 0, 100));
    const library = await openCheckedEngine(db);
    try {
      const status = library.engine.getLibraryStatus({});
      assert.ok(status.ok);
      assert.deepEqual(status.value.notices.map((notice) => notice.kind), ['restored']);
      assert.match(status.value.notices[0]!.message, /^The library was damaged/);
      const listed = library.engine.listNotes({});
      assert.ok(listed.ok && listed.value.length === 2);
    } finally {
      library.close();
    }

    const hosted = prepare('engine-host');
    damage(hosted, (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
    const host = await startEngineHost({ dbFile: hosted });
    try {
      const status = await host.api.getLibraryStatus({});
      assert.ok(status.ok);
      assert.deepEqual(status.value.notices.map((notice) => notice.kind), ['restored']);
      const listed = await host.api.listNotes({});
      assert.ok(listed.ok && listed.value.length === 2);
    } finally {
      await host.close();
    }

    const alone = prepare('engine-host-alone', false);
    damage(alone, (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(startEngineHost({ dbFile: alone }), /is damaged .* no sound backup to restore/);
  });

  test('damage that appears while a host runs: its daily backup fails its check, the reporter is told, the next start restores', async () => {
    const db = prepare('while-running');
    const { connection, notices } = await openCheckedLibrary(db);
    assert.deepEqual(notices, []);
    const told: LibraryNotice[] = [];
    const later = () => new Date(Date.now() + 2 * DAY);
    const schedule = keepBackingUp(connection, db, { now: later, onNotice: (notice) => told.push(notice) });
    try {
      // Pages this connection has not read yet, damaged on disk behind its back.
      damage(db, (bytes) => flipHeaderBits(bytes, 9));
      assert.equal(await schedule.check(), null);
      assert.deepEqual(told.map((notice) => notice.kind), ['damaged']);
      assert.match(told[0]!.message, /failed its integrity check .* close Parallax and open it again/);
      assert.equal(listBackups(db).length, 1, 'the failed copy does not count');
      assert.ok(isFullCheckRequested(db));
      assert.equal(await schedule.check(), null, 'no more tries');
    } finally {
      await schedule.stop();
      connection.close();
    }
    const run = await runCli(db, 'notes', 'list', '--json');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, RESTORED);
    assert.equal(run.stdout, notes);
    assert.equal(isFullCheckRequested(db), false);
    assert.ok(existsSync(RESTORED.exec(run.stderr)![2]!));
  });
});
