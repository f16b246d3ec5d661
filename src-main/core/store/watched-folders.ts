import { statement, type Connection } from './database';

/** A folder the workbench watches while it runs, with the story its files join (null: the folder's own name). */
export interface WatchedFolder {
  path: string;
  story: string | null;
}

/** Records a folder to watch (again: the story is updated); watching outlives the session that ingested the folder. */
export function addWatchedFolder(db: Connection, path: string, storyRowid: number | null, now: string): void {
  statement(db, `INSERT INTO watched_folders (path, story_rowid, added_at) VALUES (?, ?, ?)
    ON CONFLICT (path) DO UPDATE SET story_rowid = excluded.story_rowid`).run(path, storyRowid, now);
}

/** Stops watching a folder; its documents stay in the library. */
export function removeWatchedFolder(db: Connection, path: string): boolean {
  return statement(db, 'DELETE FROM watched_folders WHERE path = ?').run(path).changes > 0;
}

/** Every watched folder, by path. */
export function listWatchedFolders(db: Connection): WatchedFolder[] {
  return statement(db, `SELECT w.path AS path, s.name AS story FROM watched_folders w
    LEFT JOIN stories s ON s.rowid = w.story_rowid ORDER BY w.path`).all() as WatchedFolder[];
}
