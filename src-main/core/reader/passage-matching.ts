/**
 * Word-level alignment of two texts: seeds are shared word n-grams, grown greedily into runs that tolerate a word or
 * two inserted, dropped or changed. The building block of shared passages.
 */

/** An aligned run: word indexes [aFirst, aLast] and [bFirst, bLast] (inclusive) and how many words are aligned. */
export interface AlignedRun {
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  aligned: number;
}

/** Tuning of the alignment; the defaults suit news copy (see README.md). */
export interface AlignmentOptions {
  /** Words per seed n-gram. */
  seed: number;
  /** Most words skipped on each side to bridge a difference. */
  maxGap: number;
  /** Words that must match again right after a gap, so a gap never bridges into unrelated text. */
  resume: number;
  /** Seeds occurring more often than this in the second text are too common to start a run. */
  maxSeedOccurrences: number;
}

/** Default alignment: 5-word seeds, gaps of up to 2 words, 3 words to resume. */
export const DEFAULT_ALIGNMENT: AlignmentOptions = { seed: 5, maxGap: 2, resume: 3, maxSeedOccurrences: 64 };

/** Gap shapes (words skipped in a, in b), cheapest first: one changed word before one extra word, and so on. */
function gapShapes(maxGap: number): Array<[number, number]> {
  const shapes: Array<[number, number]> = [];
  for (let a = 0; a <= maxGap; a++) for (let b = 0; b <= maxGap; b++) if (a + b > 0) shapes.push([a, b]);
  return shapes.sort((left, right) => Math.max(...left) - Math.max(...right) || left[0] + left[1] - (right[0] + right[1]));
}

const shapesByGap = new Map<number, ReadonlyArray<[number, number]>>();

/** Gap shapes for a maximum gap, computed once (alignments of many pairs reuse them). */
function cachedGapShapes(maxGap: number): ReadonlyArray<[number, number]> {
  let shapes = shapesByGap.get(maxGap);
  if (!shapes) shapesByGap.set(maxGap, (shapes = gapShapes(maxGap)));
  return shapes;
}

/** Hashes each n-gram of word identifiers (polynomial, 32-bit); equal n-grams have equal hashes. */
function ngramHashes(words: Int32Array, size: number): Int32Array {
  const count = Math.max(0, words.length - size + 1);
  const hashes = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    let hash = 0;
    for (let offset = 0; offset < size; offset++) hash = (Math.imul(hash, 0x01000193) + (words[index + offset] ?? 0) + 1) | 0;
    hashes[index] = hash;
  }
  return hashes;
}

function sameWords(a: Int32Array, aStart: number, b: Int32Array, bStart: number, length: number): boolean {
  if (aStart < 0 || bStart < 0 || aStart + length > a.length || bStart + length > b.length) return false;
  for (let offset = 0; offset < length; offset++) if (a[aStart + offset] !== b[bStart + offset]) return false;
  return true;
}

/** Grows an alignment from a word pair in one direction (step 1 or -1); returns the last aligned pair and pairs added. */
function extend(
  a: Int32Array,
  b: Int32Array,
  aPosition: number,
  bPosition: number,
  step: 1 | -1,
  options: AlignmentOptions,
  shapes: ReadonlyArray<[number, number]>,
): { aPosition: number; bPosition: number; aligned: number } {
  let aligned = 0;
  for (;;) {
    const nextA = aPosition + step;
    const nextB = bPosition + step;
    if (nextA >= 0 && nextB >= 0 && nextA < a.length && nextB < b.length && a[nextA] === b[nextB]) {
      aPosition = nextA;
      bPosition = nextB;
      aligned++;
      continue;
    }
    let bridged = false;
    for (const [skipA, skipB] of shapes) {
      const resumeA = aPosition + step * (1 + skipA);
      const resumeB = bPosition + step * (1 + skipB);
      const startA = step === 1 ? resumeA : resumeA - options.resume + 1;
      const startB = step === 1 ? resumeB : resumeB - options.resume + 1;
      if (!sameWords(a, startA, b, startB, options.resume)) continue;
      aPosition = resumeA + step * (options.resume - 1);
      bPosition = resumeB + step * (options.resume - 1);
      aligned += options.resume;
      bridged = true;
      break;
    }
    if (!bridged) return { aPosition, bPosition, aligned };
  }
}

/**
 * Finds maximal aligned runs between two word sequences: every shared seed n-gram not already inside a run is grown
 * both ways with small gaps allowed. Runs come ordered by their start in `a`; runs overlapping on both sides merge.
 */
