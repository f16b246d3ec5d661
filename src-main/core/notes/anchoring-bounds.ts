/**
 * Tidying the edges of a passage found by approximate search: an alignment can start or stop inside a word when the
 * passage's first or last word was edited, or take in a space the noted passage did not have. The reader should show
 * whole words when the reporter selected whole words, and never half of a surrogate pair.
 */
import type { PassageSelector } from '../../contract/notes';

/** Letters, digits and combining marks: what a word is made of, in any script. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const WHITESPACE = /\s/;
/** How far an edge may move to reach a word boundary; longer runs are not words worth completing. */
const MAX_SNAP = 24;
/** Going out to a word boundary is preferred while it takes in at most this many more characters than going in leaves out. */
const SNAP_SLACK = 4;

/** Whether the character at `index` (a code point, read whole even from its second half) is part of a word. */
export function isWordCharacterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  let code = text.codePointAt(index)!;
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    const pair = text.codePointAt(index - 1)!;
    if (pair > 0xffff) code = pair;
  }
  return WORD_CHARACTER.test(String.fromCodePoint(code));
}

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * The found range [start, end) with its edges tidied after the noted passage: spaces at an edge dropped unless the
 * noted passage had them there; an edge inside a word, when the noted passage began (ended) at a word boundary, moved
 * out to take the whole word (an edited first or last word is part of the passage) unless that takes in much more
 * than moving in to the word's other end leaves out (the edge caught the tail of a neighbouring word); surrogate pairs
 * kept whole. Returns null when nothing is left.
 */
export function snapToWords(text: string, start: number, end: number, selector: PassageSelector): [number, number] | null {
  const { exact, prefix, suffix } = selector;
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  if (!WHITESPACE.test(exact.charAt(0))) while (start < end && WHITESPACE.test(text.charAt(start))) start++;
  if (!WHITESPACE.test(exact.charAt(exact.length - 1))) while (end > start && WHITESPACE.test(text.charAt(end - 1))) end--;
  if (end <= start) return null;

  const startedAtBoundary = !(isWordCharacterAt(exact, 0) && isWordCharacterAt(prefix, prefix.length - 1));
  if (startedAtBoundary && isWordCharacterAt(text, start - 1) && isWordCharacterAt(text, start)) {
    let wordStart = start;
    while (wordStart > 0 && start - wordStart <= MAX_SNAP && isWordCharacterAt(text, wordStart - 1)) wordStart--;
    let wordEnd = start;
    while (wordEnd < end && wordEnd - start <= MAX_SNAP && isWordCharacterAt(text, wordEnd)) wordEnd++;
    // Out to the word's start unless that takes in much more than going in to its end would leave out.
    const outward = start - wordStart;
    const inward = wordEnd - start;
    if (outward <= MAX_SNAP && (outward <= inward + SNAP_SLACK || wordEnd >= end)) start = wordStart;
    else if (inward <= MAX_SNAP && wordEnd < end) start = wordEnd;
  }

  const endedAtBoundary = !(isWordCharacterAt(exact, exact.length - 1) && isWordCharacterAt(suffix, 0));
  if (endedAtBoundary && isWordCharacterAt(text, end - 1) && isWordCharacterAt(text, end)) {
    let wordEnd = end;
    while (wordEnd < text.length && wordEnd - end <= MAX_SNAP && isWordCharacterAt(text, wordEnd)) wordEnd++;
    let wordStart = end;
    while (wordStart > start && end - wordStart <= MAX_SNAP && isWordCharacterAt(text, wordStart - 1)) wordStart--;
    const outward = wordEnd - end;
    const inward = end - wordStart;
    if (outward <= MAX_SNAP && (outward <= inward + SNAP_SLACK || wordStart <= start)) end = wordEnd;
    else if (inward <= MAX_SNAP && wordStart > start) end = wordStart;
  }
  if (splitsSurrogatePair(text, start)) start--;
  if (splitsSurrogatePair(text, end)) end++;
  if (!WHITESPACE.test(exact.charAt(0))) while (start < end && WHITESPACE.test(text.charAt(start))) start++;
  if (!WHITESPACE.test(exact.charAt(exact.length - 1))) while (end > start && WHITESPACE.test(text.charAt(end - 1))) end--;
  return end > start ? [start, end] : null;
}
