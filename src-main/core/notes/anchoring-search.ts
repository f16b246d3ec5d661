/**
 * Approximate search for a selector pattern over a whole text, complete up to an error bound: every place where the
 * pattern aligns with at most k errors is reported (not only the best ones, which is all `approx-string-match` returns
 * per call), so the resolver can prove that no rival passage comes close before it attaches a note anywhere.
 *
 * Two ways, chosen by cost. When the pattern split into k + 1 pieces leaves pieces of at least `MIN_PIECE` characters
 * (and not too many pieces), one piece must occur verbatim in any such place (pigeonhole): the windows around the
 * pieces' `indexOf` hits are joined into one string, separated by more than k masked characters so that no alignment
 * spans two, and searched with Myers' algorithm at once. Otherwise the text is scanned in overlapping chunks. Inside the
 * joined windows or a chunk, the best matches found are masked and the search repeated until nothing within k errors
 * is left; matches found one after another are kept apart even when they touch.
 */
import approximateSearch from 'approx-string-match';

/** A place where a pattern aligns with `errors` edits: the union of the best alignments found there. */
export interface PatternLocation {
  start: number;
  end: number;
  errors: number;
}

/** Shortest piece worth an `indexOf` scan: shorter pieces hit too often in prose to narrow anything. */
const MIN_PIECE = 6;
/** Most pieces worth scanning for: each is one pass of `indexOf` over the text. */
const MAX_PIECES = 24;
/** Once the windows around piece hits cover this share of the text, one scan of the text is cheaper. */
const MAX_WINDOW_SHARE = 0.3;
/** Size of the chunks a full scan works through (each chunk is rescanned when it holds a match, so not too big). */
const CHUNK = 1 << 15;
/** Two sightings whose edges are this close are the same location. */
const SAME_PLACE = 2;
/** Stand-in for masked characters: never part of a pattern (texts are normalized without control characters). */
const MASK = '\u0000';

/** A stretch of searched text: its offset in the text and its characters, some of them masked as the search goes. */
interface Stretch {
  text: string;
  /** Where each part of `text` starts in the original, as [offset in stretch, offset in text] pairs, in order. */
  parts: Array<[number, number]>;
}

/**
 * Every place in `text` (from `from` to `to`) where `pattern` aligns with at most `maxErrors` errors, sorted by start;
 * null when there are more than `limit`, which the resolver reads as "too ambiguous". `core` gives how many characters
 * at the head and tail of the pattern are context: a found place masks only its core before the search goes on.
 */
export function findPatternLocations(text: string, pattern: string, maxErrors: number, from = 0, to = text.length, limit = 48, core: [number, number] = [0, 0]): PatternLocation[] | null {
  if (pattern.length === 0 || to <= from) return [];
  const errors = Math.min(maxErrors, pattern.length - 1);
  const found: PatternLocation[] = [];
  const stretches = pieceStretches(text, pattern, errors, from, to) ?? chunkStretches(text, pattern, errors, from, to);
  for (const stretch of stretches) {
    if (!searchStretch(stretch, pattern, errors, found, limit * 2, core)) return null;
  }
  const distinct = withoutDuplicates(found);
  return distinct.length > limit ? null : distinct;
}

/**
 * The windows around the verbatim hits of the pattern's k + 1 pieces, merged and joined into one stretch; null when the
 * pieces would be too short or too many, or the windows too wide, for this to beat a scan.
 */
function pieceStretches(text: string, pattern: string, errors: number, from: number, to: number): Stretch[] | null {
  const pieceLength = Math.floor(pattern.length / (errors + 1));
  if (pieceLength < MIN_PIECE || errors + 1 > MAX_PIECES) return null;
  const windows: Array<[number, number]> = [];
  const budget = MAX_WINDOW_SHARE * (to - from);
  const width = pattern.length + 2 * errors;
  for (let piece = 0; piece <= errors; piece++) {
    const offset = piece * pieceLength;
    const pieceText = pattern.slice(offset, piece === errors ? pattern.length : offset + pieceLength);
    for (let hit = text.indexOf(pieceText, from); hit >= 0 && hit + pieceText.length <= to; hit = text.indexOf(pieceText, hit + 1)) {
      if (windows.length * width > budget) return null;
      windows.push([Math.max(from, hit - offset - errors), Math.min(to, hit - offset + pattern.length + errors)]);
    }
  }
  windows.sort((first, second) => first[0] - second[0]);
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  if (merged.length === 0) return [];
  const separator = MASK.repeat(errors + 1);
  const pieces: string[] = [];
  const parts: Array<[number, number]> = [];
  let length = 0;
  for (const [start, end] of merged) {
    if (pieces.length > 0) {
      pieces.push(separator);
      length += separator.length;
    }
    parts.push([length, start]);
    pieces.push(text.slice(start, end));
    length += end - start;
  }
  return [{ text: pieces.join(''), parts }];
}

