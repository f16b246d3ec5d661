/**
 * The checks a place must pass before a note is attached to it on partial evidence: no other place that could be
 * the passage, and no trace elsewhere of where the passage used to be. Both lean to orphaning: each refuses a place
 * that a lookalike (a copy of the passage in other surroundings) would also fit.
 */
import approximateSearch from 'approx-string-match';
import { sideErrors, TEXT_END, TEXT_START } from './anchoring-align';
import { scoreLocation } from './anchoring-candidates';
import { maxQuoteErrors, PLAUSIBLE_QUOTE_RATE, type Candidate, type SelectorPattern } from './anchoring-rules';
import { findPatternLocations } from './anchoring-search';

/** Shortest side of context worth looking for elsewhere. */
const MIN_HOME_CONTEXT = 16;
/** Fewest characters of a side, inside the passage's paragraph, that can tell two places apart. */
const MIN_TELLING_CONTEXT = 8;
/** A home elsewhere fitting the noted context with at most this many more edits than the candidate is as likely the passage's. */
const HOME_SLACK = 2;
/** A place matching the passage within this share of its length more edits than the candidate rivals it. */
const RIVAL_QUOTE_RATE = 0.25;
/** A side tells a candidate from a rival when it has at most this share edited there... */
const STRONG_TELLING_RATE = 0.25;
/** ...and more than this share at the rival (unrelated prose: 59%–78%). */
const NO_SUPPORT_RATE = 0.5;

/**
 * Whether one side of the selector's context still stands somewhere in the text (at most a quarter of it edited): then
 * that is where the passage was, and a place without that side is suspect. A side that is only the start (end) of the
 * text stands where the text now starts (ends) with the other side, the passage gone from between. Any other side
 * shorter than `MIN_HOME_CONTEXT` cannot be looked for and is taken to stand.
 */
export function contextStandsElsewhere(shape: SelectorPattern, which: 'prefix' | 'suffix', augmented: string): boolean {
  const side = which === 'prefix' ? shape.pattern.slice(0, shape.quoteFrom) : shape.pattern.slice(shape.quoteTo);
  if (side === TEXT_START) {
    const suffix = shape.pattern.slice(shape.quoteTo);
    return sideErrors(suffix, augmented, 1, 'after') <= Math.floor(0.25 * suffix.length);
  }
  if (side === TEXT_END) {
    const prefix = shape.pattern.slice(0, shape.quoteFrom);
    return sideErrors(prefix, augmented, augmented.length - 1, 'before') <= Math.floor(0.25 * prefix.length);
  }
  if (side.length < MIN_HOME_CONTEXT) return true;
  const locations = findPatternLocations(augmented, side, Math.floor(0.25 * side.length), 0, augmented.length, 1);
  return locations === null || locations.length > 0;
}

/**
 * Whether no other place could be the passage, for a candidate its context supports only in part. Another place where
 * the passage alone matches with at most half of it edited is a rival when it matches about as well as the candidate
 * (at most a quarter of the passage's length more edits) or stands in context that strongly supports it on one side
 * (the original, much edited, beside a verbatim copy); a rival is dismissed only when the candidate's context strongly
 * supports it on a side where the rival's does not support it at all, and not the other way round. Only
 * words of the passage's own paragraph (at least `MIN_TELLING_CONTEXT` characters of the side) tell places apart:
 * neighbouring paragraphs are what moves, and a copy can land beside the passage's old neighbour.
 */
