/**
 * Words of a reading text in the normalized form passage matching compares: case, accents, apostrophes (straight or
 * curly) and the dots of abbreviations ("U.S." = "US" = "us") do not matter, punctuation is not a word.
 */

/** One word of a text: its normalized form and where it stands, [start, end) in UTF-16 code units. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

/**
 * A word: letters with inner dots when it is an abbreviation (U.S., u.s, a.m.), else a run of letters, digits and
 * marks with inner apostrophes (don't, Trump’s). Hyphens, dashes and other punctuation separate words.
 */
const WORD = /\p{L}(?:\.\p{L})+\.?|[\p{L}\p{N}\p{M}]+(?:['’‘ʼ][\p{L}\p{N}\p{M}]+)*/gu;
const MARKS_AND_DOTS = /[\p{M}.'’‘ʼ]/gu;

/** The normalized form of one word: lowercase, without accents, apostrophes or abbreviation dots. */
export function normalizeWord(word: string): string {
  if (isPlainAscii(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(MARKS_AND_DOTS, '').toLowerCase();
}

/** Letters and digits only, all ASCII: the common case, which needs no Unicode normalization. */
function isPlainAscii(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code > 0x7a || code < 0x30 || (code > 0x39 && code < 0x41) || (code > 0x5a && code < 0x61)) return false;
  }
  return true;
}

/** Splits a text into normalized words with their offsets, so matches found on words map back to exact slices. */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = normalizeWord(match[0]);
    if (word.length === 0) continue;
    tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Numbers words through a shared dictionary, so two texts' words compare as integers. */
export function wordIdentifiers(tokens: readonly WordToken[], dictionary: Map<string, number>): Int32Array {
  const identifiers = new Int32Array(tokens.length);
  tokens.forEach((token, index) => {
    let identifier = dictionary.get(token.word);
    if (identifier === undefined) dictionary.set(token.word, (identifier = dictionary.size));
    identifiers[index] = identifier;
  });
  return identifiers;
}
