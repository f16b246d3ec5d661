import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
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

/** Describes a non-regular file in words, so the reporter sees why it was skipped (also used after opening one). */
export function describeSpecial(stats: Stats): string | null {
  if (stats.isDirectory()) return 'This is a folder where a file was expected.';
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

/** Why a listed name cannot be opened when its bytes are not UTF-8 (Node lists it with U+FFFD, which finds nothing). */
function undecodableName(name: string, error: unknown): string | null {
  if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT' || !name.includes('\uFFFD')) return null;
  return 'This name is not valid UTF-8 text (an old archive or another system may have written it), so Parallax cannot open it; rename it and ingest again.';
}

/** Whether a symbolic link in a folder points at that folder or one above it (a link to "/" included). */
function pointsToAncestor(folder: string, link: string): boolean {
  try {
    const target = realpathSync(link);
    const here = realpathSync(folder);
    return here === target || here.startsWith(target.endsWith(sep) ? target : target + sep);
  } catch {
    return false;
  }
}

/**
 * Walks files and folders recursively: hidden entries skipped, symbolic links followed only to regular files and to
 * folders not already visited and not above the link (so loops end, and a link to "/" does not walk the disk),
 * special files reported and never opened, each file once (device+inode), and entries listed in a folder's
 * .parallaxignore skipped.
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
        let linked: boolean;
        try {
          const link = lstatSync(path);
          linked = link.isSymbolicLink();
          stats = linked ? statSync(path) : link;
        } catch (error) {
          result.problems.push({ path, error: undecodableName(name, error) ?? describeFileError(error) });
          continue;
        }
        if (stats.isDirectory() && linked && pointsToAncestor(current.folder, path)) {
          result.problems.push({ path, error: 'This symbolic link points to a folder that contains it; it was not followed (that would walk in circles or far beyond this folder).' });
        } else if (stats.isDirectory()) subfolders.push({ folder: path, stats, rules });
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
