/**
 * Opening the library the way every host does (CLI, engine worker): look at it, restore the newest sound backup when
 * it is damaged, open it (a migration backs it up first), take the daily backup when due; and, in hosts that keep
 * running, keep taking it. What the reporter must be told comes back as notices.
 */
import type { LibraryNotice } from '../../contract/library';
import { BackupError, backupFolder, listBackups, takeDailyBackupIfDue, type Backup } from './backups';
import { openDatabase, type Connection } from './database';
import { isDamageError } from './connection';
import {
  clearFullCheck,
  describeTime,
  inspectLibrary,
  isFullCheckRequested,
  requestFullCheck,
  restoreFromBackup,
} from './library-health';
import type { Migration } from './migrations/migration';

/** How to open: the clock (tests pass a fake one) and the migrations (tests pass older lists). */
export interface CheckedOpenOptions {
  now?: () => Date;
  migrations?: readonly Migration[];
  /**
   * Leave the daily backup to the host's keepBackingUp instead of taking it before the library is used: copying and
   * checking a 1.5 GB library takes tens of seconds, which a window or server must not wait for at start.
   */
  deferDailyBackup?: boolean;
}

/** An open library and what the reporter must be told about it. */
export interface CheckedLibrary {
  connection: Connection;
  notices: LibraryNotice[];
}

/** How often a running host looks whether the daily backup is due. */
export const BACKUP_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Opens a library after checking it: a damaged one is put aside and the newest sound backup restored (with a notice);
 * without such a backup it throws LibraryDamagedError and leaves the file alone. Takes the daily backup when due; if
 * that copy fails its check, the library gets a full check (and a restore if damaged) before it is used.
 */
export async function openCheckedLibrary(file: string, options: CheckedOpenOptions = {}): Promise<CheckedLibrary> {
  const now = options.now ?? (() => new Date());
  if (file === ':memory:' || file === '') return { connection: openDatabase(file, options.migrations, { now }), notices: [] };
  const notices: LibraryNotice[] = [];
  for (let attempt = 1; ; attempt++) {
    const restored = checkLibrary(file, now(), attempt > 1 || isFullCheckRequested(file));
    if (restored) notices.push(restored);
    let connection: Connection;
    try {
      connection = openDatabase(file, options.migrations, { now });
    } catch (error) {
      // Damage the first look missed (a large library), met by the migration or its backup: look again, fully.
      const damaged = isDamageError(error) || (error instanceof BackupError && error.stage === 'check');
      if (attempt > 1 || !damaged) throw error;
      requestFullCheck(file, (error as Error).message);
      continue;
    }
    if (options.deferDailyBackup) return { connection, notices };
    const { failure } = await dailyBackup(connection, file, now());
    if (failure?.stage === 'check' && attempt === 1) {
      connection.close();
      requestFullCheck(file, failure.message);
      continue;
    }
    if (failure) notices.push(backupFailed(failure));
    return { connection, notices };
  }
}

/** The daily backup of a running host: check() takes it when due (once at a time), every hour until stop(). */
export interface BackupSchedule {
  check(): Promise<Backup | null>;
  stop(): Promise<void>;
}

/**
 * Keeps taking the daily backup while a host runs (the desktop app and `parallax serve` stay open for days). A copy
 * that fails its check stops the schedule, asks for a full check at the next start and tells the reporter once.
 */
export function keepBackingUp(
  connection: Connection,
  file: string,
  options: { now?: () => Date; everyMs?: number; firstCheckAfterMs?: number; onNotice?: (notice: LibraryNotice) => void } = {},
): BackupSchedule {
  const now = options.now ?? (() => new Date());
  const told = new Set<LibraryNotice['kind']>();
  const tell = (notice: LibraryNotice) => {
    if (told.has(notice.kind)) return;
    told.add(notice.kind);
    options.onNotice?.(notice);
  };
  let running: Promise<Backup | null> | null = null;
  let stopped = false;
  const check = (): Promise<Backup | null> => {
    if (stopped) return Promise.resolve(null);
    running ??= dailyBackup(connection, file, now())
      .then(({ backup, failure }) => {
        if (failure?.stage === 'check') {
          stopped = true;
          requestFullCheck(file, failure.message);
          const newest = listBackups(file)[0];
          const from = newest ? ` (the newest is from ${describeTime(newest.takenAt)})` : '';
          tell({ kind: 'damaged', message: `${failure.message.replace(/\.?$/, '')}: close Parallax and open it again to check the library and restore a backup if needed${from}.` });
        } else if (failure) {
          tell(backupFailed(failure));
        }
        return backup;
      })
      .finally(() => (running = null));
    return running;
  };
  // Node fires a longer interval than 2^31 - 1 ms at once: the cap keeps a long one long.
  const timer = setInterval(() => void check(), Math.min(options.everyMs ?? BACKUP_CHECK_EVERY_MS, 2 ** 31 - 1));
  timer.unref();
  const first = options.firstCheckAfterMs === undefined ? null : setTimeout(() => void check(), options.firstCheckAfterMs);
  first?.unref();
  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (first) clearTimeout(first);
      await running;
    },
  };
}

/** The notice of a daily backup that could not be written: the reporter still has the earlier ones. */
function backupFailed(failure: BackupError): LibraryNotice {
  return { kind: 'backup-failed', message: `${failure.message.replace(/\.?$/, '.')} The earlier backups are kept.` };
}

/** Looks at the library and restores a backup when it is damaged; the notice to give, or null. */
function checkLibrary(file: string, now: Date, full: boolean): LibraryNotice | null {
  const condition = inspectLibrary(file, { full });
  if (condition.state === 'sound') {
    if (full) clearFullCheck(file);
    return null;
  }
  const newest = listBackups(file)[0];
  if (condition.state === 'missing') {
    if (!newest) return null;
    const message = `There was no library at ${file}, so a new one was started; the backups of an earlier one are in ${backupFolder(file)} (the newest from ${describeTime(newest.takenAt)}).`;
    return { kind: 'new-library', message };
  }
  // A 0-byte file never held anything unless backups say otherwise: then it was emptied, which is damage.
  if (condition.state === 'empty' && !newest) return null;
  const reason = condition.state === 'empty' ? 'it is empty: 0 bytes' : condition.reason;
  const { damagedCopy, backup } = restoreFromBackup(file, reason, now);
  clearFullCheck(file);
  return {
    kind: 'restored',
    message: `The library was damaged (${reason}); it was kept aside as ${damagedCopy} and the backup of ${describeTime(backup.takenAt)} was restored (notes written after that are only in the damaged copy).`,
  };
}

/** Takes the daily backup when due: the backup (null when none was due) or the failure, never thrown. Damage shows as a failed check. */
async function dailyBackup(connection: Connection, file: string, now: Date): Promise<{ backup: Backup | null; failure: BackupError | null }> {
  try {
    return { backup: await takeDailyBackupIfDue(connection, file, now), failure: null };
  } catch (error) {
    if (error instanceof BackupError) return { backup: null, failure: error };
    const stage = isDamageError(error) ? 'check' : 'write';
    return { backup: null, failure: new BackupError(stage, `The daily backup could not be taken: ${(error as Error).message}`, { cause: error }) };
  }
}
