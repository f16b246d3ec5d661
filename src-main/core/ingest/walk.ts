import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { isIgnored, readIgnoreRules, type IgnoreRule } from './ignore-file';

/** A regular file found by the walk, with the stat data incremental ingest compares. */
export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The folder argument it was found under (for the default story name), or null for a file argument. */
  root: string | null;
}

/** A path the walk could not or would not read, with one sentence saying why. */
export interface WalkProblem {
  path: string;
  error: string;
}

/** What walking the arguments found. */
export interface WalkResult {
  files: FoundFile[];
  problems: WalkProblem[];
  /** Folder arguments as absolute paths: their vanished documents are marked missing. */
  folders: string[];
  /** File arguments that do not exist (their documents, if any, are marked missing). */
  absent: string[];
}

/** Describes a non-regular file in words, so the reporter sees why it was skipped. */
function describeSpecial(stats: Stats): string | null {
  if (stats.isFIFO()) return 'This is a named pipe (FIFO), not a file; it was not read.';
  if (stats.isSocket()) return 'This is a socket, not a file; it was not read.';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'This is a device, not a file; it was not read.';
  return null;
}

/** Explains a file-system error code in one sentence. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'Permission denied: Parallax may not read this.';
    case 'ELOOP':
      return 'This symbolic link loops back on itself; it was not followed.';
    case 'EISDIR':
      return 'This is a folder where a file was expected.';
    default:
      return `It could not be read (${code ?? 'unknown error'}).`;
  }
}

/**
 * Walks files and folders recursively: hidden entries skipped, symbolic links followed only to regular files and to
 * folders not already visited (so loops end), special files reported and never opened, each file once (device+inode),
 * and entries listed in a folder's .parallaxignore skipped.
 */
export function walkPaths(paths: readonly string[], isSupported: (path: string) => boolean): WalkResult {
  const result: WalkResult = { files: [], problems: [], folders: [], absent: [] };
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();

  const visitFile = (path: string, stats: Stats, root: string | null): void => {
    const key = `${stats.dev}:${stats.ino}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    result.files.push({ path, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs), root });
  };

  const visitFolder = (folder: string, stats: Stats, root: string): void => {
    const stack: { folder: string; stats: Stats; rules: IgnoreRule[] }[] = [{ folder, stats, rules: [] }];
    while (stack.length > 0) {
      const current = stack.pop()!;
      const key = `${current.stats.dev}:${current.stats.ino}`;
      if (seenFolders.has(key)) continue;
      seenFolders.add(key);
      const rules = [...current.rules, ...readIgnoreRules(current.folder)];
      let names: string[];
      try {
        names = readdirSync(current.folder);
      } catch (error) {
        result.problems.push({ path: current.folder, error: describeFileError(error) });
        continue;
      }
      names.sort();
      const subfolders: { folder: string; stats: Stats; rules: IgnoreRule[] }[] = [];
      for (const name of names) {
        if (name.startsWith('.')) continue;
        const path = join(current.folder, name);
        if (rules.length > 0 && isIgnored(rules, path)) continue;
        let stats: Stats;
        try {
          const link = lstatSync(path);
          stats = link.isSymbolicLink() ? statSync(path) : link;
        } catch (error) {
          result.problems.push({ path, error: describeFileError(error) });
          continue;
        }
        if (stats.isDirectory()) subfolders.push({ folder: path, stats, rules });
        else if (stats.isFile()) {
          if (isSupported(path)) visitFile(path, stats, root);
        } else if (isSupported(path)) {
          result.problems.push({ path, error: describeSpecial(stats) ?? 'This is not a regular file; it was not read.' });
        }
      }
      for (let index = subfolders.length - 1; index >= 0; index--) stack.push(subfolders[index]!);
    }
  };

  for (const argument of paths) {
    const path = resolve(argument);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') result.absent.push(path);
      result.problems.push({ path, error: describeFileError(error) });
      continue;
    }
    if (stats.isDirectory()) {
      result.folders.push(path);
      visitFolder(path, stats, path);
    } else if (stats.isFile()) {
      if (!isSupported(path)) {
        result.problems.push({ path, error: `Parallax does not read "${extname(path) || basename(path)}" files yet.` });
      } else visitFile(path, stats, null);
    } else {
      result.problems.push({ path, error: describeSpecial(stats) ?? 'This is not a regular file; it was not read.' });
    }
  }
  return result;
}
