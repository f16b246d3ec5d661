/**
 * Candidate places for a noted passage and how they are scored and chosen. Offsets of candidates are in the text;
 * the functions search and align in the marked text (`TEXT_START` + text + `TEXT_END`), one character further on.
 */
import { alignSelector, sideErrors, TEXT_END, TEXT_START } from './anchoring-align';
import { contextSupport, contextTotal, maxQuoteErrors, SHORT_QUOTE, type Candidate, type NearErrors, type SelectorPattern } from './anchoring-rules';
import { findPatternLocations } from './anchoring-search';

/** The approximate search first looks this far around the old position, where an edited passage usually still is. */
const NEARBY = 8192;
/** Exact occurrences scored one by one at most; a phrase more frequent than this is left to the approximate search. */
const MAX_EXACT_OCCURRENCES = 5000;
/** A tie between equally good places is broken by the old position only when one is this close to it... */
const TIE_NEAR = 512;
/** ...and every other one at least this far. */
const TIE_FAR = 8192;

/**
 * The fewest edits (passage and context) of any place found so far, as the bound for the complete search of rivals:
 * the exact occurrences of the passage; unless one of them has its context, the places near the old position where
 * the whole selector matches with context support, or (a passage of `SHORT_QUOTE` characters or more) where the
 * passage alone matches at most 25% edited; failing all those, the same anywhere in the text. Infinity when none.
 */
export function bestKnownTotal(shape: SelectorPattern, augmented: string, oldStart: number, oldEnd: number, exactCandidates: readonly Candidate[]): number {
  const exact = shape.pattern.slice(shape.quoteFrom, shape.quoteTo);
  let bound = Number.POSITIVE_INFINITY;
  let supported = false;
  const consider = (candidate: Candidate): void => {
    bound = Math.min(bound, candidate.total);
    supported ||= contextSupport(candidate, shape, nearErrors(shape, augmented, candidate))?.level === 'context';
  };
  const search = (from: number, to: number, wholeSelector: boolean): void => {
    if (wholeSelector) {
      const core: [number, number] = [shape.prefixLength, shape.suffixLength];
      for (const location of findPatternLocations(augmented, shape.pattern, contextTotal(shape), from, to, 48, core) ?? []) consider(scoreLocation(shape, augmented, location.start, location.end));
      return;
    }
    const padding = shape.prefixLength + maxQuoteErrors(exact.length) + 8;
    for (const location of findPatternLocations(augmented, exact, maxQuoteErrors(exact.length), from, to) ?? []) {
      consider(scoreLocation(shape, augmented, location.start - padding, location.end + padding));
    }
  };
  exactCandidates.forEach(consider);
  if (supported) return bound;
  const nearbyFrom = Math.max(0, oldStart + 1 - NEARBY);
  const nearbyTo = Math.min(augmented.length, oldEnd + 1 + NEARBY);
  search(nearbyFrom, nearbyTo, true);
  if (!supported && exact.length >= SHORT_QUOTE) search(nearbyFrom, nearbyTo, false);
  // Nothing near: the passage moved, or is gone. One pass over the whole text: for the passage alone when it is long
  // enough not to match everywhere, else for the whole selector.
  if (!Number.isFinite(bound)) search(0, augmented.length, exact.length < SHORT_QUOTE);
  return bound;
}

/** The exact passage at `start` of the (plain) text, scored by how its two sides of context compare. */
export function exactCandidate(shape: SelectorPattern, text: string, start: number, length: number): Candidate {
  const end = start + length;
  const reach = 2 * Math.max(shape.prefixLength, shape.suffixLength) + 4;
  const before = (start <= reach ? TEXT_START : '') + text.slice(Math.max(0, start - reach), start);
  const after = text.slice(end, end + reach) + (end + reach >= text.length ? TEXT_END : '');
  const prefixErrors = sideErrors(shape.pattern.slice(0, shape.quoteFrom), before, before.length, 'before');
  const suffixErrors = sideErrors(shape.pattern.slice(shape.quoteTo), after, 0, 'after');
  return { start, end, prefixErrors, quoteErrors: 0, suffixErrors, total: prefixErrors + suffixErrors };
}

/** Offsets of the exact passage in the text; none when it is so common that scoring each would be slow. */
export function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (found.length >= MAX_EXACT_OCCURRENCES) return [];
    found.push(at);
  }
  return found;
}

