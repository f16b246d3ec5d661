/**
 * Where a selection's words occur in another text: verbatim (every normalized word, in order, side by side) or near
 * (most of its word n-grams inside one window, in order). Pure functions over tokenized texts.
 */
import type { WordToken } from './normalize-words';

/** A region of a text as word indexes [first, last] (inclusive) with how well it matches the selection (0..1). */
export interface WordRegion {
  first: number;
  last: number;
  score: number;
}

/** Share of the selection's words a window must hold in order, inside shared n-grams, to count as a near match. */
export const NEAR_THRESHOLD = 0.7;

/** Every place the selection's words occur side by side in `tokens`, in text order, never overlapping. */
export function verbatimRegions(selection: readonly string[], tokens: readonly WordToken[]): WordRegion[] {
  const regions: WordRegion[] = [];
  const length = selection.length;
  if (length === 0) return regions;
  for (let index = 0; index + length <= tokens.length; index++) {
    let matches = true;
    for (let offset = 0; offset < length && matches; offset++) matches = tokens[index + offset]?.word === selection[offset];
    if (!matches) continue;
    regions.push({ first: index, last: index + length - 1, score: 1 });
    index += length - 1;
  }
  return regions;
}

/**
 * Word n-gram size for near matching: 3-grams for selections of 12 words or more, 2-grams for shorter ones, so one
 * changed word in a short selection (which breaks up to n of its n-grams) still leaves it above the threshold.
 */
export function nearGramSize(words: number): number {
  return words >= 12 ? 3 : 2;
}

function gramsOf(words: readonly string[], size: number): string[] {
  const grams: string[] = [];
  for (let index = 0; index + size <= words.length; index++) grams.push(words.slice(index, index + size).join(' '));
  return grams;
}

/** Longest chain of (selection gram, text position) pairs increasing in both; pairs come sorted by position. */
function longestChain(pairs: ReadonlyArray<{ gram: number; position: number }>): { gram: number; position: number }[] {
  const ordered = [...pairs].sort((left, right) => left.position - right.position || right.gram - left.gram);
  const tails: number[] = [];
  const previous: number[] = [];
  for (let index = 0; index < ordered.length; index++) {
    const gram = ordered[index]!.gram;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ordered[tails[middle]!]!.gram < gram) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  }
  const chain: { gram: number; position: number }[] = [];
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]!) chain.push(ordered[index]!);
  return chain.reverse();
}

/** How many of the selection's words the chained n-grams cover. */
function coveredWords(chain: ReadonlyArray<{ gram: number }>, size: number): number {
  let covered = 0;
  let reached = -1;
  for (const { gram } of chain) {
    covered += gram + size - 1 - Math.max(reached, gram - 1);
    reached = gram + size - 1;
  }
  return covered;
}

/**
 * Windows of `tokens` where at least NEAR_THRESHOLD of the selection's words recur in order, inside shared word
 * n-grams (extra, missing or changed words allowed), scored by that share; never overlapping.
 * Selections under 3 words have no near matches (their only n-gram is the selection itself).
 */
export function nearRegions(selection: readonly string[], tokens: readonly WordToken[]): WordRegion[] {
  if (selection.length < 3) return [];
  const size = nearGramSize(selection.length);
  const grams = gramsOf(selection, size);
  const gramIndexes = new Map<string, number[]>();
  grams.forEach((gram, index) => gramIndexes.set(gram, [...(gramIndexes.get(gram) ?? []), index]));
  const firstWords = new Set(selection);
  const pairs: { gram: number; position: number }[] = [];
  for (let position = 0; position + size <= tokens.length; position++) {
    if (!firstWords.has(tokens[position]!.word)) continue;
    const gram = tokens.slice(position, position + size).map((token) => token.word).join(' ');
    for (const index of gramIndexes.get(gram) ?? []) pairs.push({ gram: index, position });
  }
  const span = selection.length + Math.max(2, Math.ceil(selection.length * 0.3));
  const regions: WordRegion[] = [];
  let start = 0;
  while (start < pairs.length) {
    const first = pairs[start]!.position;
    let stop = start;
    while (stop < pairs.length && pairs[stop]!.position + size - 1 < first + span) stop++;
    const chain = longestChain(pairs.slice(start, stop));
    const share = coveredWords(chain, size) / selection.length;
    const last = chain.at(-1);
    if (share >= NEAR_THRESHOLD && last !== undefined) {
      regions.push({ first: chain[0]!.position, last: last.position + size - 1, score: share });
      while (start < pairs.length && pairs[start]!.position <= last.position + size - 1) start++;
    } else {
      start++;
    }
  }
  return regions;
}
