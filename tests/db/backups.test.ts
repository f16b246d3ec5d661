import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import { openDatabase, schemaVersion } from '../../src-main/core/store/database';
import { MIGRATIONS } from '../../src-main/core/store/migrations';
import {
  BACKUP_POLICY,
  BackupError,
  backupFolder,
  isDailyBackupDue,
  listBackups,
  takeBackup,
  takeBackupNow,
} from '../../src-main/core/store/backups';
import { keepBackingUp, openCheckedLibrary } from '../../src-main/core/store/library-open';
import type { IngestReport } from '../../src-main/contract/library';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NAME = /^library-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-(daily|pre-migration)\.db$/;

/** A clock that stands still until moved. */
function fakeClock(start: string): { now: () => Date; advance: (ms: number) => void } {
  let time = new Date(start).getTime();
  return { now: () => new Date(time), advance: (ms) => void (time += ms) };
}

/** The notes of a library or backup file, read directly. */
function notesIn(file: string): { id: string; body: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id, body FROM notes ORDER BY id').all() as { id: string; body: string }[];
  } finally {
    db.close();
  }
}

const insertDocument = `INSERT INTO documents (id, path, format, encoding, content_hash, file_size, file_mtime_ms, extractor_version,
  raw_text, reading_text, text_hash, words, added_at, updated_at)
  VALUES (?, ?, 'txt', 'utf-8', 'h', 1, 1, 1, 'raw', ?, 't', 4, 'now', 'now')`;

