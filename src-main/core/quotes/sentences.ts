/** Sentence and paragraph edges, found by scanning a bounded distance from an offset. */

const ABBREVIATION = /(?:\b\p{Lu}\.|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Inc|Corp|Co|Jr|Sr|No|Prof|Capt|Lt|Col|Sgt|vs|etc)\.)$/u;

/** True when a sentence ends just before `index` (after "." "!" "?" and closing marks, then a space and a capital). */
function endsSentenceAt(text: string, index: number): boolean {
  let cursor = index - 1;
  while (cursor >= 0 && ' \u00a0'.includes(text[cursor] as string)) cursor -= 1;
  if (cursor === index - 1) return false;
  let punct = cursor;
  while (punct >= 0 && '"”’\')'.includes(text[punct] as string)) punct -= 1;
  const char = text[punct];
  if (char !== '.' && char !== '!' && char !== '?') return false;
  if (char === '.' && ABBREVIATION.test(text.slice(Math.max(0, punct - 6), punct + 1))) {
    const next = text[index];
    return next !== undefined && /[“"«]/u.test(next);
  }
  return true;
}

/** What a sentence may open with, tested one UTF-16 unit at a time (ASCII by its code, the rest by this pattern). */
const SENTENCE_OPENER = /[\p{Lu}“"«‘\d]/u;

/** True when the character at `index` may open a sentence: a capital, an opening mark or a digit. */
function opensSentence(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34;
  return SENTENCE_OPENER.test(text[index] as string);
}

/** Offset where the sentence holding `index` begins (a paragraph start, or after ". " before a capital or a mark). */
export function sentenceStart(text: string, index: number, limit = 400): number {
  const floor = Math.max(0, index - limit);
  for (let cursor = index; cursor > floor; cursor -= 1) {
    const char = text[cursor - 1];
    if (char === '\n') return cursor;
    if (char !== ' ' && char !== '\u00a0') continue;
    if (opensSentence(text, cursor) && endsSentenceAt(text, cursor)) return cursor;
  }
  return floor;
}

/** Offset where the sentence holding `index` ends (exclusive), at most `limit` characters on. */
export function sentenceEnd(text: string, index: number, limit = 400): number {
  const ceiling = Math.min(text.length, index + limit);
  for (let cursor = index; cursor < ceiling; cursor += 1) {
    const char = text[cursor];
    if (char === '\n') return cursor;
    if ((char === '.' || char === '!' || char === '?') && (cursor + 1 >= text.length || /[\s]/u.test(text[cursor + 1] as string))) {
      if (char === '.' && ABBREVIATION.test(text.slice(Math.max(0, cursor - 5), cursor + 1))) continue;
      return cursor + 1;
    }
  }
  return ceiling;
}

/** Offset where the paragraph (line) holding `index` begins, looking back at most `limit` characters. */
export function paragraphStart(text: string, index: number, limit = 3000): number {
  const floor = Math.max(0, index - limit);
  for (let cursor = index - 1; cursor >= floor; cursor -= 1) if (text.charCodeAt(cursor) === 10) return cursor + 1;
  return floor;
}
