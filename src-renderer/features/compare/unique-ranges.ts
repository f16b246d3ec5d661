/** What only one open document has: the parts of its paragraphs no shared passage with the other panes covers. */
import type { MarginNote, MarginOf } from '../reader/marks';

/** A range of the reading text, [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** A paragraph with fewer words than this (a dateline, "Advertisement") gets no margin note. */
const MIN_WORDS = 4;
/** A partly shared paragraph is noted when at least this many of its words, and this share of them, are its own. */
const MIN_OWN_WORDS = 6;
const MIN_OWN_SHARE = 0.25;

/** The note on a paragraph nothing else has. */
export const ONLY_HERE = 'Only in this source';

/** The words of a slice of text (letters or digits), as [start, end) offsets into the whole text. */
function wordsOf(text: string, start: number, end: number): TextRange[] {
  const words: TextRange[] = [];
  const pattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  const slice = text.slice(start, end);
  for (let match = pattern.exec(slice); match !== null; match = pattern.exec(slice)) {
    words.push({ start: start + match.index, end: start + match.index + match[0].length });
  }
  return words;
}

/**
 * The margin note for one paragraph given the passages it shares with the other open documents: "only in this
 * source" when none of its words is shared, "partly" when a good part is its own, nothing otherwise. A word counts as
 * shared when a shared passage covers its first character.
 */
export function paragraphMargin(paragraph: TextRange, text: string, shared: readonly TextRange[]): MarginNote | null {
  const words = wordsOf(text, paragraph.start, paragraph.end);
  if (words.length < MIN_WORDS) return null;
  const own = words.filter((word) => !shared.some((range) => range.start <= word.start && word.start < range.end)).length;
  if (own === words.length) return { kind: 'unique', note: ONLY_HERE };
  if (own >= MIN_OWN_WORDS && own / words.length >= MIN_OWN_SHARE) {
    return { kind: 'partly-unique', note: `${ONLY_HERE}: ${own} of this paragraph's ${words.length} words (the untinted part)` };
  }
  return null;
}

/** A margin function for a pane, from its shared ranges with the other open documents. */
export function uniqueMargin(shared: readonly TextRange[]): MarginOf {
  return (paragraph, text) => paragraphMargin(paragraph, text, shared);
}
