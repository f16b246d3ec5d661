/**
 * Note anchoring: the selector a note keeps for a passage of a document's reading text, and finding that passage again
 * after the text changed. Resolution runs in a fixed order: the old position (exact text, consistent context) → the
 * exact text elsewhere → an approximate search for the passage with its context → orphan. Whatever the step, a place is
 * taken only when no rival place comes close (see `anchoring-rules.ts`); a note is never moved to a lookalike passage.
 * Offsets are UTF-16 code units of the canonical reading text.
 */
import type { PassageSelector } from '../../contract/notes';
import approximateSearch from 'approx-string-match';
import { TEXT_END, TEXT_START } from './anchoring-align';
import { snapToWords, splitsSurrogatePair } from './anchoring-bounds';
import { bestKnownTotal, chooseCandidate, clampOffset as clamp, distinctCandidates, exactCandidate, exactOccurrences, nearErrors, neighbourRival, scoreLocation } from './anchoring-candidates';
import { contextStandsElsewhere, onlyPlaceOfPassage, vacatedHomeElsewhere } from './anchoring-checks';
import { acceptableTotal, consistentAtPosition, contextSupport, CONTEXT_LENGTH, maxQuoteErrors, PLAUSIBLE_QUOTE_RATE, rivalMargin, selectorPattern, type Candidate } from './anchoring-rules';
import { findPatternLocations } from './anchoring-search';
import { contextCarried, keptEnough, mapPassage, type TextMapping } from './anchoring-diff';

export { CONTEXT_LENGTH } from './anchoring-rules';

/** Where a passage stands in the current text: found as noted (ok), found with differences (drifted), or not found (orphan). */
export interface AnchorResolution {
  state: 'ok' | 'drifted' | 'orphan';
  /** The passage's range now; for an orphan, the old range clamped to the text. */
  start: number;
  end: number;
}

/** Passages longer than this are found by their first and last `LONG_QUOTE_ENDS` characters, then checked whole. */
const LONG_QUOTE = 1000;
const LONG_QUOTE_ENDS = 200;
/** Most context edits a place may have when the passage's words stand (nearly) exactly in more than one place. */
const REPEATED_CONTEXT_ERRORS = 4;
/** "Nearly exactly": at most this share of the passage edited (at least one edit allowed). */
const NEARLY_EXACT_RATE = 0.1;

/** The selector for [start, end) of `text`: the passage, up to `CONTEXT_LENGTH` characters each side, and its offsets. */
export function selectorFor(text: string, start: number, end: number): PassageSelector {
  const from = clamp(Math.min(start, end), text.length);
  const to = clamp(Math.max(start, end), text.length);
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return { exact: text.slice(from, to), prefix: text.slice(prefixStart, from), suffix: text.slice(to, suffixEnd), start: from, end: to };
}

/**
 * Finds a noted passage in the current text, or orphans it when it cannot be found with confidence. With `mapping`
 * (from the text the selector's offsets refer to, see `mapText`), the passage is first carried through the edit; only
 * when the edit moved it away or rewrote most of it is it searched for by its selector, and a passage still half
 * standing where the edit put it is never taken elsewhere.
 */
export function resolveAnchor(selector: PassageSelector, text: string, mapping: TextMapping | null = null): AnchorResolution {
  const oldStart = clamp(Math.min(selector.start, selector.end), text.length);
  const oldEnd = clamp(Math.max(selector.start, selector.end), text.length);
  const orphan: AnchorResolution = { state: 'orphan', start: oldStart, end: oldEnd };
  if (text.length === 0) return orphan;
  if (selector.exact.length === 0) return resolveCaret(selector, text, orphan);
  if (!mapping) return resolveBySelector(selector, text, oldStart, oldEnd, orphan);
  const noted = { start: Math.min(selector.start, selector.end), end: Math.max(selector.start, selector.end) };
  const mapped = mapPassage(mapping, noted.start, noted.end);
  const context = mapped && contextCarried(mapping, noted.start, noted.end, selector.prefix.length, selector.suffix.length, mapped);
  if (mapped && context && context.prefix && context.suffix && keptEnough(mapped, selector.exact.length, true)) {
    return finish(mapped.start, mapped.end, selector, text) ?? orphan;
  }
  if (mapped && context && keptEnough(mapped, selector.exact.length)) {
    // A neighbour moved or was inserted beside it: the diff may have taken a copy set beside the original for the
    // passage. Taken when the selector search agrees, or finds nothing and nothing on the side whose context was lost
    // reads nearly as the passage.
    const searched = resolveBySelector(selector, text, oldStart, oldEnd, orphan);
    if (searched.state !== 'orphan') return overlaps(searched, mapped) ? (finish(mapped.start, mapped.end, selector, text) ?? orphan) : orphan;
    const reach = 2 * selector.exact.length + 2 * CONTEXT_LENGTH;
    if (!context.prefix && readsWithin(selector.exact, text, mapped.start - reach, mapped.start, LOOKALIKE_ERROR_RATE)) return orphan;
    if (!context.suffix && readsWithin(selector.exact, text, mapped.end, mapped.end + reach, LOOKALIKE_ERROR_RATE)) return orphan;
    // A short passage, nor anywhere else nearly as noted (a moved paragraph opening with the words of the one deleted).
    const short = selector.exact.length < 2 * CONTEXT_LENGTH;
    if (short && readsWithin(selector.exact, text, 0, mapped.start, LOOKALIKE_ERROR_RATE)) return orphan;
    if (short && readsWithin(selector.exact, text, mapped.end, text.length, LOOKALIKE_ERROR_RATE)) return orphan;
    return finish(mapped.start, mapped.end, selector, text) ?? orphan;
  }
  const searched = resolveBySelector(selector, text, oldStart, oldEnd, orphan);
  // Half the passage still standing where the edit put it, with its context on one side at least: it is not elsewhere.
  const standing = mapped !== null && context !== null && (context.prefix || context.suffix) && mapped.kept >= 0.5 * selector.exact.length;
  if (standing && searched.state !== 'orphan' && !overlaps(searched, mapped)) return orphan;
  return searched;
}

