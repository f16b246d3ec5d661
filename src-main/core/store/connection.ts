import Database from 'better-sqlite3';

/** Opens a SQLite file with better-sqlite3 (the library, a backup, a copy being checked), with the right native build. */
export function connect(file: string, options: Database.Options = {}): Database.Database {
  // Inside Electron, `npm start` passes a build of better-sqlite3 for Electron's ABI (src-main/electron/native-binding.ts).
  return new Database(file, { ...options, nativeBinding: process.versions.electron ? process.env.PARALLAX_SQLITE_BINDING : undefined });
}

/** Whether SQLite refused a file as damaged (SQLITE_CORRUPT and its variants, SQLITE_NOTADB) rather than busy or forbidden. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}
