#!/usr/bin/env node
// `npm start`: builds the app when out/ is missing or older than its sources, then opens the desktop app — or, where
// Electron's binary is not installed, serves the same workbench on 127.0.0.1 and prints its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const SOURCES = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** The newest modification time among files and folders, searched recursively. */
function newestChange(paths) {
  let newest = 0;
  for (const path of paths.map((entry) => join(root, entry)).filter((entry) => existsSync(entry))) {
    const stats = statSync(path);
    newest = Math.max(newest, stats.mtimeMs);
    if (!stats.isDirectory()) continue;
    for (const entry of readdirSync(path, { recursive: true })) newest = Math.max(newest, statSync(join(path, String(entry))).mtimeMs);
  }
  return newest;
}

/** Whether out/ lacks a bundle or any bundle is older than the newest source. */
function buildNeeded() {
  const outputs = OUTPUTS.map((entry) => join(root, entry));
  if (!outputs.every((entry) => existsSync(entry))) return true;
  return Math.min(...outputs.map((entry) => statSync(entry).mtimeMs)) < newestChange(SOURCES);
}

/** The Electron binary's path, or null when the package or its binary is missing. */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a child with our terminal, passing on the signals that stop it, and exits with its status. */
function runChild(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
}

if (buildNeeded()) {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let binary = electronBinary();
const installer = join(root, 'node_modules', 'electron', 'install.js');
if (!binary && existsSync(installer)) {
  // The project's allowScripts skips Electron's postinstall; its installer downloads the binary once when online.
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}

/** Ensures better-sqlite3 is built for Electron's ABI (beside Node's build): the variable naming it, or null with a sentence printed. */
async function electronSqliteBinding() {
  const { register } = await import('tsx/esm/api');
  register();
  const { BINDING_VARIABLE, ensureElectronBinding } = await import('../src-main/electron/native-binding.ts');
  const electronVersion = require('electron/package.json').version;
  const built = ensureElectronBinding({ root, electronVersion, arch: process.arch, log: (line) => console.log(line) });
  if (!built.ok) console.log(`${built.message} So Parallax serves the workbench in your browser instead.`);
  return built.ok ? { [BINDING_VARIABLE]: built.path } : null;
}

const binding = binary ? await electronSqliteBinding() : null;
if (binary && binding) {
  const env = { ...process.env, ...binding };
  delete env.ELECTRON_RUN_AS_NODE;
  runChild(binary, ['.', ...process.argv.slice(2)], { env });
} else if (binary) {
  runChild(process.execPath, [join(root, 'bin', 'parallax.mjs'), 'serve', ...process.argv.slice(2)]);
} else {
  console.log("Electron's binary is not installed on this machine, so Parallax serves the workbench in your browser instead.");
  runChild(process.execPath, [join(root, 'bin', 'parallax.mjs'), 'serve', ...process.argv.slice(2)]);
}
