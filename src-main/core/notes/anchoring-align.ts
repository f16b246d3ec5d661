/**
 * Edit-distance alignments behind note anchoring: how well a selector's context fits the text beside a candidate, and
 * the best alignment of a whole selector (prefix + passage + suffix) in a short window, split into its three parts.
 * These are small dynamic programs over windows of a few hundred characters; the search over the whole text lives in
 * `anchoring-search.ts`.
 */

/** Stands for the start of the text in patterns and texts, so a passage noted at the very start keeps that as context. */
export const TEXT_START = '\u0002';
/** Stands for the end of the text, like `TEXT_START`. */
export const TEXT_END = '\u0003';

/**
 * Fewest edits turning `context` into the text running away from `anchor` in one direction: 'before' compares the
 * context's last character with the character just before `anchor` and walks backwards; 'after' compares its first
 * character with the one at `anchor` and walks forwards. The end of the text run far from the anchor is free (the
 * context was cut at a fixed length), the end at the anchor is not. `text` should carry `TEXT_START` / `TEXT_END`.
 */
export function sideErrors(context: string, text: string, anchor: number, direction: 'before' | 'after'): number {
  const length = context.length;
  if (length === 0) return 0;
  const span = direction === 'before' ? Math.min(anchor, 2 * length + 2) : Math.min(text.length - anchor, 2 * length + 2);
  let previous = new Int32Array(span + 1);
  let current = new Int32Array(span + 1);
  for (let column = 0; column <= span; column++) previous[column] = column;
  for (let row = 1; row <= length; row++) {
    const wanted = direction === 'before' ? context.charCodeAt(length - row) : context.charCodeAt(row - 1);
    current[0] = row;
    for (let column = 1; column <= span; column++) {
      const found = direction === 'before' ? text.charCodeAt(anchor - column) : text.charCodeAt(anchor + column - 1);
      const diagonal = previous[column - 1]! + (found === wanted ? 0 : 1);
      const up = previous[column]! + 1;
      const left = current[column - 1]! + 1;
      current[column] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
    [previous, current] = [current, previous];
  }
  let best = length;
  for (let column = 0; column <= span; column++) if (previous[column]! < best) best = previous[column]!;
  return best;
}

/** Where a whole selector aligns best in a window, with the passage's range and the errors of each of its parts. */
export interface SelectorAlignment {
  /** The passage's range in the searched text: text inserted at either edge is left to the context. */
  quoteStart: number;
  quoteEnd: number;
  prefixErrors: number;
  quoteErrors: number;
  suffixErrors: number;
}

/** How much more an edit inside the passage costs than one in its context when aligning a whole selector. */
const QUOTE_EDIT_COST = 2;

/**
 * Best alignment of `pattern` (context + passage + context, the passage at pattern offsets [quoteFrom, quoteTo)) to any
 * run of `text` inside [windowStart, windowEnd), both ends free, traced back to split its edits between the three
 * parts. Edits inside the passage cost `QUOTE_EDIT_COST`, so that where the context changed the alignment does not
 * cut into the passage (or take in its neighbours) to spare the context: the passage's range and edits stay those of
 * the passage itself. Costs O(pattern × window) time and memory, so windows stay a little wider than one candidate.
 */
export function alignSelector(pattern: string, quoteFrom: number, quoteTo: number, text: string, windowStart: number, windowEnd: number): SelectorAlignment {
  const rows = pattern.length;
  const columns = windowEnd - windowStart;
  const width = columns + 1;
  const table = new Int32Array((rows + 1) * width);
  // Cost of an edit consuming pattern character `row - 1`, and of a text character inserted after it.
  const characterCost = (row: number): number => (row - 1 >= quoteFrom && row - 1 < quoteTo ? QUOTE_EDIT_COST : 1);
  const insertionCost = (row: number): number => (row > quoteFrom && row < quoteTo ? QUOTE_EDIT_COST : 1);
  for (let row = 1; row <= rows; row++) {
    const wanted = pattern.charCodeAt(row - 1);
    const base = row * width;
    const above = base - width;
    const cost = characterCost(row);
    const insertion = insertionCost(row);
    table[base] = table[above]! + cost;
    for (let column = 1; column <= columns; column++) {
      const diagonal = table[above + column - 1]! + (text.charCodeAt(windowStart + column - 1) === wanted ? 0 : cost);
      const up = table[above + column]! + cost;
      const left = table[base + column - 1]! + insertion;
      table[base + column] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
  }
  let column = 0;
  const last = rows * width;
  for (let candidate = 1; candidate <= columns; candidate++) if (table[last + candidate]! < table[last + column]!) column = candidate;

  // Walk back from the end: the passage starts at the last column the path reaches in row `quoteFrom` coming down
  // (the largest), and ends at the last column it leaves row `quoteTo` from (the smallest), so characters inserted at
  // either edge of the passage count as context edits, not as part of the passage.
  const errors = [0, 0, 0];
  const partOfPatternCharacter = (index: number): number => (index < quoteFrom ? 0 : index < quoteTo ? 1 : 2);
  const partOfInsertionAtRow = (row: number): number => (row <= quoteFrom ? 0 : row < quoteTo ? 1 : 2);
  let quoteStart = -1;
  let quoteEnd = -1;
  let row = rows;
  for (;;) {
    if (row === quoteTo) quoteEnd = column;
    if (row === quoteFrom && quoteStart < 0) quoteStart = column;
    if (row === 0) break;
    const here = table[row * width + column]!;
    const cost = characterCost(row);
    const matches = column > 0 && text.charCodeAt(windowStart + column - 1) === pattern.charCodeAt(row - 1);
    if (column > 0 && here === table[(row - 1) * width + column - 1]! + (matches ? 0 : cost)) {
      if (!matches) errors[partOfPatternCharacter(row - 1)]!++;
      row--;
      column--;
    } else if (here === table[(row - 1) * width + column]! + cost) {
      errors[partOfPatternCharacter(row - 1)]!++;
      row--;
    } else {
      errors[partOfInsertionAtRow(row)]!++;
      column--;
    }
  }
  return {
    quoteStart: windowStart + quoteStart,
    quoteEnd: windowStart + Math.max(quoteStart, quoteEnd),
    prefixErrors: errors[0]!,
    quoteErrors: errors[1]!,
    suffixErrors: errors[2]!,
  };
}
