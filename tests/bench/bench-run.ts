// One benchmark run in its own process (so peak RSS is this size's alone): prints one JSON object on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openLibrary } from '../../src-main/engine/in-process';
import { benchmarkQueries } from './corpus';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, repeat: { type: 'string', default: '5' } } });
const corpus = values.corpus!;
const repeat = Number(values.repeat);
const workspace = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const dbFile = join(workspace, 'library.db');

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}
const round = (value: number) => Math.round(value * 100) / 100;

try {
  const queries = benchmarkQueries();
  const started = performance.now();
  let library = openLibrary(dbFile);
  const report = await library.engine.ingest({ paths: [corpus] });
  if (!report.ok) throw new Error(report.error.message);
  const first = library.engine.search({ query: queries[0]!, limit: 20 });
  if (!first.ok) throw new Error(first.error.message);
  const ingestToSearchableMs = performance.now() - started;

  const latencies: number[] = [];
  const hits: Record<string, number> = {};
  const byQuery = new Map<string, number[]>();
  for (let round = 0; round < repeat; round++) {
    for (const query of queries) {
      const before = performance.now();
      const result = library.engine.search({ query, limit: 20 });
      const elapsed = performance.now() - before;
      latencies.push(elapsed);
      byQuery.set(query, [...(byQuery.get(query) ?? []), elapsed]);
      if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
      hits[query] = result.value.length;
    }
  }

  const reingestStarted = performance.now();
  const again = await library.engine.ingest({ paths: [corpus] });
  const reingestUnchangedMs = performance.now() - reingestStarted;
  library.close();

  const reopenStarted = performance.now();
  library = openLibrary(dbFile);
  library.engine.search({ query: queries[1]!, limit: 20 });
  const reopenFirstQueryMs = performance.now() - reopenStarted;
  library.close();

  process.stdout.write(
    `${JSON.stringify({
      documents: report.value.added,
      failed: report.value.failed.length,
      ingestToSearchableMs: round(ingestToSearchableMs),
      peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
      searchP50Ms: round(percentile(latencies, 0.5)),
      searchP95Ms: round(percentile(latencies, 0.95)),
      searchMaxMs: round(Math.max(...latencies)),
      searchSamples: latencies.length,
      reopenFirstQueryMs: round(reopenFirstQueryMs),
      reingestUnchangedMs: round(reingestUnchangedMs),
      reingestUnchanged: again.ok ? again.value.unchanged : null,
      hitsPerQuery: hits,
      medianMsPerQuery: Object.fromEntries([...byQuery].map(([query, samples]) => [query, round(percentile(samples, 0.5))])),
    })}\n`,
  );
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