export function alignRuns(a: Int32Array, b: Int32Array, options: AlignmentOptions = DEFAULT_ALIGNMENT): AlignedRun[] {
  const size = options.seed;
  if (a.length < size || b.length < size) return [];
  const seedsOfB = new Map<number, number[]>();
  ngramHashes(b, size).forEach((hash, bPosition) => {
    const list = seedsOfB.get(hash);
    if (list) list.push(bPosition);
    else seedsOfB.set(hash, [bPosition]);
  });
  const seeds: number[] = [];
  ngramHashes(a, size).forEach((hash, aPosition) => {
    const candidates = seedsOfB.get(hash);
    if (!candidates || candidates.length > options.maxSeedOccurrences) return;
    for (const bPosition of candidates) seeds.push(aPosition, bPosition);
  });
  return alignFromSeeds(a, b, seeds, options);
}

/**
 * Grows runs from given seeds, as alignRuns does from its own: `seeds` holds (aPosition, bPosition) pairs, flat, of
 * n-grams that may be shared (each is checked word by word), ordered by aPosition then bPosition, with n-grams too
 * common in `b` (see maxSeedOccurrences) already left out. Lets a caller that knows the shared n-grams skip hashing.
 */
export function alignFromSeeds(
  a: Int32Array,
  b: Int32Array,
  seeds: ArrayLike<number>,
  options: AlignmentOptions = DEFAULT_ALIGNMENT,
): AlignedRun[] {
  const size = options.seed;
  const shapes = cachedGapShapes(options.maxGap);
  const runs: AlignedRun[] = [];
  let active: AlignedRun[] = [];
  let activeAt = -1;
  for (let index = 0; index + 1 < seeds.length; index += 2) {
    const aPosition = seeds[index]!;
    const bPosition = seeds[index + 1]!;
    if (aPosition !== activeAt) {
      activeAt = aPosition;
      if (active.length > 0) active = active.filter((run) => run.aLast >= aPosition);
    }
    const inside = active.some((run) => bPosition >= run.bFirst && bPosition <= run.bLast);
    if (inside || !sameWords(a, aPosition, b, bPosition, size)) continue;
    const forward = extend(a, b, aPosition, bPosition, 1, options, shapes);
    const backward = extend(a, b, aPosition, bPosition, -1, options, shapes);
    const run: AlignedRun = {
      aFirst: backward.aPosition,
      aLast: forward.aPosition,
      bFirst: backward.bPosition,
      bLast: forward.bPosition,
      aligned: 1 + forward.aligned + backward.aligned,
    };
    runs.push(run);
    active.push(run);
  }
  return mergeRuns(runs);
}

/** Merges runs that overlap in both texts (the same passage reached from two seeds); keeps the rest apart. */
export function mergeRuns(runs: readonly AlignedRun[]): AlignedRun[] {
  let current = [...runs];
  for (;;) {
    const merged = mergeOnce(current);
    if (merged.length === current.length) return merged;
    current = merged;
  }
}

/** One merging pass over runs sorted by their start in `a`. */
function mergeOnce(runs: readonly AlignedRun[]): AlignedRun[] {
  const sorted = [...runs].sort((left, right) => left.aFirst - right.aFirst || left.bFirst - right.bFirst);
  const merged: AlignedRun[] = [];
  let open: AlignedRun[] = [];
  for (const run of sorted) {
    open = open.filter((kept) => kept.aLast >= run.aFirst);
    const overlapping = open.find(
      (kept) => run.aFirst <= kept.aLast && kept.aFirst <= run.aLast && run.bFirst <= kept.bLast && kept.bFirst <= run.bLast,
    );
    if (!overlapping) {
      const kept = { ...run };
      merged.push(kept);
      open.push(kept);
      continue;
    }
    const aUnion = Math.max(overlapping.aLast, run.aLast) - Math.min(overlapping.aFirst, run.aFirst) + 1;
    const bUnion = Math.max(overlapping.bLast, run.bLast) - Math.min(overlapping.bFirst, run.bFirst) + 1;
    overlapping.aligned = Math.min(aUnion, bUnion, Math.max(overlapping.aligned, run.aligned) + nonOverlap(overlapping, run));
    overlapping.aFirst = Math.min(overlapping.aFirst, run.aFirst);
    overlapping.aLast = Math.max(overlapping.aLast, run.aLast);
    overlapping.bFirst = Math.min(overlapping.bFirst, run.bFirst);
    overlapping.bLast = Math.max(overlapping.bLast, run.bLast);
  }
  return merged;
}

/** Words of `run` outside `kept` on its shorter-covered side: what merging adds at most to the aligned count. */
function nonOverlap(kept: AlignedRun, run: AlignedRun): number {
  const outside = (first: number, last: number, keptFirst: number, keptLast: number) =>
    Math.max(0, keptFirst - first) + Math.max(0, last - keptLast);
  return Math.min(outside(run.aFirst, run.aLast, kept.aFirst, kept.aLast), outside(run.bFirst, run.bLast, kept.bFirst, kept.bLast));
}
