import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupBeforeMigration } from './backups';
import { connect } from './connection';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

/** The better-sqlite3 connection type used across the store. */
export type Connection = Database.Database;

/** Thrown when the library was written by a newer Parallax: opening it could damage it. */
export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`This library was written by a newer version of Parallax (schema ${found}; this version knows ${supported}). Update Parallax to open it.`);
  }
}

const statements = new WeakMap<Connection, Map<string, Database.Statement>>();

/** A prepared statement cached per connection: preparing costs more than running the small queries ingest repeats. */
export function statement(connection: Connection, sql: string): Database.Statement {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = connection.prepare(sql)));
  return prepared;
}

/** Options of openDatabase: the clock that names a pre-migration backup (tests pass a fake one). */
export interface OpenDatabaseOptions {
  now?: () => Date;
}

/**
 * Opens (creating if needed) a library database with the house pragmas, and brings its schema up to date; a library
 * with documents or notes is backed up first (backups/…-pre-migration) whenever a migration is about to run.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS, options: OpenDatabaseOptions = {}): Connection {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = connect(file);
  try {
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    if (file !== ':memory:' && file !== '') backupBeforeMigration(connection, file, migrations.at(-1)?.version ?? 0, (options.now ?? (() => new Date()))());
    migrate(connection, migrations);
    return connection;
  } catch (error) {
    connection.close();
    throw error;
  }
}

/** The schema version a database is at (`PRAGMA user_version`). */
export function schemaVersion(connection: Connection): number {
  return connection.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations the database lacks, each in its own transaction; refuses a database newer than the code. */
export function migrate(connection: Connection, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(connection);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    connection.transaction(() => {
      connection.exec(migration.up);
      connection.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(connection);
}