describe('backups of a library with notes', () => {
  const folder = temporaryFolder();
  const template = join(folder.dir, 'template');
  const templateDb = join(template, 'library.db');
  before(async () => {
    const report = await runJson<IngestReport>(templateDb, 'ingest', SEEDS);
    assert.equal(report.added, 5);
    const doc = join(SEEDS, readdirSync(SEEDS).find((name) => name.startsWith('003'))!);
    await runJson(templateDb, 'notes', 'add', '--doc', doc, '--exact', 'the deployment is not imminent', '--body', 'Ask the Pentagon', '--tag', 'troops');
    await runJson(templateDb, 'notes', 'add', '--doc', doc, '--exact', 'Title 50', '--body', 'Covert action authority?');
    rmSync(backupFolder(templateDb), { recursive: true, force: true });
  });
  after(() => folder.cleanup());

  /** A fresh copy of the template library (without backups) in its own folder. */
  const copy = (name: string): string => {
    const dir = join(folder.dir, name);
    mkdirSync(dir);
    cpSync(templateDb, join(dir, 'library.db'));
    return join(dir, 'library.db');
  };

  test('the CLI takes a daily backup when it opens a library with data: a single checked SQLite file with the same notes', async () => {
    const db = copy('cli-daily');
    const listed = await runCli(db, 'notes', 'list', '--json');
    assert.equal(listed.status, 0, listed.stderr);
    assert.equal(listed.stderr, '');
    const names = readdirSync(backupFolder(db));
    assert.equal(names.length, 1, names.join(', '));
    assert.match(names[0]!, NAME);
    assert.match(names[0]!, /-daily\.db$/);
    const [backup] = listBackups(db);
    assert.equal(backup!.reason, 'daily');
    assert.ok(Math.abs(backup!.takenAt.getTime() - Date.now()) < 60_000);

    const opened = new Database(backup!.file, { readonly: true });
    try {
      assert.equal(opened.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal(opened.pragma('journal_mode', { simple: true }), 'delete', 'a backup is one self-contained file');
      assert.equal(schemaVersion(opened), MIGRATIONS.at(-1)!.version);
      assert.equal(opened.prepare('SELECT count(*) FROM documents').pluck().get(), 5);
    } finally {
      opened.close();
    }
    assert.deepEqual(notesIn(backup!.file), notesIn(db));
    assert.equal(notesIn(db).length, 2);

    const again = await runCli(db, 'docs', '--json');
    assert.equal(again.status, 0);
    assert.equal(readdirSync(backupFolder(db)).length, 1, 'one daily backup a day');
  });

  test('an empty library is not backed up', async () => {
    const dir = join(folder.dir, 'empty');
    const db = join(dir, 'library.db');
    assert.equal((await runCli(db, 'docs', '--json')).status, 0);
    assert.equal((await runCli(db, 'notes', 'list', '--json')).status, 0);
    assert.deepEqual(listBackups(db), []);
  });

  test('a host opens at once and takes the daily backup after the delay it asks for', async () => {
    const db = copy('deferred');
    const clock = fakeClock('2026-11-21T10:00:00Z');
    const opened = await openCheckedLibrary(db, { now: clock.now, deferDailyBackup: true });
    assert.deepEqual(listBackups(db), [], 'nothing copied before the library is used');
    const schedule = keepBackingUp(opened.connection, db, { now: clock.now, firstCheckAfterMs: 20 });
    try {
      for (let waited = 0; listBackups(db).length === 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(listBackups(db).map((backup) => basename(backup.file)), ['library-2026-11-21T10-00-00Z-daily.db']);
    } finally {
      await schedule.stop();
      opened.connection.close();
    }
  });

  test('daily schedule with a fake clock: at open when the newest daily backup is a day old, and hourly in a running host', async () => {
    const db = copy('schedule');
    const clock = fakeClock('2026-11-21T10:00:00Z');
    const first = await openCheckedLibrary(db, { now: clock.now });
    assert.deepEqual(first.notices, []);
    assert.deepEqual(listBackups(db).map((backup) => basename(backup.file)), ['library-2026-11-21T10-00-00Z-daily.db']);

    const schedule = keepBackingUp(first.connection, db, { now: clock.now, everyMs: DAY });
    try {
      clock.advance(23 * HOUR);
      assert.equal(isDailyBackupDue(db, clock.now()), false);
      assert.equal(await schedule.check(), null);
      clock.advance(HOUR);
      assert.equal(isDailyBackupDue(db, clock.now()), true);
      const taken = await schedule.check();
      assert.equal(basename(taken!.file), 'library-2026-11-22T10-00-00Z-daily.db');
      assert.equal(await schedule.check(), null, 'not twice');
      const [running, also] = await Promise.all([(clock.advance(DAY), schedule.check()), schedule.check()]);
      assert.ok(running && also && running.file === also.file, 'one backup at a time');
    } finally {
      await schedule.stop();
      first.connection.close();
    }
    assert.equal(await schedule.check(), null, 'nothing after stop');

    clock.advance(2 * HOUR);
    const reopened = await openCheckedLibrary(db, { now: clock.now });
    reopened.connection.close();
    assert.equal(listBackups(db).length, 3, 'the newest is two hours old: none at this open');
    clock.advance(DAY);
    const later = await openCheckedLibrary(db, { now: clock.now });
    later.connection.close();
    assert.deepEqual(
      listBackups(db).map((backup) => basename(backup.file)),
      ['library-2026-11-24T12-00-00Z-daily.db', 'library-2026-11-23T10-00-00Z-daily.db', 'library-2026-11-22T10-00-00Z-daily.db', 'library-2026-11-21T10-00-00Z-daily.db'],
    );
    clock.advance(-3 * DAY);
    assert.equal(isDailyBackupDue(db, clock.now()), true, 'a clock set back by days takes a backup again');
  });

  test('rotation keeps the 7 newest daily and the 3 newest pre-migration backups, and clears leftovers of interrupted ones', async () => {
    const db = copy('rotation');
    const connection = openDatabase(db);
    try {
      const clock = fakeClock('2026-01-01T08:00:00Z');
      const stale = join(backupFolder(db), 'library-2025-12-31T08-00-00Z-daily.db.123-abc.tmp');
      const fresh = join(backupFolder(db), 'library-2026-01-01T07-59-00Z-daily.db.456-def.tmp');
      mkdirSync(backupFolder(db), { recursive: true });
      writeFileSync(stale, 'half a backup');
      writeFileSync(fresh, 'a backup being written by another process');
      utimesSync(stale, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 2 * HOUR));
      const foreign = join(backupFolder(db), 'my-own-copy.db');
      writeFileSync(foreign, 'kept');
      for (let day = 0; day < 10; day++) {
        await takeBackup(connection, db, 'daily', clock.now());
        if (day % 2 === 0) takeBackupNow(connection, db, 'pre-migration', clock.now());
        clock.advance(DAY);
      }
      const kept = listBackups(db);
      const daily = kept.filter((backup) => backup.reason === 'daily').map((backup) => backup.takenAt.toISOString().slice(0, 10));
      const preMigration = kept.filter((backup) => backup.reason === 'pre-migration').map((backup) => backup.takenAt.toISOString().slice(0, 10));
      assert.equal(daily.length, BACKUP_POLICY.keep.daily);
      assert.deepEqual(daily, ['2026-01-10', '2026-01-09', '2026-01-08', '2026-01-07', '2026-01-06', '2026-01-05', '2026-01-04']);
      assert.equal(preMigration.length, BACKUP_POLICY.keep['pre-migration']);
      assert.deepEqual(preMigration, ['2026-01-09', '2026-01-07', '2026-01-05']);
      assert.equal(existsSync(stale), false, 'an interrupted backup an hour old is removed');
      assert.equal(existsSync(fresh), true, 'a backup another process is writing is left alone');
      assert.equal(existsSync(foreign), true, 'files that are not our backups are left alone');
      for (const backup of kept) assert.deepEqual(notesIn(backup.file), notesIn(db));
    } finally {
      connection.close();
    }
  });

  test('a library is backed up before a migration runs, and a failed backup stops the migration', async () => {
    const dir = join(folder.dir, 'migration');
    const db = join(dir, 'library.db');
    const version2 = openDatabase(db, MIGRATIONS.filter((migration) => migration.version <= 2));
    version2.prepare(insertDocument).run('d1', '/a.txt', 'The harbour closes at noon.');
    version2.close();
    assert.deepEqual(listBackups(db), [], 'no migration ran on an existing library yet');

    const clock = fakeClock('2026-11-21T10:00:00Z');
    const migrated = openDatabase(db, MIGRATIONS, { now: clock.now });
    assert.equal(schemaVersion(migrated), MIGRATIONS.at(-1)!.version);
    migrated.close();
    const [backup, ...others] = listBackups(db);
    assert.deepEqual(others, []);
    assert.equal(basename(backup!.file), 'library-2026-11-21T10-00-00Z-pre-migration.db');
    const saved = new Database(backup!.file, { readonly: true });
    assert.equal(schemaVersion(saved), 2, 'the backup is the library as it was before the migration');
    assert.deepEqual(saved.prepare('SELECT id, reading_text AS text FROM documents').all(), [{ id: 'd1', text: 'The harbour closes at noon.' }]);
    assert.equal(saved.pragma('integrity_check', { simple: true }), 'ok');
    saved.close();

    openDatabase(db, MIGRATIONS, { now: clock.now }).close();
    assert.equal(listBackups(db).length, 1, 'an up-to-date library is not backed up at open');

    const emptyDir = join(folder.dir, 'migration-empty');
    const empty = join(emptyDir, 'library.db');
    openDatabase(empty, MIGRATIONS.filter((migration) => migration.version <= 2)).close();
    openDatabase(empty).close();
    assert.deepEqual(listBackups(empty), [], 'an empty library needs no backup');

    const blockedDir = join(folder.dir, 'migration-blocked');
    const blocked = join(blockedDir, 'library.db');
    const old = openDatabase(blocked, MIGRATIONS.filter((migration) => migration.version <= 2));
    old.prepare(insertDocument).run('d1', '/a.txt', 'Kept as it was.');
    old.close();
    writeFileSync(backupFolder(blocked), 'a file where the backups folder should be');
    assert.throws(() => openDatabase(blocked), (error: unknown) => error instanceof BackupError && /must back up the library before updating it/.test(error.message));
    const untouched = new Database(blocked, { readonly: true });
    assert.equal(schemaVersion(untouched), 2, 'no migration without its backup');
    untouched.close();
  });

  test('the CLI backs up a version-2 library before migrating it, then its daily backup', async () => {
    const dir = join(folder.dir, 'migration-cli');
    const db = join(dir, 'library.db');
    const version2 = openDatabase(db, MIGRATIONS.filter((migration) => migration.version <= 2));
    version2.prepare(insertDocument).run('d1', '/a.txt', 'The harbour closes at noon.');
    version2.close();
    const run = await runCli(db, 'docs', '--json');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const reasons = listBackups(db).map((backup) => backup.reason);
    assert.deepEqual(reasons, ['daily', 'pre-migration'], 'same second: the daily one is the newer');
    const [daily, preMigration] = listBackups(db);
    const versionOf = (file: string) => {
      const opened = new Database(file, { readonly: true });
      try {
        return schemaVersion(opened);
      } finally {
        opened.close();
      }
    };
    assert.equal(versionOf(preMigration!.file), 2);
    assert.equal(versionOf(daily!.file), MIGRATIONS.at(-1)!.version);
  });
});
