import { createHash } from 'node:crypto';

/** SHA-256 of a string, hex: identifies a reading text so anchors and caches can tell when it changed. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A letter or a number, as the word pattern `[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*` (with the u flag) reads one. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** What a UTF-16 code unit is to the word counter (0: not looked up yet). */
const OTHER = 1;
const LETTER_OR_NUMBER = 2;
const JOINER = 3;
const HIGH_SURROGATE = 4;

/** The class of every code unit met so far, filled from WORD_CHARACTER on first sight. */
const UNIT_CLASSES = new Uint8Array(0x10000);

/** The class of a code unit: a joiner (', ’, -), a high surrogate (read with the unit after it), a letter or number, or other. */
function classOfUnit(unit: number): number {
  if (unit === 0x27 || unit === 0x2019 || unit === 0x2d) return JOINER;
  if (unit >= 0xd800 && unit <= 0xdbff) return HIGH_SURROGATE;
  // A lone low surrogate is neither a letter nor a number, as the u flag reads it.
  return WORD_CHARACTER.test(String.fromCharCode(unit)) ? LETTER_OR_NUMBER : OTHER;
}

/** Whether the code point at a high surrogate is a letter or number; false for a lone surrogate. */
function isWordPair(text: string, index: number): boolean {
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff && WORD_CHARACTER.test(text.slice(index, index + 2));
}

/** Word-counter states: between words, inside a word, or just after a joiner (the word goes on if a letter or number follows). */
const BETWEEN = 0;
const IN_WORD = 1;
const AFTER_JOINER = 2;

/**
 * Counts words (runs of letters or digits, with inner apostrophes and hyphens) in a reading text: exactly the matches
 * of `[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*` (flags gu), counted in one pass over the code units without building them.
 * A word starts at a letter or number met between words; a joiner keeps the word going only if one follows it.
 */
export function countWords(text: string): number {
  let words = 0;
  let state = BETWEEN;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    let unitClass = UNIT_CLASSES[unit]!;
    if (unitClass === 0) unitClass = UNIT_CLASSES[unit] = classOfUnit(unit);
    if (unitClass === HIGH_SURROGATE) {
      unitClass = isWordPair(text, index) ? LETTER_OR_NUMBER : OTHER;
      if (unitClass === LETTER_OR_NUMBER) index += 1;
    }
    if (unitClass === LETTER_OR_NUMBER) {
      if (state === BETWEEN) words += 1;
      state = IN_WORD;
    } else if (unitClass === JOINER) {
      state = state === IN_WORD ? AFTER_JOINER : BETWEEN;
    } else {
      state = BETWEEN;
    }
  }
  return words;
}
