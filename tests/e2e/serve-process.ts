// Starting and stopping `parallax serve` as a child process, for the e2e fixtures and the UI benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this file. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const SERVING_LINE = /Parallax is serving the workbench at (\S+)/;

/** Starts `node bin/parallax.mjs serve --port 0 --db FOLDER/library.db` and resolves with its printed URL. */
export function startServe(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'parallax.mjs'), 'serve', '--port', '0', '--db', dbFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`parallax serve did not print its URL in time:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVING_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`parallax serve exited (${code}) before serving:\n${output}`));
    });
  });
}

/** Stops a server started by startServe and waits for it to exit. */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

