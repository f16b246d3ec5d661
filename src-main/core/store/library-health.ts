/**
 * The library's health at start-up: a look at the file before it is opened for writing (header, size, SQLite's own
 * checks, read-only), and the restoration of the newest sound backup when it is damaged. A damaged file is never
 * deleted: it is renamed aside with its -wal and -shm files. A library is never replaced by an empty one.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupFolder, fileStamp, integrityVerdict, isSoundBackup, listBackups, type Backup } from './backups';
import { connect, isDamageError } from './connection';

/** What a look at the library file found. */
export type LibraryCondition =
  | { state: 'missing' }
  | { state: 'empty' }
  | { state: 'sound' }
  | { state: 'damaged'; reason: string };

/** A damaged library put aside and a backup put in its place. */
export interface Restoration {
  damagedCopy: string;
  backup: Backup;
}

/** Thrown when the library is damaged and no sound backup can replace it: the file is left untouched. */
export class LibraryDamagedError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(
      `The library at ${file} is damaged (${reason}) and there is no sound backup to restore, so Parallax left it untouched and will not open it: keep that file (its notes may still be recovered from it, e.g. with sqlite3's ".recover") and move it elsewhere to start a new library.`,
    );
  }
}

/** Libraries up to this size get a full integrity check at every start (about 4 ms per MiB); larger ones once a day, with the backup. */
export const FULL_CHECK_BYTES = 16 * 1024 * 1024;

/** Tables checked at every start whatever the size: the reporter's own writing. */
const PRECIOUS_TABLES = ['notes', 'note_tags', 'note_anchors', 'note_revisions', 'noted_texts'];

/** The first 16 bytes of every SQLite database. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at the library without changing it: missing, empty (0 bytes), sound, or damaged with a reason. Libraries up to
 * FULL_CHECK_BYTES (or any, with `full`) get `PRAGMA integrity_check`; larger ones a check of the header, the schema
 * and the notes tables, their full check coming with each daily backup. Errors that are not damage (permission,
 * busy) are thrown.
 */
export function inspectLibrary(file: string, options: { full?: boolean } = {}): LibraryCondition {
  const size = sizeOf(file);
  if (size === null) return { state: 'missing' };
  const walSize = sizeOf(`${file}-wal`) ?? 0;
  if (size === 0 && walSize === 0) return { state: 'empty' };
  const problem = size > 0 ? headerProblem(file, size, walSize > 0) : null;
  if (problem) return { state: 'damaged', reason: problem };
  try {
    const library = connect(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      library.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      const verdict = options.full || size <= FULL_CHECK_BYTES ? integrityOf(library) : integrityOf(library, PRECIOUS_TABLES);
      if (verdict !== 'ok') return { state: 'damaged', reason: `SQLite's integrity check found: ${verdict}` };
    } finally {
      library.close();
    }
  } catch (error) {
    if (isDamageError(error)) return { state: 'damaged', reason: `SQLite reports: ${(error as Error).message}` };
    throw error;
  }
  return { state: 'sound' };
}

/**
 * Puts the damaged library aside as FILE.damaged-TIME (with its -wal and -shm) and the newest backup that passes
 * `integrity_check` in its place. Without such a backup it throws LibraryDamagedError and touches nothing.
 */
export function restoreFromBackup(file: string, reason: string, now: Date): Restoration {
  const temporary = `${file}.restoring-${process.pid}.tmp`;
  let chosen: Backup | undefined;
  for (const backup of listBackups(file)) {
    copyFileSync(backup.file, temporary);
    if (isSoundBackup(temporary)) {
      chosen = backup;
      break;
    }
  }
  if (!chosen) {
    rmSync(temporary, { force: true });
    throw new LibraryDamagedError(file, reason);
  }
  syncFile(temporary);
  const damagedCopy = freeName(`${file}.damaged-${fileStamp(now)}`);
  renameSync(file, damagedCopy);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${damagedCopy}${suffix}`);
  }
  renameSync(temporary, file);
  return { damagedCopy, backup: chosen };
}

/** Asks for a full integrity check at the next start (SQLite reported damage, or a backup's copy failed its check). */
export function requestFullCheck(file: string, reason: string): void {
  try {
    mkdirSync(backupFolder(file), { recursive: true });
    writeFileSync(fullCheckMarker(file), `${reason}\n`);
  } catch {
    // Without the marker the daily check still comes; nothing else to do.
  }
}

/** Whether a full integrity check was asked for. */
export function isFullCheckRequested(file: string): boolean {
  return existsSync(fullCheckMarker(file));
}

/** Forgets a request for a full check (it was done). */
export function clearFullCheck(file: string): void {
  rmSync(fullCheckMarker(file), { force: true });
}

/** A UTC time for a sentence: 2026-11-21 10:00 UTC. */
export function describeTime(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The marker file asking for a full check, kept with the backups. */
function fullCheckMarker(file: string): string {
  return join(backupFolder(file), `${basename(file)}.check`);
}

/** What is wrong with the first 100 bytes and the size, or null: not SQLite, a garbled page size, or cut off. */
function headerProblem(file: string, size: number, hasWal: boolean): string | null {
  const header = Buffer.alloc(100);
  const descriptor = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  if (read < header.length || !header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    return 'its first bytes are not those of a SQLite database';
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return 'its header is garbled';
  // The page count at offset 28 is trusted only when the "version valid for" number matches the change counter.
  const pages = header.readUInt32BE(28);
  const pagesValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (!hasWal && pagesValid && size < pages * pageSize) return 'it is shorter than its header says: it was cut off';
  return null;
}

/** `PRAGMA integrity_check` of the whole database or of some tables (those that exist): "ok" or the first problem. */
function integrityOf(library: ReturnType<typeof connect>, tables?: readonly string[]): string {
  if (!tables) return integrityVerdict(library);
  const present = new Set(library.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
  for (const table of tables.filter((name) => present.has(name))) {
    const verdict = integrityVerdict(library, table);
    if (verdict !== 'ok') return verdict;
  }
  return 'ok';
}

/** A file's size, or null when it does not exist (or a file stands where a folder should). */
function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Flushes a file to disk before it is renamed into place. */
function syncFile(file: string): void {
  const descriptor = openSync(file, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/** The name itself when free, else the name with -2, -3… */
function freeName(name: string): string {
  let candidate = name;
  for (let index = 2; existsSync(candidate); index++) candidate = `${name}-${index}`;
  return candidate;
}
