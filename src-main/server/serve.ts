import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngineHost } from '../engine/host';
import { isFirstRun, loadSamples } from '../engine/first-run';
import { startServer } from './http-server';

/** What `parallax serve` needs: the library, the port (0 = any free one), the built workbench, and where to write. */
export interface ServeOptions {
  dbFile: string;
  port: number;
  staticDir: string;
  /** Writes a line for the user (the URL). */
  print(line: string): void;
  /** Writes a notice (the workbench is not built); defaults to `print`. */
  warn?(line: string): void;
  /** The engine worker's code, when a bundler built it. */
  workerUrl?: URL | string;
}

/** A running workbench server with its engine. */
export interface Serving {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Where `npm run build` puts the renderer: the repository's out/renderer, found from this source file. */
export function builtWorkbenchDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url));
}

/** The signals that end `parallax serve` cleanly. */
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Starts the engine host and the HTTP server on it, and prints the URL to open (with its token). */
export async function startServing(options: ServeOptions): Promise<Serving> {
  const firstRun = isFirstRun(options.dbFile);
  const engine = await startEngineHost({ dbFile: options.dbFile, workerUrl: options.workerUrl });
  // A damaged library restored from its backup, or failing backups: said here too, not only in the workbench.
  const status = await engine.api.getLibraryStatus({});
  for (const notice of status.ok ? status.value.notices : []) (options.warn ?? options.print)(notice.message);
  if (firstRun) {
    const loaded = await loadSamples(engine.api);
    if (loaded?.ok) (options.warn ?? options.print)(`A new library: the sample story (${loaded.value.added} articles) is loaded.`);
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ api: engine.api, port: options.port, staticDir: options.staticDir, host: engine });
  } catch (error) {
    await engine.close();
    throw error;
  }
  if (!existsSync(join(options.staticDir, 'index.html'))) {
    (options.warn ?? options.print)('The workbench has not been built yet, so only its API is served: run "npm run build", then reload the page.');
  }
  options.print(`Parallax is serving the workbench at ${server.url}`);
  const { url, token, port } = server;
  return {
    url,
    token,
    port,
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

/** Serves the workbench until SIGINT or SIGTERM, then closes the server and the engine; resolves to the exit status. */
export async function serve(options: ServeOptions): Promise<number> {
  const serving = await startServing(options);
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      // Further signals during shutdown are ignored rather than killing the process half-closed.
      for (const signal of STOP_SIGNALS) process.on(signal, ignore);
      void serving.close().finally(() => {
        for (const signal of STOP_SIGNALS) process.off(signal, ignore);
        resolve();
      });
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
  });
  return 0;
}

function ignore(): void {}
