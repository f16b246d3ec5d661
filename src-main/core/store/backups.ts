/**
 * Backups of the library: whole copies in a `backups/` folder beside it, taken daily and before any migration, each
 * checked with `PRAGMA integrity_check` before it counts, written under a temporary name and renamed into place, and
 * rotated per reason. See the README's "Where your data lives".
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { connect, isDamageError } from './connection';

/** Why a backup was taken; each reason is rotated on its own. */
export type BackupReason = 'daily' | 'pre-migration';

/** How many backups of each reason are kept, and how old the newest daily one may get before another is taken. */
export const BACKUP_POLICY = {
  keep: { daily: 7, 'pre-migration': 3 } satisfies Record<BackupReason, number>,
  dailyEveryMs: 24 * 60 * 60 * 1000,
} as const;

/** A finished, checked backup in the backups folder. */
export interface Backup {
  file: string;
  takenAt: Date;
  reason: BackupReason;
}

/** A backup that could not be written (`write`) or whose copy failed its integrity check (`check`: the library may be damaged). */
export class BackupError extends Error {
  constructor(readonly stage: 'write' | 'check', message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The order of backups taken in the same second, latest first. */
const REASON_ORDER: Record<BackupReason, number> = { daily: 0, 'pre-migration': 1 };

/** Temporary files older than this are left over from an interrupted backup and are removed. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** The folder beside the library that holds its backups. */
export function backupFolder(libraryFile: string): string {
  return join(dirname(libraryFile), 'backups');
}

/** A UTC time as it appears in file names: 2026-11-21T10-00-00Z (no colons, which Windows refuses). */
export function fileStamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');
}

/** A backup's file name: the library's name, the UTC time and the reason, e.g. library-2026-11-21T10-00-00Z-daily.db. */
export function backupFileName(libraryFile: string, takenAt: Date, reason: BackupReason): string {
  const { stem, extension } = nameParts(libraryFile);
  return `${stem}-${fileStamp(takenAt)}-${reason}${extension}`;
}

/** The library's finished backups, newest first (temporary and foreign files are ignored). */
export function listBackups(libraryFile: string): Backup[] {
  const folder = backupFolder(libraryFile);
  const { stem, extension } = nameParts(libraryFile);
  const pattern = new RegExp(`^${escapePattern(stem)}-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(daily|pre-migration)${escapePattern(extension)}$`);
  const backups: Backup[] = [];
  for (const name of namesIn(folder)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const [, day, hours, minutes, seconds, reason] = match;
    const takenAt = new Date(`${day}T${hours}:${minutes}:${seconds}Z`);
    if (!Number.isNaN(takenAt.getTime())) backups.push({ file: join(folder, name), takenAt, reason: reason as BackupReason });
  }
  // Within one second a daily backup is the later one: a pre-migration backup is taken while opening, the daily one after.
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || REASON_ORDER[a.reason] - REASON_ORDER[b.reason]);
}

/** Whether the library holds anything of the reporter's (a document or a note): an empty library needs no backup. */
export function hasUserData(connection: Database.Database): boolean {
  const tables = connection
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('documents', 'notes')")
    .pluck()
    .all() as string[];
  return tables.some((table) => connection.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1);
}

/** Whether a daily backup is due: none yet, the newest is a day old, or the clock moved back more than a day. */
export function isDailyBackupDue(libraryFile: string, now: Date): boolean {
  const newest = listBackups(libraryFile).find((backup) => backup.reason === 'daily');
  if (!newest) return true;
  const age = now.getTime() - newest.takenAt.getTime();
  return age >= BACKUP_POLICY.dailyEveryMs || age <= -BACKUP_POLICY.dailyEveryMs;
}

/**
 * Takes an online backup with SQLite's backup API, a few pages per turn of the event loop so the thread keeps serving
 * requests; it counts once its copy passes `integrity_check`. Rotates the backups afterwards.
 */
export async function takeBackup(connection: Database.Database, libraryFile: string, reason: BackupReason, now: Date): Promise<Backup> {
  const { temporary, final } = prepareBackup(libraryFile, reason, now);
  try {
    await connection.backup(temporary);
  } catch (error) {
    removeCopy(temporary);
    throw copyFailure(reason, error);
  }
  return sealBackup(temporary, final, libraryFile, reason, now);
}

/** Takes a backup at once (`VACUUM INTO`): for the moment before a migration, which blocks its thread anyway. */
export function takeBackupNow(connection: Database.Database, libraryFile: string, reason: BackupReason, now: Date): Backup {
  const { temporary, final } = prepareBackup(libraryFile, reason, now);
  try {
    connection.prepare('VACUUM INTO ?').run(temporary);
  } catch (error) {
    removeCopy(temporary);
    throw copyFailure(reason, error);
  }
  return sealBackup(temporary, final, libraryFile, reason, now);
}

/** Takes a daily backup when one is due and the library holds something; null when none was needed. */
export async function takeDailyBackupIfDue(connection: Database.Database, libraryFile: string, now: Date): Promise<Backup | null> {
  if (!isDailyBackupDue(libraryFile, now) || !hasUserData(connection)) return null;
  return takeBackup(connection, libraryFile, 'daily', now);
}

