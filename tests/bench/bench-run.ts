// One benchmark run in its own process (so peak RSS is this size's alone): prints one JSON object on stdout.
// Ingest runs in the engine worker as the app runs it, while the main thread's event-loop delay is recorded; search,
// analysis, re-ingest and reopen then run in-process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Result } from '../../src-main/contract/result';
import type { EngineHandlers } from '../../src-main/core/engine';
import { startEngineHost } from '../../src-main/engine/host';
import { openLibrary } from '../../src-main/engine/in-process';
import { benchmarkQueries } from './corpus';
import { percentile, round } from './statistics';

const { values } = parseArgs({
  options: { corpus: { type: 'string' }, repeat: { type: 'string', default: '10' }, 'skip-analysis': { type: 'boolean', default: false } },
});
const corpus = values.corpus!;
const repeat = Number(values.repeat);
const workspace = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const dbFile = join(workspace, 'library.db');

/** The event-loop delay histogram's sampling interval: a delay it records includes it, so the lag is what exceeds it. */
const LAG_RESOLUTION_MS = 10;

/** The process's peak resident memory so far (a high-water mark: read after each step, it tells which step raised it). */
function peakRssMiB(): number {
  return round(process.resourceUsage().maxRSS / 1024);
}

/** The value of a result, or the run stops with its error. */
function valueOf<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/** Ingests the corpus through the engine worker; times host start → ingest → first search answered, and the main thread's lag. */
async function ingestThroughWorker(query: string) {
  const delay = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  delay.enable();
  const started = performance.now();
  const host = await startEngineHost({ dbFile });
  let progressEvents = 0;
  host.onProgress(() => progressEvents++);
  const report = valueOf(await host.api.ingest({ paths: [corpus] }), 'ingest');
  valueOf(await host.api.search({ query, limit: 20 }), query);
  const ingestToSearchableMs = performance.now() - started;
  delay.disable();
  await host.close();
  const lag = (nanoseconds: number) => round(Math.max(0, nanoseconds / 1e6 - LAG_RESOLUTION_MS));
  return {
    documents: report.added,
    failed: report.failed.length,
    ingestToSearchableMs: round(ingestToSearchableMs),
    eventLoopLagP50Ms: lag(delay.percentile(50)),
    eventLoopLagP99Ms: lag(delay.percentile(99)),
    eventLoopLagMaxMs: lag(delay.max),
    ingestProgressEvents: progressEvents,
  };
}

/** Every query `repeat` times (with snippets, as the workbench asks): percentiles over all samples, and each query's median. */
function measureSearch(engine: EngineHandlers, queries: readonly string[]) {
  const latencies: number[] = [];
  const hits: Record<string, number> = {};
  const byQuery = new Map<string, number[]>();
  for (let pass = 0; pass < repeat; pass++) {
    for (const query of queries) {
      const before = performance.now();
      const result = engine.search({ query, limit: 20 });
      const elapsed = performance.now() - before;
      latencies.push(elapsed);
      byQuery.set(query, [...(byQuery.get(query) ?? []), elapsed]);
      hits[query] = valueOf(result, query).length;
    }
  }
  return {
    figures: {
      searchP50Ms: round(percentile(latencies, 0.5)),
      searchP95Ms: round(percentile(latencies, 0.95)),
      searchP99Ms: round(percentile(latencies, 0.99)),
      searchMaxMs: round(Math.max(...latencies)),
      searchSamples: latencies.length,
    },
    hitsPerQuery: hits,
    medianMsPerQuery: Object.fromEntries([...byQuery].map(([query, samples]) => [query, round(percentile(samples, 0.5))])),
  };
}

/**
 * What the analysis views need for the whole corpus, from cold on an engine that has computed nothing yet: the quote
 * ledger (quotes are extracted on first use, then clustered), the shared passages (cached by the engine, so the
 * Compare view's getStoryComparison would reuse them; read in pages of 5,000 with their texts, as `parallax compare`
 * prints them), and the claims. The engine refuses claims past 2,000,000 matching pairs of units (compare README):
 * then claimsMs is null and claimsRefused says why. Only counts are kept of each answer, as a view or the CLI would
 * show it and let it go.
 */
