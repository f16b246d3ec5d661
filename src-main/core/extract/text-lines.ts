/** Line-level view of a raw text, shared by the boilerplate detector and the text metadata reader. */

/** One line of a text with its UTF-16 offsets; `end` excludes the line feed, `text` is trimmed. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
}

/** Splits a text into lines with their offsets, so rules can read trimmed lines and mark whole lines by position. */
export function splitLines(rawText: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (;;) {
    const newline = rawText.indexOf('\n', start);
    const end = newline === -1 ? rawText.length : newline;
    lines.push({ start, end, text: rawText.slice(start, end).trim() });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** A text's lines with, for each, its next and previous non-blank line: what every line reader of one text shares. */
export interface LineIndex {
  lines: TextLine[];
  next: Int32Array;
  previous: Int32Array;
}

/** Splits a text into lines and links their neighbours once, so boilerplate and metadata readers share the work. */
export function indexLines(rawText: string): LineIndex {
  const lines = splitLines(rawText);
  return { lines, next: nextContentIndexes(lines), previous: previousContentIndexes(lines) };
}

/** For every line, the index of the next non-blank line after it (-1 when none), computed in one backward pass. */
export function nextContentIndexes(lines: readonly TextLine[]): Int32Array {
  const next = new Int32Array(lines.length);
  let following = -1;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    next[index] = following;
    if (lines[index]?.text !== '') following = index;
  }
  return next;
}

/** For every line, the index of the previous non-blank line before it (-1 when none), computed in one forward pass. */
export function previousContentIndexes(lines: readonly TextLine[]): Int32Array {
  const previous = new Int32Array(lines.length);
  let preceding = -1;
  for (let index = 0; index < lines.length; index += 1) {
    previous[index] = preceding;
    if (lines[index]?.text !== '') preceding = index;
  }
  return previous;
}

/** The first non-blank line of a text, as splitLines gives it, found without splitting the lines after it. */
export function firstContentLine(text: string): TextLine | undefined {
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const trimmed = text.slice(start, end).trim();
    if (trimmed !== '') return { start, end, text: trimmed };
    if (newline === -1) return undefined;
    start = newline + 1;
  }
}

/** Index of the first non-blank line, or -1; the article's first line is where titles and date tokens sit. */
export function firstContentIndex(lines: readonly TextLine[]): number {
  return lines.findIndex((line) => line.text !== '');
}

const SENTENCE_END = /[.,;:…]$/;

/**
 * Whether a line reads like a headline: 2+ words, at most 200 characters, starting with a capital, digit or quote,
 * and not ending like a sentence or a clause (period, ellipsis, comma, semicolon or colon).
 */
export function isHeadlineLike(text: string): boolean {
  if (text.length < 4 || text.length > 200) return false;
  if (SENTENCE_END.test(text)) return false;
  if (!/^[\p{Lu}\d"“‘'(]/u.test(text)) return false;
  return /\S\s+\S/.test(text);
}
