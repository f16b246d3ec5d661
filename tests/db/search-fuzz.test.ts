import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli, SEEDS, temporaryFolder } from '../support/cli';
import { corrupt, KEYWORDS, queryArbitraries, SPECIALS } from '../support/query-arbitraries';
import { openLibrary } from '../../src-main/engine/in-process';
import { validateInput } from '../../src-main/contract/schemas';
import type { EngineHandlers } from '../../src-main/core/engine';
import type { Result } from '../../src-main/contract/result';
import type { SearchHitDetails, SearchRequest } from '../../src-main/contract/search';

// 10,000 queries per run — random strings, grammar-shaped queries, corrupted grammar — go through the engine's
// search method exactly as a transport calls it (schema first, then the engine), over a real library holding the
// seeds: library-wide (FTS5) and inside the story (lunr). Nothing may throw; every answer is hits or a sentence.
// Times are recorded and printed, not asserted (machines are noisy): only a hang-sized bound is checked.

const TOTAL = Number(process.env.SEARCH_FUZZ_RUNS ?? (process.env.PARALLAX_SLOW ? 30_000 : 10_000));
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_103);
/** A query slower than this is a hang, not noise. */
const HANG_MS = 5000;

const folder = temporaryFolder('parallax-search-fuzz-');
const dbFile = join(folder.dir, 'library.db');
let library: { engine: EngineHandlers; close: () => void };
let texts: Map<string, string>;
const times: number[] = [];
const outcomes = { hits: 0, empty: 0, refused: 0, story: 0 };
/** Refusals by error code, for the printed summary. */
const refusals = new Map<string, number>();

before(async () => {
  const ingest = await runCli(dbFile, 'ingest', SEEDS, '--story', 'seeds');
  assert.equal(ingest.status, 0, ingest.stderr);
  library = openLibrary(dbFile);
  const listed = library.engine.listDocuments({});
  assert.ok(listed.ok && listed.value.length === 5);
  texts = new Map(
    listed.value.map((doc) => {
      const text = library.engine.getDocumentText({ doc: doc.id });
      assert.ok(text.ok);
      return [doc.id, text.value.text];
    }),
  );
});
after(() => {
  library?.close();
  folder.cleanup();
});

/** Words of the seeds (so queries find passages and build snippets), plus awkward tokens. */
const words = [
  'Sheinbaum', 'Sheinbam', 'cartels', 'cartel', 'Mexico', 'troops', 'CIA', 'NBC', 'News18', 'Trump', 'imminent', 'Title', '50',
  'JSOC', 'official', 'senior', 'intervention', 'Pentagon', 'U.S.', "administration's", 'drug', 'mission', 'the', 'of', 'a',
  'café', 'Zoë', '東京', 'x', 'σς', 're-election', '3,000', ...KEYWORDS,
];

const { grammar, corruption } = queryArbitraries({ words, wordWeight: 4, fields: ['title:', 'outlet:', 'byline:', 'text:', 'Title:', 'TEXT: ', 'speaker:', 'story:'] });

const randomQuery = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SPECIALS, ...KEYWORDS, 'a', 'b', 'é', ' ', ' ', '1', 'cartel', 'Mexico'), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** Where and how much: the library (FTS5) mostly, the story's passages (lunr) often, odd limits sometimes. */
const scope = fc.record(
  {
    story: fc.constantFrom<string | undefined>(undefined, undefined, undefined, 'seeds', 'seeds', 'no such story'),
    limit: fc.constantFrom<number | undefined>(undefined, undefined, 1, 3, 10_000),
  },
  { requiredKeys: [] },
);

/** A sentence for a reporter: not empty, no stack, no SQLite error leaking through. */
function assertExplained(result: { code: string; message: string }, request: SearchRequest): void {
  const shown = JSON.stringify(request);
  assert.ok(['bad-query', 'bad-request', 'not-found'].includes(result.code), `${shown}: code ${result.code}`);
  assert.ok(result.message.trim().length > 0, `${shown}: empty message`);
  assert.doesNotMatch(result.message, /could not be run|fts5|SQLITE|\n\s+at /i, `${shown}: ${result.message}`);
}

/** The hits' snippets and highlights index the document's reading text. */
function assertHits(hits: SearchHitDetails[], request: SearchRequest): void {
  const shown = JSON.stringify(request);
  assert.ok(hits.length <= (request.limit ?? 20), `${shown}: ${hits.length} hits`);
  for (const hit of hits) {
    const text = texts.get(hit.id);
    assert.ok(text !== undefined, `${shown}: unknown document ${hit.id}`);
    assert.ok(Number.isFinite(hit.score), `${shown}: score ${hit.score}`);
    assert.equal(hit.highlights.length, hit.snippets.length, shown);
    hit.snippets.forEach((snippet, index) => {
      assert.equal(snippet.text, text.slice(snippet.start, snippet.end), `${shown}: snippet offsets`);
      for (const mark of hit.highlights[index] ?? []) {
        assert.ok(snippet.start <= mark.start && mark.start <= mark.end && mark.end <= snippet.end, `${shown}: highlight outside its snippet`);
      }
    });
  }
}

/** One request through the schema and the engine, timed; it must answer, never throw. */
function check(query: string, where: { story?: string; limit?: number }): void {
  const request: SearchRequest = { query, ...where };
  const started = performance.now();
  let result: Result<SearchHitDetails[]>;
  const valid = validateInput('search', request);
  if (!valid.ok) result = valid as Result<never>;
  else result = library.engine.search(valid.value as SearchRequest);
  const elapsed = performance.now() - started;
  times.push(elapsed);
  assert.ok(elapsed < HANG_MS, `${JSON.stringify(request)} took ${Math.round(elapsed)} ms`);
  if (where.story === 'seeds') outcomes.story++;
  if (!result.ok) {
    outcomes.refused++;
    refusals.set(result.error.code, (refusals.get(result.error.code) ?? 0) + 1);
    assertExplained(result.error, request);
    return;
  }
  if (result.value.length === 0) outcomes.empty++;
  else outcomes.hits++;
  assertHits(result.value, request);
}

const share = Math.floor(TOTAL / 3);

test(`${TOTAL} random, grammar-shaped and corrupted queries through the engine's search`, { timeout: 10 * 60_000 }, async (t) => {
  await t.test('random strings', () => {
    fc.assert(fc.property(randomQuery, scope, check), { numRuns: TOTAL - 2 * share, seed: SEED });
  });
  await t.test('grammar-shaped queries', () => {
    fc.assert(fc.property(grammar, scope, check), { numRuns: share, seed: SEED + 1 });
  });
  await t.test('corrupted grammar-shaped queries', () => {
    fc.assert(fc.property(grammar, corruption, scope, (input, edits, where) => check(corrupt(input, edits), where)), { numRuns: share, seed: SEED + 2 });
  });

  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
  const total = sorted.reduce((sum, time) => sum + time, 0);
  const codes = [...refusals].map(([code, count]) => `${count} ${code}`).join(', ');
  t.diagnostic(
    `${sorted.length} queries in ${Math.round(total)} ms: p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, ` +
      `max ${(sorted.at(-1) ?? 0).toFixed(2)} ms; ${outcomes.hits} with hits, ${outcomes.empty} empty, ${outcomes.refused} explained (${codes}), ` +
      `${outcomes.story} in the story`,
  );
  assert.ok(sorted.length >= TOTAL);
  assert.ok(outcomes.hits > TOTAL / 50, 'a fair share of the queries find something, so snippets are exercised');
  assert.ok(outcomes.refused > TOTAL / 50, 'a fair share of the queries are malformed, so the explanations are exercised');
});
