import { parseArgs } from 'node:util';
import type { EngineHandlers } from '../core/engine';
import { openCheckedEngine } from '../engine/in-process';
import { defaultLibraryPath } from '../core/store/location';
import { DatabaseTooNewError } from '../core/store/database';
import { BackupError } from '../core/store/backups';
import { isDamageError } from '../core/store/connection';
import { LibraryDamagedError, requestFullCheck } from '../core/store/library-health';
import { COMMANDS, USAGE, type CommandContext } from './commands';
import { UsageError, type Output } from './output';

/** Options every command takes. */
const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  story: { type: 'string' },
  limit: { type: 'string' },
  raw: { type: 'boolean', default: false },
  port: { type: 'string' },
  doc: { type: 'string' },
  speaker: { type: 'string' },
  docs: { type: 'string' },
  exact: { type: 'string' },
  body: { type: 'string' },
  tag: { type: 'string', multiple: true },
  format: { type: 'string' },
  orphans: { type: 'boolean', default: false },
  trash: { type: 'boolean', default: false },
} as const;

/** A usage mistake as one finished sentence, then where the usage is. */
function usageError(message: string): string {
  return `${message.replace(/\.?$/, '.')} Run "parallax --help" for usage.`;
}

/** Runs the `parallax` command line; returns the exit status (0 ok, 1 failure, 2 bad usage). */
export async function main(argv: readonly string[], output: Output = processOutput()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: COMMON_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    output.error(usageError((error as Error).message));
    return 2;
  }
  const [name, ...positionals] = parsed.positionals;
  if (parsed.values.help || !name) {
    output.out(USAGE);
    return name || parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    output.error(usageError(`Unknown command "${name}".`));
    return 2;
  }
  const dbFile = parsed.values.db ?? defaultLibraryPath();
  let library: { engine: EngineHandlers; close: () => void } | null = null;
  try {
    command.validate?.(positionals, parsed.values);
    library = command.opensLibrary === false ? null : await openCliLibrary(dbFile, output);
    const context: CommandContext = { engine: library?.engine as EngineHandlers, positionals, options: parsed.values, output };
    return await command.run(context);
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(usageError(error.message));
      return 2;
    }
    if (library && isDamageError(error)) {
      // SQLite met damage the start-up look did not reach: the next run checks the whole file and restores a backup.
      requestFullCheck(dbFile, (error as Error).message);
      output.error(`The library at ${dbFile} is damaged (${(error as Error).message}): run the command again to check it and restore its newest sound backup.`);
      return 1;
    }
    output.error(parsed.values.debug ? String((error as Error).stack) : describeFailure(error));
    return 1;
  } finally {
    library?.close();
  }
}

/** A failure to open the library, already phrased for the reporter. */
class LibraryOpenError extends Error {}

/**
 * Opens the library for a command, checked first (a damaged one is replaced by its newest sound backup) and backed up
 * daily; what the reporter must know goes to stderr; any failure becomes one sentence naming the file.
 */
async function openCliLibrary(dbFile: string, output: Output): Promise<{ engine: EngineHandlers; close: () => void }> {
  try {
    const library = await openCheckedEngine(dbFile, { onProgress: output.progress });
    for (const notice of library.notices) output.error(notice.message);
    return library;
  } catch (error) {
    if (error instanceof DatabaseTooNewError || error instanceof LibraryDamagedError || error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException)?.code;
    const reason =
      code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
        ? 'it is not a readable Parallax library'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_READONLY'
          ? 'permission denied'
          : code === 'EEXIST' || code === 'ENOTDIR'
            ? 'a file stands where its folder should be'
            : (error as Error).message;
    throw new LibraryOpenError(`The library at ${dbFile} cannot be opened: ${reason}.`, { cause: error });
  }
}

/** One sentence for an unexpected failure, without a stack trace. */
function describeFailure(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.endsWith('.') ? message : `${message}.`;
}

/** Output to the real process streams, with a throttled progress line on stderr. */
function processOutput(): Output {
  let lastProgress = 0;
  const started = Date.now();
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    write: (text) => process.stdout.write(text),
    error: (text) => process.stderr.write(`parallax: ${text}\n`),
    progress: (progress) => {
      const now = Date.now();
      if (progress.phase === 'done') {
        if (lastProgress > 0 && process.stderr.isTTY) process.stderr.write('\n');
        return;
      }
      if (now - started < 1000 || now - lastProgress < (process.stderr.isTTY ? 100 : 2000)) return;
      lastProgress = now;
      const line = `Reading ${progress.done}/${progress.total} files…`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    },
  };
}