/** Whether two ranges share a character. */
function overlaps(first: { start: number; end: number }, second: { start: number; end: number }): boolean {
  return first.start < second.end && second.start < first.end;
}

/** Most edits, as a share of the passage, for another place to read it nearly as noted: an edited original beside a copy. */
const LOOKALIKE_ERROR_RATE = 0.5;

/** Whether the passage reads, exactly or with edits up to `errorRate` of its length, inside [from, to) of the text. */
function readsWithin(exact: string, text: string, from: number, to: number, errorRate: number): boolean {
  const region = text.slice(Math.max(0, from), Math.max(0, to));
  return region.length > 0 && approximateSearch(region, exact, Math.floor(errorRate * exact.length)).length > 0;
}

/** The selector search: old position (hinted), exact text elsewhere, approximate search, orphan. */
function resolveBySelector(selector: PassageSelector, text: string, oldStart: number, oldEnd: number, orphan: AnchorResolution): AnchorResolution {
  if (selector.exact.length > LONG_QUOTE) return resolveLongPassage(selector, text, orphan);
  const shape = selectorPattern(selector);
  const margin = rivalMargin(shape);

  // a. The old position: the exact passage still there, in consistent context.
  if (text.startsWith(selector.exact, oldStart)) {
    const here = exactCandidate(shape, text, oldStart, selector.exact.length);
    if (consistentAtPosition(here, shape)) return { state: 'ok', start: oldStart, end: oldStart + selector.exact.length };
  }

  // b. The exact passage elsewhere, each occurrence scored by its context. One that reads exactly as noted, context
  // and all, can only be rivalled by another such (see `chooseCandidate`), so no approximate search is needed.
  const exactCandidates = exactOccurrences(text, selector.exact).map((start) => exactCandidate(shape, text, start, selector.exact.length));
  const perfect = exactCandidates.filter((candidate) => candidate.total === 0);
  if (perfect.length > 0) {
    const chosen = chooseCandidate(perfect, margin, oldStart);
    return chosen ? { state: 'ok', start: chosen.start, end: chosen.end } : orphan;
  }

  // c. An approximate search for passage and context, near the old position first; the best place found bounds it.
  const augmented = TEXT_START + text + TEXT_END;
  const bound = bestKnownTotal(shape, augmented, oldStart, oldEnd, exactCandidates);
  if (!Number.isFinite(bound)) return orphan;
  // Every place within the margin of the best must be known before choosing: search the whole text down to that bound.
  const core: [number, number] = [shape.prefixLength, shape.suffixLength];
  const locations = findPatternLocations(augmented, shape.pattern, Math.min(bound, acceptableTotal(shape)) + margin - 1, 0, augmented.length, 48, core);
  if (locations === null || locations.length === 0) return orphan;
  // A place where more than half the passage differs holds other words, whatever its context: no candidate, no rival.
  const plausible = locations.map((location) => scoreLocation(shape, augmented, location.start, location.end)).filter((candidate) => candidate.quoteErrors <= PLAUSIBLE_QUOTE_RATE * selector.exact.length);
  const candidates = distinctCandidates(plausible);
  const chosen = chooseCandidate(candidates, margin, oldStart);
  if (!chosen || neighbourRival(shape, augmented, chosen, margin)) return orphan;
  // Words that stand in several places, exactly or nearly (a byline, a repeated line, a passage and its copy), are told
  // apart by their context only: a place whose context is more than lightly edited may be the lookalike of an original
  // whose context changed more.
  const nearlyExact = (candidate: Candidate): boolean => candidate.quoteErrors <= Math.max(1, Math.floor(NEARLY_EXACT_RATE * selector.exact.length));
  const repeated = distinctCandidates([...exactCandidates, ...candidates].filter(nearlyExact)).length > 1;
  if (repeated && chosen.prefixErrors + chosen.suffixErrors > REPEATED_CONTEXT_ERRORS) return orphan;
  const support = contextSupport(chosen, shape, nearErrors(shape, augmented, chosen));
  if (support === null) return orphan;
  if (support.level === 'partial') {
    // Context that does not support the place must not still stand elsewhere: that is where the passage was.
    if (support.prefix === 'none' && contextStandsElsewhere(shape, 'prefix', augmented)) return orphan;
    if (support.suffix === 'none' && contextStandsElsewhere(shape, 'suffix', augmented)) return orphan;
    if (!onlyPlaceOfPassage(shape, augmented, chosen)) return orphan;
  }
  if (vacatedHomeElsewhere(shape, augmented, chosen, support.level)) return orphan;
  return finish(chosen.start, chosen.end, selector, text) ?? orphan;
}

