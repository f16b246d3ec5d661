// Recoll indexing the same corpus, for comparison: a fresh configuration holding only `topdirs`, Recoll's defaults otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** GNU time, which reports a command's peak RSS. */
const GNU_TIME = '/usr/bin/time';

/** One `recollindex -z` run: wall time, peak RSS (null without GNU time) and the documents it indexed. */
export interface RecollRun {
  wallMs: number;
  peakRssMiB: number | null;
  documents: number | null;
}

/** Why Recoll cannot run here, or null when `recollindex` is on the PATH. */
export function recollUnavailable(): string | null {
  const found = (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, 'recollindex')));
  return found ? null : 'recollindex is not on the PATH (Debian: apt-get install recoll)';
}

/** Indexes `folder` from scratch with `recollindex -c CONFDIR -z` in a temporary configuration folder. */
export function runRecoll(folder: string): RecollRun {
  const workspace = mkdtempSync(join(tmpdir(), 'parallax-bench-recoll-'));
  try {
    const confdir = join(workspace, 'config');
    mkdirSync(confdir);
    writeFileSync(join(confdir, 'recoll.conf'), `topdirs = "${folder}"\n`);
    const timeFile = join(workspace, 'time.txt');
    const command = ['recollindex', '-c', confdir, '-z'];
    const timed = existsSync(GNU_TIME);
    const started = performance.now();
    const result = timed
      ? spawnSync(GNU_TIME, ['-f', '%e %M', '-o', timeFile, ...command], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
      : spawnSync(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`recollindex failed (${result.status ?? result.signal}): ${String(result.stderr).slice(-2000)}`);
    // GNU time writes "<seconds> <peak RSS in KiB>".
    const kibibytes = timed ? Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).at(-1)) : NaN;
    const status = readFileSync(join(confdir, 'idxstatus.txt'), 'utf8');
    const documents = /^dbtotdocs\s*=\s*(\d+)/m.exec(status)?.[1];
    return { wallMs, peakRssMiB: Number.isFinite(kibibytes) ? kibibytes / 1024 : null, documents: documents === undefined ? null : Number(documents) };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