/**
 * Backs up a library that is about to be migrated (schema older than `latest`, not new, not empty); null when not.
 * A failure throws, so no migration runs without its backup.
 */
export function backupBeforeMigration(connection: Database.Database, libraryFile: string, latest: number, now: Date): Backup | null {
  const current = connection.pragma('user_version', { simple: true }) as number;
  if (current === 0 || current >= latest || !hasUserData(connection)) return null;
  try {
    return takeBackupNow(connection, libraryFile, 'pre-migration', now);
  } catch (error) {
    throw new BackupError(
      error instanceof BackupError ? error.stage : 'write',
      `Parallax must back up the library before updating it to this version, and could not (${describeCause(error)}): nothing was changed.`,
      { cause: error },
    );
  }
}

/** `PRAGMA integrity_check` of a whole database, or of one table: "ok" or its first problem, on one line. */
export function integrityVerdict(connection: Database.Database, table?: string): string {
  const verdict = String(connection.pragma(table ? `integrity_check("${table}")` : 'integrity_check', { simple: true }));
  if (verdict === 'ok') return verdict;
  const lines = verdict.split('\n').map((line) => line.trim());
  return lines.find((line) => line && !line.startsWith('***')) ?? verdict;
}

/** Whether a backup file opens and passes `integrity_check` (read-only: the file is not touched). */
export function isSoundBackup(file: string): boolean {
  try {
    const copy = connect(file, { readonly: true, fileMustExist: true });
    try {
      return integrityVerdict(copy) === 'ok';
    } finally {
      copy.close();
    }
  } catch {
    return false;
  }
}

/** Keeps the newest backups of each reason (BACKUP_POLICY.keep) and removes leftovers of interrupted backups. */
export function rotateBackups(libraryFile: string, keep: Record<BackupReason, number> = BACKUP_POLICY.keep): void {
  const seen: Record<BackupReason, number> = { daily: 0, 'pre-migration': 0 };
  for (const backup of listBackups(libraryFile)) {
    seen[backup.reason] += 1;
    if (seen[backup.reason] > keep[backup.reason]) removeCopy(backup.file);
  }
  const folder = backupFolder(libraryFile);
  const { stem } = nameParts(libraryFile);
  for (const name of namesIn(folder)) {
    if (!name.startsWith(`${stem}-`) || !/\.tmp(-wal|-shm|-journal)?$/.test(name)) continue;
    const file = join(folder, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_TEMPORARY_MS) rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** The final and temporary names of a new backup, with the folder made. */
function prepareBackup(libraryFile: string, reason: BackupReason, now: Date): { temporary: string; final: string } {
  const folder = backupFolder(libraryFile);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new BackupError('write', `The backups folder ${folder} cannot be made: ${(error as Error).message}`, { cause: error });
  }
  const final = join(folder, backupFileName(libraryFile, now, reason));
  return { final, temporary: `${final}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp` };
}

/** Turns a written copy into a backup: a single file (no WAL), checked, renamed into place; then rotates. */
function sealBackup(temporary: string, final: string, libraryFile: string, reason: BackupReason, now: Date): Backup {
  let verdict: string;
  try {
    const copy = connect(temporary, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      verdict = integrityVerdict(copy);
    } finally {
      copy.close();
    }
  } catch (error) {
    verdict = (error as Error).message;
  }
  if (verdict !== 'ok') {
    removeCopy(temporary);
    throw new BackupError('check', `The ${reason} backup failed its integrity check (${verdict}), so the library itself may be damaged.`);
  }
  try {
    renameSync(temporary, final);
  } catch (error) {
    removeCopy(temporary);
    throw new BackupError('write', `The ${reason} backup could not be put in place: ${(error as Error).message}`, { cause: error });
  }
  rotateBackups(libraryFile);
  return { file: final, takenAt: new Date(Math.floor(now.getTime() / 1000) * 1000), reason };
}

/** Why copying the library failed: damage SQLite met while reading it counts as a failed check. */
function copyFailure(reason: BackupReason, error: unknown): BackupError {
  if (isDamageError(error)) return new BackupError('check', `The ${reason} backup found the library damaged: ${(error as Error).message}.`, { cause: error });
  return new BackupError('write', `The ${reason} backup could not be written: ${(error as Error).message}`, { cause: error });
}

/** Removes a copy and whatever SQLite left beside it. */
function removeCopy(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** A library file's name without and with its extension: library.db → library, .db. */
function nameParts(libraryFile: string): { stem: string; extension: string } {
  const name = basename(libraryFile);
  const extension = extname(name);
  return { stem: extension ? name.slice(0, -extension.length) : name, extension };
}

/** The names in a folder; none when it is missing or unreadable. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** A string matched literally inside a regular expression. */
function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The short reason of a failure, for a sentence. */
function describeCause(error: unknown): string {
  const message = error instanceof BackupError && error.cause instanceof Error ? error.cause.message : (error as Error).message;
  return message.replace(/\.$/, '');
}
