// `npm run bench -- [--docs N[,N...]] [--corpus DIR] [--runs R]`: synthetic corpora, one process per run, medians as JSON.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';

const { values } = parseArgs({
  options: { docs: { type: 'string', default: '1000,10000' }, corpus: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const root = resolve(import.meta.dirname, '..', '..');
const runs = Number(values.runs);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
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
  const samples: Record<string, number | unknown>[] = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`${corpus.label}: run ${run + 1}/${runs}…\n`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'bench-run.ts'), '--corpus', corpus.folder], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    samples.push(JSON.parse(output) as Record<string, number>);
  }
  const numeric = Object.keys(samples[0]!).filter((key) => typeof samples[0]![key] === 'number');
  results[corpus.label] = {
    runs,
    median: Object.fromEntries(numeric.map((key) => [key, median(samples.map((sample) => sample[key] as number))])),
    hitsPerQuery: samples[0]!.hitsPerQuery,
    medianMsPerQuery: samples[Math.floor(samples.length / 2)]!.medianMsPerQuery,
  };
}
process.stdout.write(`${JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, results }, null, 2)}\n`);
