import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { normalizeText } from '../../src-main/core/extract/normalize';

const seedsFolder = new URL('../../seeds/', import.meta.url);

/** A seed article's text (by file-name prefix, e.g. "003") normalized as the extractor does, before heuristics run. */
export function normalizedSeed(prefix: string): string {
  const name = readdirSync(seedsFolder).find((file) => file.startsWith(prefix) && file.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} exists`);
  return normalizeText(readFileSync(new URL(name, seedsFolder), 'utf8'));
}
