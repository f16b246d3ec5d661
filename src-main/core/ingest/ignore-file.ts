import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Name of the per-folder file listing what a folder ingest skips (like .gitignore; the seeds use it for their README). */
export const IGNORE_FILE = '.parallaxignore';

/** A compiled ignore rule: its folder and a matcher for paths relative to that folder. */
export interface IgnoreRule {
  folder: string;
  test: (relativePath: string) => boolean;
}

/** Turns one glob line (`*`, `?`, `**`, a leading `/` anchoring to the folder) into a matcher of relative paths. */
export function compileIgnorePattern(pattern: string): (relativePath: string) => boolean {
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  const body = pattern.replace(/^\//, '').replace(/\/$/, '');
  let source = '';
  for (let index = 0; index < body.length; index++) {
    const character = body[index]!;
    if (character === '*' && body[index + 1] === '*') {
      source += '.*';
      index++;
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const expression = new RegExp(anchored ? `^${source}(/.*)?$` : `(^|/)${source}(/.*)?$`);
  return (relativePath) => expression.test(relativePath);
}

/** Reads a folder's ignore file, if any, into rules; comments (#) and blank lines are skipped. */
export function readIgnoreRules(folder: string): IgnoreRule[] {
  let content: string;
  try {
    content = readFileSync(join(folder, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({ folder, test: compileIgnorePattern(line) }));
}

/** Whether any rule of the folders above a path excludes it. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  return rules.some((rule) => {
    const relativePath = relative(rule.folder, path).split(sep).join('/');
    return !relativePath.startsWith('..') && rule.test(relativePath);
  });
}