/** The candidate around a search hit (in the marked text): the best alignment of the whole selector there, in text offsets. */
export function scoreLocation(shape: SelectorPattern, augmented: string, start: number, end: number): Candidate {
  const alignment = alignSelector(shape.pattern, shape.quoteFrom, shape.quoteTo, augmented, Math.max(0, start - 2), Math.min(augmented.length, end + 2));
  const textLength = augmented.length - 2;
  return {
    start: clampOffset(alignment.quoteStart - 1, textLength),
    end: clampOffset(alignment.quoteEnd - 1, textLength),
    prefixErrors: alignment.prefixErrors,
    quoteErrors: alignment.quoteErrors,
    suffixErrors: alignment.suffixErrors,
    total: alignment.prefixErrors + alignment.quoteErrors + alignment.suffixErrors,
  };
}

/** Candidates by fewest edits, one per place: of two overlapping ones only the better stays. */
export function distinctCandidates(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((first, second) => first.total - second.total || first.quoteErrors - second.quoteErrors || first.start - second.start);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    if (!kept.some((other) => candidate.start < other.end && other.start < candidate.end)) kept.push(candidate);
  }
  return kept;
}

/**
 * The candidate with the fewest edits when no other comes within `margin` edits of it; when it has none at all (it
 * reads the passage and all its context exactly as noted), only another such place rivals it: anything else is either
 * the passage edited or a lookalike. Equally good candidates (same edits) are told apart by the old position only when
 * one is within `TIE_NEAR` of it and every other at least `TIE_FAR` away.
 */
export function chooseCandidate(candidates: readonly Candidate[], margin: number, oldStart: number): Candidate | null {
  const sorted = [...candidates].sort((first, second) => first.total - second.total || first.quoteErrors - second.quoteErrors);
  const best = sorted[0];
  if (!best) return null;
  const close = sorted.filter((candidate) => candidate.total < (best.total === 0 ? 1 : best.total + margin));
  if (close.length === 1) return best;
  const equallyGood = close.every((candidate) => candidate.total === best.total && candidate.quoteErrors === best.quoteErrors);
  if (!equallyGood) return null;
  const byDistance = [...close].sort((first, second) => Math.abs(first.start - oldStart) - Math.abs(second.start - oldStart));
  const nearest = byDistance[0]!;
  const nextNearest = byDistance[1]!;
  return Math.abs(nearest.start - oldStart) <= TIE_NEAR && Math.abs(nextNearest.start - oldStart) >= TIE_FAR ? nearest : null;
}

/**
 * Whether a place overlapping the chosen one's surroundings rivals it: the search masks each place it finds, which
 * can hide another place whose context covers the chosen passage (a line repeated several times in a row). The
 * selector is aligned again in a window ending just short of where the chosen place's alignment ends, and in one
 * starting just past where it starts, so that the chosen place itself would cost more than any rival within the margin.
 */
export function neighbourRival(shape: SelectorPattern, augmented: string, chosen: Candidate, margin: number): boolean {
  const cut = margin + 1;
  const span = shape.pattern.length + margin;
  const windows: Array<[number, number]> = [
    [chosen.start + 1 - span, chosen.end + 1 + shape.suffixLength - cut],
    [chosen.start + 1 - shape.prefixLength + cut, chosen.end + 1 + span],
  ];
  const limit = chosen.total === 0 ? 1 : chosen.total + margin;
  return windows.some(([from, to]) => {
    if (to - from < shape.pattern.length) return false;
    const other = scoreLocation(shape, augmented, Math.max(0, from), Math.min(augmented.length, to));
    const elsewhere = other.end <= chosen.start || other.start >= chosen.end;
    return elsewhere && other.total < limit && other.quoteErrors <= maxQuoteErrors(shape.quoteTo - shape.quoteFrom) * 2;
  });
}

/** Edits of each side's in-paragraph part (up to its line break; the start or end of the text counts as one) at a candidate. */
export function nearErrors(shape: SelectorPattern, augmented: string, candidate: Candidate): NearErrors {
  const { nearPrefix, nearSuffix } = shape;
  // The candidate's edges come from an alignment and may sit a character or two off the line break: allow for it.
  const shifts = [0, -1, 1, -2, 2];
  const before = (pattern: string): number => Math.min(...shifts.map((shift) => sideErrors(pattern, augmented, clampOffset(candidate.start + 1 + shift, augmented.length), 'before')));
  const after = (pattern: string): number => Math.min(...shifts.map((shift) => sideErrors(pattern, augmented, clampOffset(candidate.end + 1 + shift, augmented.length), 'after')));
  return {
    prefix: nearPrefix === null ? null : Math.min(before(nearPrefix), before(TEXT_START + nearPrefix.slice(1))),
    suffix: nearSuffix === null ? null : Math.min(after(nearSuffix), after(nearSuffix.slice(0, -1) + TEXT_END)),
  };
}

/** An offset kept within [0, length]. */
export function clampOffset(value: number, length: number): number {
  return Math.max(0, Math.min(length, Number.isFinite(value) ? Math.trunc(value) : 0));
}