function measureAnalysis(engine: EngineHandlers, story: string | undefined) {
  const scope = story === undefined ? {} : { story };
  let started = performance.now();
  const quoteClusters = valueOf(engine.listQuoteClusters(scope), 'listQuoteClusters').length;
  const quotes = valueOf(engine.listQuotes(scope), 'listQuotes').length;
  const quotesMs = performance.now() - started;
  const peakRssAfterQuotesMiB = peakRssMiB();
  started = performance.now();
  let sharedPassages = 0;
  for (;;) {
    const page = valueOf(engine.comparePassagePage({ ...scope, offset: sharedPassages, limit: 5000 }), 'comparePassagePage');
    sharedPassages += page.passages.length;
    if (page.passages.length === 0 || sharedPassages >= page.total) break;
  }
  const sharedPassagesMs = performance.now() - started;
  const peakRssAfterPassagesMiB = peakRssMiB();
  started = performance.now();
  const claims = engine.listClaims(scope);
  const claimsMs = claims.ok ? performance.now() - started : null;
  const peakRssAfterClaimsMiB = peakRssMiB();
  return {
    figures: {
      quotesMs: round(quotesMs),
      sharedPassagesMs: round(sharedPassagesMs),
      claimsMs: claimsMs === null ? null : round(claimsMs),
      analysisMs: round(quotesMs + sharedPassagesMs + (claimsMs ?? 0)),
      quotes,
      quoteClusters,
      sharedPassages,
      claims: claims.ok ? claims.value.length : null,
      peakRssAfterQuotesMiB,
      peakRssAfterPassagesMiB,
      peakRssAfterClaimsMiB,
    },
    claimsRefused: claims.ok ? null : claims.error.message,
  };
}

/** The figures when analysis is skipped. */
const NO_ANALYSIS = {
  figures: {
    quotesMs: null,
    sharedPassagesMs: null,
    claimsMs: null,
    analysisMs: null,
    quotes: null,
    quoteClusters: null,
    sharedPassages: null,
    claims: null,
    peakRssAfterQuotesMiB: null,
    peakRssAfterPassagesMiB: null,
    peakRssAfterClaimsMiB: null,
  },
  claimsRefused: null,
};

try {
  const queries = benchmarkQueries();
  const ingest = await ingestThroughWorker(queries[0]!);

  let library = openLibrary(dbFile);
  const search = measureSearch(library.engine, queries);
  const peakRssBeforeAnalysisMiB = peakRssMiB();
  // The corpus folder is one story (named after the folder) when it holds every document; else the whole library.
  const stories = valueOf(library.engine.listStories({}), 'listStories');
  const story = stories.find((candidate) => candidate.documents === ingest.documents)?.name;
  const analysis = values['skip-analysis'] ? NO_ANALYSIS : measureAnalysis(library.engine, story);

  const reingestStarted = performance.now();
  const again = valueOf(await library.engine.ingest({ paths: [corpus] }), 're-ingest');
  const reingestUnchangedMs = performance.now() - reingestStarted;
  library.close();

  const reopenStarted = performance.now();
  library = openLibrary(dbFile);
  valueOf(library.engine.search({ query: queries[1]!, limit: 20 }), queries[1]!);
  const reopenFirstQueryMs = performance.now() - reopenStarted;
  library.close();

  process.stdout.write(
    `${JSON.stringify({
      figures: {
        ...ingest,
        ...search.figures,
        ...analysis.figures,
        reopenFirstQueryMs: round(reopenFirstQueryMs),
        reingestUnchangedMs: round(reingestUnchangedMs),
        reingestUnchanged: again.unchanged,
        peakRssBeforeAnalysisMiB,
        peakRssMiB: peakRssMiB(),
      },
      analysisScope: story === undefined ? 'library' : `story ${story}`,
      claimsRefused: analysis.claimsRefused,
      hitsPerQuery: search.hitsPerQuery,
      medianMsPerQuery: search.medianMsPerQuery,
    })}\n`,
  );
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
