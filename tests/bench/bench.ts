// `npm run bench -- [--docs N[,N...]] [--corpus DIR] [--runs R] [--no-recoll] [--skip-analysis]`: synthetic corpora,
// one process per run, Recoll indexing the same corpus in the same run when installed; medians as JSON.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';
import { recollUnavailable, runRecoll, type RecollRun } from './recoll';
import { median, round } from './statistics';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '1000,10000' },
    corpus: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'no-recoll': { type: 'boolean', default: false },
    'skip-analysis': { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..', '..');
const runs = Number(values.runs);
const whyNoRecoll = values['no-recoll'] ? 'skipped (--no-recoll)' : recollUnavailable();

/** What one bench-run.ts process prints. */
interface RunOutput {
  figures: Record<string, number | null>;
  analysisScope: string;
  claimsRefused: string | null;
  hitsPerQuery: Record<string, number>;
  medianMsPerQuery: Record<string, number>;
}

/** Each key's median over the runs; null when a run has none (claims refused, analysis skipped). */
function medians(samples: readonly Record<string, number | null>[]): Record<string, number | null> {
  return Object.fromEntries(
    Object.keys(samples[0]!).map((key) => {
      const numbers = samples.map((sample) => sample[key]);
      return [key, numbers.every((value) => typeof value === 'number') ? round(median(numbers as number[])) : null];
    }),
  );
}

/** A ratio of two medians, or null when either is missing. */
function ratio(numerator: number | null, denominator: number | null): number | null {
  return numerator === null || denominator === null || denominator === 0 ? null : round(numerator / denominator);
}

/** Runs bench-run.ts once on a corpus in its own process and returns its figures. */
function parallaxRun(folder: string): RunOutput {
  const script = resolve(import.meta.dirname, 'bench-run.ts');
  const output = execFileSync(process.execPath, ['--import', 'tsx', script, '--corpus', folder, ...(values['skip-analysis'] ? ['--skip-analysis'] : [])], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as RunOutput;
}

const corpora = values.corpus
  ? [{ label: resolve(values.corpus), folder: resolve(values.corpus) }]
  : values.docs.split(',').map((count) => {
      const folder = resolve(root, '.bench', `corpus-${count}`);
      process.stderr.write(`Generating ${count} synthetic articles in .bench/corpus-${count}…\n`);
      writeCorpus(folder, Number(count));
      return { label: `${count} synthetic`, folder };
    });

const results: Record<string, unknown> = {};
for (const corpus of corpora) {
  const samples: RunOutput[] = [];
  const recollRuns: RecollRun[] = [];
  // Parallax and Recoll take turns, so a change in the machine's load falls on both.
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`${corpus.label}: run ${run + 1}/${runs}…\n`);
    samples.push(parallaxRun(corpus.folder));
    if (whyNoRecoll === null) {
      process.stderr.write(`${corpus.label}: recollindex ${run + 1}/${runs}…\n`);
      recollRuns.push(runRecoll(corpus.folder));
    }
  }
  const figures = medians(samples.map((sample) => sample.figures));
  const recoll =
    whyNoRecoll === null
      ? {
          runs: recollRuns.length,
          wallMs: round(median(recollRuns.map((run) => run.wallMs))),
          peakRssMiB: recollRuns.every((run) => run.peakRssMiB !== null) ? round(median(recollRuns.map((run) => run.peakRssMiB!))) : null,
          documents: recollRuns[0]!.documents,
          wallMsPerRun: recollRuns.map((run) => round(run.wallMs)),
        }
      : null;
  results[corpus.label] = {
    runs,
    median: figures,
    recoll,
    ...(recoll === null ? { whyNoRecoll } : {}),
    ratioToRecoll: {
      ingestToSearchable: ratio(figures.ingestToSearchableMs ?? null, recoll?.wallMs ?? null),
      analysis: ratio(figures.analysisMs ?? null, recoll?.wallMs ?? null),
    },
    analysisScope: samples[0]!.analysisScope,
    claimsRefused: samples[0]!.claimsRefused,
    hitsPerQuery: samples[0]!.hitsPerQuery,
    medianMsPerQuery: medians(samples.map((sample) => sample.medianMsPerQuery)),
  };
}
process.stdout.write(`${JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, results }, null, 2)}\n`);
