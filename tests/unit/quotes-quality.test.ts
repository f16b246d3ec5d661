import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { extractTextDocument } from '../../src-main/core/extract/index';
import { composeReadingText } from '../../src-main/core/extract/reading-text';
import { extractQuotes, type ExtractedQuote } from '../../src-main/core/quotes/extract-quotes';
import { clusterQuotes } from '../../src-main/core/quotes/clusters';

interface GoldQuote {
  text: string;
  speaker: string | null;
  kind: string;
}

const fixtures = new URL('../fixtures/quotes/', import.meta.url);
const holdouts = [new URL('../fixtures/quotes-holdout/', import.meta.url), new URL('../fixtures/quotes-holdout-2/', import.meta.url)];
const seeds = new URL('../../seeds/', import.meta.url);
const gold: Record<string, GoldQuote[]> = {};
for (const folder of [fixtures, ...holdouts]) Object.assign(gold, JSON.parse(readFileSync(new URL('gold.json', folder), 'utf8')) as Record<string, GoldQuote[]>);

/** The canonical reading text of a file, as ingest computes it. */
function readingText(name: string, folder: URL = seeds): string {
  const outcome = extractTextDocument(readFileSync(new URL(name, folder)), name);
  assert.ok(outcome.ok, `${name} extracts`);
  return composeReadingText(outcome.value.rawText, outcome.value.boilerplate);
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function sameSpeaker(left: string | null, right: string | null): boolean {
  if (left === null || right === null) return left === right;
  return normalize(left).toLowerCase() === normalize(right).toLowerCase();
}

interface Score {
  predicted: number;
  gold: number;
  matched: number;
  speakersRight: number;
  misses: string[];
}

function score(files: [string, string][]): Score {
  const total: Score = { predicted: 0, gold: 0, matched: 0, speakersRight: 0, misses: [] };
  for (const [name, text] of files) {
    const expected = gold[name] ?? [];
    const found: ExtractedQuote[] = extractQuotes(text);
    const pool = [...expected];
    total.predicted += found.length;
    total.gold += expected.length;
    for (const quote of found) {
      const index = pool.findIndex((item) => normalize(item.text) === normalize(quote.text));
      if (index < 0) {
        total.misses.push(`${name}: extra "${quote.text.slice(0, 50)}" (${quote.speaker})`);
        continue;
      }
      const item = pool.splice(index, 1)[0] as GoldQuote;
      total.matched += 1;
      if (sameSpeaker(item.speaker, quote.speaker)) total.speakersRight += 1;
      else total.misses.push(`${name}: speaker of "${item.text.slice(0, 40)}" is ${item.speaker}, got ${quote.speaker}`);
    }
    for (const item of pool) total.misses.push(`${name}: missed "${item.text.slice(0, 50)}"`);
  }
  return total;
}

function figures(result: Score): { precision: number; recall: number; speakerAccuracy: number } {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    precision: round(result.predicted === 0 ? 1 : result.matched / result.predicted),
    recall: round(result.gold === 0 ? 1 : result.matched / result.gold),
    speakerAccuracy: round(result.matched === 0 ? 1 : result.speakersRight / result.matched),
  };
}

function check(label: string, files: [string, string][]): void {
  const result = score(files);
  const values = figures(result);
  console.log(JSON.stringify({ set: label, files: files.length, gold: result.gold, predicted: result.predicted, ...values }));
  for (const miss of result.misses) console.log(`  ${miss}`);
  assert.ok(values.precision >= 0.95, `${label} precision ${values.precision}`);
  assert.ok(values.recall >= 0.95, `${label} recall ${values.recall}`);
  assert.ok(values.speakerAccuracy >= 0.9, `${label} speaker accuracy ${values.speakerAccuracy}`);
}

test('quote extraction meets the quality bar on the hand-written fixtures', () => {
  const names = readdirSync(fixtures).filter((name) => name.endsWith('.txt')).sort();
  assert.ok(names.length >= 12, 'at least twelve fixtures');
  for (const name of names) assert.ok(gold[name] !== undefined, `gold for ${name}`);
  check('fixtures', names.map((name) => [name, readFileSync(new URL(name, fixtures), 'utf8')]));
});

test('quote extraction meets the quality bar on the five seeds', () => {
  const names = readdirSync(seeds).filter((name) => /^\d{3}_.*\.txt$/u.test(name)).sort();
  assert.equal(names.length, 5);
  check('seeds', names.map((name) => [name, readingText(name)]));
});

test('quote extraction meets the quality bar on the hold-out sets (written without seeing the extractor)', () => {
  for (const folder of holdouts) {
    const names = readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
    assert.ok(names.length >= 6, 'at least six hold-out articles');
    for (const name of names) assert.ok(gold[name] !== undefined, `gold for ${name}`);
    check(folder.pathname.split('/').filter(Boolean).pop() ?? 'hold-out', names.map((name) => [name, readingText(name, folder)]));
  }
});

test('the same quote across documents shares a cluster: pair recall on hand-labelled pairs', () => {
  const labelled = JSON.parse(readFileSync(new URL('clusters.json', fixtures), 'utf8')) as { pairs: [[string, string], [string, string]][] };
  const files = [...new Set(labelled.pairs.flat().map(([name]) => name))];
  const quotes = files.flatMap((name) => {
    const text = /^\d{3}_/u.test(name) ? readingText(name) : readFileSync(new URL(name, fixtures), 'utf8');
    return extractQuotes(text).map((quote) => ({ ...quote, docId: name, path: name, published: null, quoteId: `${name}:${quote.start}` }));
  });
  const { clusterIds } = clusterQuotes(quotes);
  const clusterOf = ([name, start]: [string, string]): string | null => {
    const index = quotes.findIndex((quote) => quote.docId === name && quote.text.startsWith(start));
    assert.ok(index >= 0, `quote "${start}" found in ${name}`);
    return clusterIds[index] ?? null;
  };
  const together = labelled.pairs.filter(([left, right]) => {
    const cluster = clusterOf(left);
    return cluster !== null && cluster === clusterOf(right);
  }).length;
  const recall = Math.round((together / labelled.pairs.length) * 1000) / 1000;
  console.log(JSON.stringify({ set: 'cluster pairs', pairs: labelled.pairs.length, together, pairRecall: recall }));
  assert.ok(recall >= 0.9, `cluster pair recall ${recall}`);
});