export function onlyPlaceOfPassage(shape: SelectorPattern, augmented: string, candidate: Candidate): boolean {
  const exact = shape.pattern.slice(shape.quoteFrom, shape.quoteTo);
  // The candidate's own characters are masked, so that what is found is elsewhere, even right beside it.
  const masked = augmented.slice(0, candidate.start + 1) + '\u0000'.repeat(candidate.end - candidate.start) + augmented.slice(candidate.end + 1);
  const locations = findPatternLocations(masked, exact, Math.floor(PLAUSIBLE_QUOTE_RATE * exact.length), 0, masked.length, 200);
  if (locations === null) return false;
  const strong = (errors: number, length: number): boolean => errors <= Math.floor(STRONG_TELLING_RATE * length);
  const none = (errors: number, length: number): boolean => errors > Math.floor(NO_SUPPORT_RATE * length);
  return locations.every((location) => {
    // The rival's edges and sides from an alignment of the whole selector around it, not from the raw match.
    const padding = shape.prefixLength + Math.floor(PLAUSIBLE_QUOTE_RATE * exact.length) + 8;
    const rival = scoreLocation(shape, masked, location.start - padding, location.end + padding);
    const aboutAsClose = rival.quoteErrors <= candidate.quoteErrors + Math.floor(RIVAL_QUOTE_RATE * exact.length);
    const inItsContext = strong(rival.prefixErrors, shape.prefixLength) || strong(rival.suffixErrors, shape.suffixLength);
    if (!aboutAsClose && !inItsContext) return true;
    const candidateTells =
      (inParagraph(shape.nearPrefix, shape.prefixLength) >= MIN_TELLING_CONTEXT && strong(candidate.prefixErrors, shape.prefixLength) && none(rival.prefixErrors, shape.prefixLength)) ||
      (inParagraph(shape.nearSuffix, shape.suffixLength) >= MIN_TELLING_CONTEXT && strong(candidate.suffixErrors, shape.suffixLength) && none(rival.suffixErrors, shape.suffixLength));
    const rivalTells =
      (strong(rival.prefixErrors, shape.prefixLength) && !strong(candidate.prefixErrors, shape.prefixLength)) ||
      (strong(rival.suffixErrors, shape.suffixLength) && !strong(candidate.suffixErrors, shape.suffixLength));
    return candidateTells && !rivalTells;
  });
}

/**
 * Whether the passage's old home stands elsewhere: the noted prefix followed, within a passage's length, by the noted
 * suffix, at a place other than the candidate's. For a candidate with both sides of context ('context'), a home counts
 * when it fits the noted context about as well as the candidate or better, the characters between prefix and suffix
 * counted as edits (the passage deleted there, a lookalike kept here). For one supported in part, a home counts when
 * words that are not the passage stand between (the passage rewritten there, a copy kept here); a home with nothing
 * between is what a moved paragraph leaves, and one with the passage between is a rival for `onlyPlaceOfPassage`.
 */
export function vacatedHomeElsewhere(shape: SelectorPattern, augmented: string, candidate: Candidate, level: 'context' | 'partial'): boolean {
  const contextErrors = candidate.prefixErrors + candidate.suffixErrors;
  if (level === 'context' && contextErrors === 0) return false;
  const prefix = shape.pattern.slice(0, shape.quoteFrom);
  const suffix = shape.pattern.slice(shape.quoteTo);
  const exact = shape.pattern.slice(shape.quoteFrom, shape.quoteTo);
  const bounded = (side: string): boolean => side.length >= MIN_HOME_CONTEXT || side.startsWith(TEXT_START) || side.endsWith(TEXT_END);
  if (!bounded(prefix) || !bounded(suffix)) return false;
  if (level === 'context') {
    // Prefix and suffix joined: a home whose gap holds g characters matches with g more edits.
    const homes = findPatternLocations(augmented, prefix + suffix, contextErrors + HOME_SLACK, 0, augmented.length, 16);
    if (homes === null) return true;
    const ownFrom = candidate.start + 1 - prefix.length;
    const ownTo = candidate.end + 1 + suffix.length;
    return homes.some((home) => home.end <= ownFrom || home.start >= ownTo);
  }
  const sideLimit = (length: number): number => Math.floor(0.25 * length);
  const prefixes = findPatternLocations(augmented, prefix, sideLimit(prefix.length), 0, augmented.length, 16);
  if (prefixes === null) return true;
  const reach = exact.length + maxQuoteErrors(exact.length) + suffix.length + 8;
  for (const found of prefixes) {
    const from = Math.max(0, found.end - 4);
    const suffixes = approximateSearch(augmented.slice(from, Math.min(augmented.length, found.end + reach)), suffix, sideLimit(suffix.length));
    const first = suffixes.sort((one, other) => one.start - other.start)[0];
    if (!first) continue;
    const homeEnd = Math.max(found.end, from + first.start);
    // The candidate's own surroundings are no other home.
    if (found.end <= candidate.end + 1 + 2 && candidate.start + 1 <= homeEnd + 2) continue;
    const between = augmented.slice(found.end, homeEnd);
    if (between.trim().length > 0 && approximateSearch(between, exact, Math.floor(PLAUSIBLE_QUOTE_RATE * exact.length)).length === 0) return true;
  }
  return false;
}

/** Characters of a side inside the passage's own paragraph (all of it when the side has no line break). */
function inParagraph(near: string | null, sideLength: number): number {
  return near === null ? sideLength : near.length - 1;
}
