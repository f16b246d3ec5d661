/**
 * better-sqlite3 for Electron's ABI beside Node's: `npm install` builds it for Node; before launching Electron,
 * `npm start` makes a second build in a scratch copy of the package and caches it. Node's build is never touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

/** The environment variable that hands the Electron build's path to the engine (see `connect` in core/store/connection.ts). */
export const BINDING_VARIABLE = 'PARALLAX_SQLITE_BINDING';

/** Runs a Node script in a folder; true when it exits with status 0. */
export type RunScript = (script: string, args: string[], cwd: string) => boolean;

/** What a build needs: the repository root, Electron's version and architecture, and (for tests) how to run tools. */
export interface BindingOptions {
  root: string;
  electronVersion: string;
  arch: string;
  run?: RunScript;
  log?(line: string): void;
}

/** Where the Electron build is cached: node_modules/.cache/parallax/electron-VERSION/better_sqlite3.node. */
export function electronBindingPath(root: string, electronVersion: string): string {
  return join(root, 'node_modules', '.cache', 'parallax', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Ensures the Electron build exists (prebuilt download, else @electron/rebuild, else node-gyp); its path or why not. */
export function ensureElectronBinding(options: BindingOptions): { ok: true; path: string } | { ok: false; message: string } {
  const target = electronBindingPath(options.root, options.electronVersion);
  if (existsSync(target)) return { ok: true, path: target };
  const source = join(options.root, 'node_modules', 'better-sqlite3');
  if (!existsSync(source)) return { ok: false, message: 'better-sqlite3 is not installed: run "npm install".' };
  options.log?.(`Preparing the database module for Electron ${options.electronVersion} (once; this can take a few minutes)…`);

  const cache = join(options.root, 'node_modules', '.cache', 'parallax');
  mkdirSync(cache, { recursive: true });
  const workspace = mkdtempSync(join(cache, 'build-'));
  try {
    const copy = join(workspace, 'node_modules', 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, 'build') + sep) && path !== join(source, 'build') });
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ name: 'parallax-electron-binding', private: true }));
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const run = options.run ?? runScript;
    for (const [script, args, cwd] of builders(options, workspace, copy)) {
      if (run(script, args, cwd) && existsSync(built)) {
        mkdirSync(join(target, '..'), { recursive: true });
        copyFileSync(built, target);
        return { ok: true, path: target };
      }
    }
    return { ok: false, message: `Parallax could not build its database module for Electron ${options.electronVersion} (it needs the network once, or a C++ toolchain).` };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The build tools to try, in order, as [script, arguments, folder]; tools that are not installed are left out. */
function builders(options: BindingOptions, workspace: string, copy: string): [string, string[], string][] {
  const { electronVersion: version, arch } = options;
  const resolve = (specifier: string) => {
    try {
      return createRequire(join(options.root, 'package.json')).resolve(specifier);
    } catch {
      return null;
    }
  };
  const prebuild = resolve('prebuild-install/bin.js');
  const rebuild = resolve('@electron/rebuild/lib/cli.js');
  const gyp = process.env.npm_config_node_gyp ?? resolve('node-gyp/bin/node-gyp.js');
  const list: [string, string[], string][] = [];
  if (prebuild) list.push([prebuild, ['--runtime', 'electron', '--target', version, '--arch', arch], copy]);
  if (rebuild) list.push([rebuild, ['--version', version, '--arch', arch, '--module-dir', workspace, '--only', 'better-sqlite3', '--force'], workspace]);
  if (gyp) list.push([gyp, ['rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'], copy]);
  return list;
}

/** Runs a Node script quietly with a time limit. */
function runScript(script: string, args: string[], cwd: string): boolean {
  return spawnSync(process.execPath, [script, ...args], { cwd, stdio: 'ignore', timeout: 15 * 60_000 }).status === 0;
}