/** Overlapping chunks covering [from, to): any alignment of the pattern lies wholly inside one of them. */
function chunkStretches(text: string, pattern: string, errors: number, from: number, to: number): Stretch[] {
  const overlap = pattern.length + errors;
  const step = Math.max(CHUNK, 4 * overlap);
  const stretches: Stretch[] = [];
  for (let start = from; ; start += step) {
    const end = Math.min(to, start + step + overlap);
    stretches.push({ text: text.slice(start, end), parts: [[0, start]] });
    if (end >= to) break;
  }
  return stretches;
}

/** The text offset of a stretch offset (within one of its parts). */
function textOffset(stretch: Stretch, offset: number): number {
  let part = stretch.parts[0]!;
  for (const candidate of stretch.parts) {
    if (candidate[0] > offset) break;
    part = candidate;
  }
  return part[1] + offset - part[0];
}

/**
 * Collects every match of at most `errors` inside one stretch: search, mask what was found, search again. Returns false
 * when more than `limit` matches pile up.
 */
function searchStretch(stretch: Stretch, pattern: string, errors: number, found: PatternLocation[], limit: number, core: [number, number]): boolean {
  let searched = stretch.text;
  const mask = (from: number, to: number): void => {
    searched = searched.slice(0, from) + MASK.repeat(to - from) + searched.slice(to);
  };
  for (;;) {
    const matches = approximateSearch(searched, pattern, errors);
    if (matches.length === 0) return true;
    const groups = mergeLocations(matches.map((match) => ({ start: match.start, end: match.end, errors: match.errors })));
    for (const group of groups) {
      found.push({ start: textOffset(stretch, group.start), end: textOffset(stretch, group.start) + group.end - group.start, errors: group.errors });
      // Only the match's core is masked (for a selector, the passage), so that a place overlapping it by its context
      // only, a line repeated in a row, can still be found; the whole match when its core is masked already.
      const coreStart = group.start + core[0];
      const coreEnd = group.end - core[1];
      if (coreEnd > coreStart && /[^\u0000]/.test(searched.slice(coreStart, coreEnd))) mask(coreStart, coreEnd);
      else mask(group.start, group.end);
    }
    if (found.length > limit) return false;
  }
}

/**
 * Drops the second sighting of a location (chunks overlap, so a match in the overlap is found twice): of two locations
 * whose edges lie within `SAME_PLACE` characters of each other, the one with fewer errors stays. Other locations are
 * distinct even when they overlap (a line repeated several times in a row): they are kept apart. Sorted by start.
 */
function withoutDuplicates(locations: PatternLocation[]): PatternLocation[] {
  const sorted = [...locations].sort((first, second) => first.start - second.start || first.errors - second.errors);
  const kept: PatternLocation[] = [];
  for (const location of sorted) {
    const same = kept.findIndex((other) => Math.abs(other.start - location.start) <= SAME_PLACE && Math.abs(other.end - location.end) <= SAME_PLACE);
    if (same < 0) kept.push(location);
    else if (location.errors < kept[same]!.errors) kept[same] = location;
  }
  return kept.sort((first, second) => first.start - second.start);
}

/** Merges overlapping matches of one search (one place, several end points) into one, keeping the fewest errors. */
function mergeLocations(locations: PatternLocation[]): PatternLocation[] {
  const sorted = [...locations].sort((first, second) => first.start - second.start);
  const merged: PatternLocation[] = [];
  for (const location of sorted) {
    const last = merged[merged.length - 1];
    if (last && location.start < last.end) {
      last.end = Math.max(last.end, location.end);
      last.errors = Math.min(last.errors, location.errors);
    } else merged.push({ ...location });
  }
  return merged;
}