/** The found range snapped to words, as ok when it reads exactly as noted and drifted otherwise. */
function finish(start: number, end: number, selector: PassageSelector, text: string): AnchorResolution | null {
  const snapped = snapToWords(text, start, end, selector);
  if (!snapped) return null;
  const [from, to] = snapped;
  return { state: text.slice(from, to) === selector.exact ? 'ok' : 'drifted', start: from, end: to };
}

/**
 * A long passage: its first and last `LONG_QUOTE_ENDS` characters are resolved as passages of their own (each with its
 * context, the other side taken from inside the passage), then the whole passage is checked between or from them.
 */
function resolveLongPassage(selector: PassageSelector, text: string, orphan: AnchorResolution): AnchorResolution {
  const { exact } = selector;
  const head = resolveAnchor(
    { exact: exact.slice(0, LONG_QUOTE_ENDS), prefix: selector.prefix, suffix: exact.slice(LONG_QUOTE_ENDS, LONG_QUOTE_ENDS + CONTEXT_LENGTH), start: selector.start, end: selector.start + LONG_QUOTE_ENDS },
    text,
  );
  const tailFrom = exact.length - LONG_QUOTE_ENDS;
  const tail = resolveAnchor(
    { exact: exact.slice(tailFrom), prefix: exact.slice(tailFrom - CONTEXT_LENGTH, tailFrom), suffix: selector.suffix, start: selector.start + tailFrom, end: selector.end },
    text,
  );
  const allowed = maxQuoteErrors(exact.length);
  const spanLimit = exact.length + allowed;
  let window: [number, number] | null = null;
  if (head.state !== 'orphan' && tail.state !== 'orphan') {
    if (tail.end <= head.start || tail.end - head.start > spanLimit || tail.end - head.start < exact.length - allowed) return orphan;
    window = [head.start, tail.end];
  } else if (head.state !== 'orphan') window = [head.start, Math.min(text.length, head.start + spanLimit)];
  else if (tail.state !== 'orphan') window = [Math.max(0, tail.end - spanLimit), tail.end];
  if (!window) return orphan;
  const matches = approximateSearch(text.slice(window[0], window[1]), exact, allowed);
  // The match must reach the resolved end(s): a passage found elsewhere in the window is not this one.
  const fits = matches.filter(
    (match) => (head.state === 'orphan' || Math.abs(window[0] + match.start - head.start) <= allowed) && (tail.state === 'orphan' || Math.abs(window[0] + match.end - tail.end) <= allowed),
  );
  const match = fits[0];
  if (!match) return orphan;
  const start = head.state === 'orphan' ? window[0] + match.start : head.start;
  const end = tail.state === 'orphan' ? window[0] + match.end : tail.end;
  return finish(start, end, selector, text) ?? orphan;
}

/** An empty passage (a caret): found only where its prefix and suffix meet exactly, at the old place or at one place only. */
function resolveCaret(selector: PassageSelector, text: string, orphan: AnchorResolution): AnchorResolution {
  const joined = selector.prefix + selector.suffix;
  if (joined.length === 0) return orphan;
  if (orphan.start >= selector.prefix.length && text.startsWith(joined, orphan.start - selector.prefix.length)) return { state: 'ok', start: orphan.start, end: orphan.start };
  const first = text.indexOf(joined);
  if (first < 0 || text.indexOf(joined, first + 1) >= 0) return orphan;
  const at = first + selector.prefix.length;
  return { state: 'ok', start: at, end: at };
}

