/**
 * The library index's tokenizer (FTS5 `porter unicode61 remove_diacritics 2`) mirrored in JS, enough to find where
 * a query's words sit in a text without FTS5 tokenising the whole text again: what a token is, where one starts and
 * ends, and a fold of the text that keeps every offset (so a word's folded form can be looked up with indexOf).
 */
import { normalizeWord } from './fuzzy';

/** Characters unicode61 keeps in tokens beyond ASCII letters and digits: letters, numbers, private use, marks. */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}\p{M}]/u;

/** Whether a code point belongs to a token (anything else separates tokens, as in unicode61). */
export function isTokenCodePoint(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return TOKEN_CHARACTER.test(String.fromCodePoint(code));
}

/** Whether the code point just before `offset` belongs to a token, i.e. `offset` is inside a token, not at its start. */
export function continuesToken(text: string, offset: number): boolean {
  if (offset === 0) return false;
  const unit = text.charCodeAt(offset - 1);
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff && offset >= 2;
  return isTokenCodePoint(isLowSurrogate ? (text.codePointAt(offset - 2) ?? unit) : unit);
}

/** Where the token starting at `start` ends (exclusive). */
export function tokenEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    if (!isTokenCodePoint(code)) break;
    index += code > 0xffff ? 2 : 1;
  }
  return index;
}

/** Where the next token at or after `from` starts, or -1 when none does. */
export function nextTokenStart(text: string, from: number): number {
  let index = from;
  while (index < text.length) {
    const code = text.codePointAt(index)!;
    if (isTokenCodePoint(code)) return index;
    index += code > 0xffff ? 2 : 1;
  }
  return -1;
}

/** The tokens of a text, in order (how FTS5 splits a quoted query string into a phrase). */
export function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  for (let start = nextTokenStart(text, 0); start >= 0; ) {
    const end = tokenEnd(text, start);
    tokens.push(text.slice(start, end));
    start = nextTokenStart(text, end);
  }
  return tokens;
}

const folds = new Map<string, string>();

/** Characters a lower-cased text may still fold: past Latin-1's symbols, leaving out General Punctuation. */
const FOLDABLE = /[\u00c0-\u1fff\u2070-\uffff]/g;

/** One UTF-16 unit folded to one unit: lower case, Latin accents removed where that leaves one character. */
function foldUnit(unit: string): string {
  let folded = folds.get(unit);
  if (folded === undefined) {
    const normalized = normalizeWord(unit);
    const lower = unit.toLowerCase();
    folded = normalized.length === 1 ? normalized : lower.length === 1 ? lower : unit;
    folds.set(unit, folded);
  }
  return folded;
}

/**
 * The text folded as the index folds words (lower case, Latin accents removed), one unit for one unit so offsets
 * into it are offsets into the text. A word's folded form starts where the word starts, so the start of a stem can be
 * found with indexOf. Characters whose fold is longer (a decomposed accent, ß) keep their place and stay as they are.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Lower-casing kept every offset (it does not for İ): only letters past Latin-1's symbols can fold further, and
  // not the punctuation between U+2000 and U+206F (curly quotes, dashes), which most articles hold.
  if (lower.length === text.length) return lower.replace(FOLDABLE, foldUnit);
  return text.replace(/[A-Z\u0080-\uffff]/g, foldUnit);
}
