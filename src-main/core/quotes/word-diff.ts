/**
 * Word-level comparison of two quotes: normalized words (case, accents, curly or straight apostrophes and the dots of
 * "U.S." do not matter; punctuation is not a word), their longest common subsequence, a similarity and a diff.
 */
import type { WordDiff } from '../../contract/quotes';
import { tokenizeWords, type WordToken } from '../reader/normalize-words';

/** The normalized words of a text, in order. */
export function quoteWords(text: string): string[] {
  return tokenizeWords(text).map((token) => token.word);
}

/** Length of the longest common subsequence of two word (or word-id) lists (two rolling rows: no table kept). */
export function commonWordCount<Word>(first: ArrayLike<Word>, second: ArrayLike<Word>): number {
  if (first.length === 0 || second.length === 0) return 0;
  let previous = new Int32Array(second.length + 1);
  let current = new Int32Array(second.length + 1);
  for (let row = 1; row <= first.length; row++) {
    const word = first[row - 1];
    for (let column = 1; column <= second.length; column++) {
      current[column] = word === second[column - 1] ? previous[column - 1]! + 1 : Math.max(previous[column]!, current[column - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[second.length]!;
}

/** Word similarity in [0, 1]: twice the common subsequence over both lengths (1 for equal lists, 0 for disjoint). */
export function wordSimilarity(first: readonly string[], second: readonly string[]): number {
  const total = first.length + second.length;
  return total === 0 ? 1 : (2 * commonWordCount(first, second)) / total;
}

/** Whether two word lists are equal. */
export function sameWords(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((word, index) => word === second[index]);
}

/** One step of an alignment: a word of both texts, only of the base (removed) or only of the variant (added). */
type Step = { op: 'same'; base: number; variant: number } | { op: 'removed'; base: number } | { op: 'added'; variant: number };

/** Aligns two word lists on a longest common subsequence (common prefix and suffix trimmed first). */
function alignWords(base: readonly string[], variant: readonly string[]): Step[] {
  let head = 0;
  while (head < base.length && head < variant.length && base[head] === variant[head]) head++;
  let tail = 0;
  while (tail < base.length - head && tail < variant.length - head && base[base.length - 1 - tail] === variant[variant.length - 1 - tail]) tail++;
  const rows = base.length - head - tail;
  const columns = variant.length - head - tail;
  // suffix[r][c]: LCS of base[head + r ..] and variant[head + c ..] within the untrimmed middle.
  const width = columns + 1;
  const suffix = new Int32Array((rows + 1) * width);
  for (let row = rows - 1; row >= 0; row--) {
    for (let column = columns - 1; column >= 0; column--) {
      suffix[row * width + column] =
        base[head + row] === variant[head + column]
          ? suffix[(row + 1) * width + column + 1]! + 1
          : Math.max(suffix[(row + 1) * width + column]!, suffix[row * width + column + 1]!);
    }
  }
  const steps: Step[] = [];
  for (let index = 0; index < head; index++) steps.push({ op: 'same', base: index, variant: index });
  let row = 0;
  let column = 0;
  while (row < rows || column < columns) {
    if (row < rows && column < columns && base[head + row] === variant[head + column]) {
      steps.push({ op: 'same', base: head + row++, variant: head + column++ });
    } else if (column >= columns || (row < rows && suffix[(row + 1) * width + column]! >= suffix[row * width + column + 1]!)) {
      steps.push({ op: 'removed', base: head + row++ });
    } else {
      steps.push({ op: 'added', variant: head + column++ });
    }
  }
  for (let index = 0; index < tail; index++) steps.push({ op: 'same', base: base.length - tail + index, variant: variant.length - tail + index });
  return steps;
}

/**
 * The word diff of a variant against a base text: runs of same, removed (only in the base) and added (only in the
 * variant) words. Each run's text is the exact slice of its source (the variant for same and added, the base for
 * removed) from its first word to its last, so punctuation inside a run is kept.
 */
export function diffWords(baseText: string, variantText: string): WordDiff[] {
  const base = tokenizeWords(baseText);
  const variant = tokenizeWords(variantText);
  const steps = alignWords(
    base.map((token) => token.word),
    variant.map((token) => token.word),
  );
  const diff: WordDiff[] = [];
  let run: { op: WordDiff['op']; tokens: WordToken[]; source: string } | null = null;
  const flush = () => {
    if (!run) return;
    const first = run.tokens[0]!;
    const last = run.tokens.at(-1)!;
    diff.push({ op: run.op, text: run.source.slice(first.start, last.end) });
    run = null;
  };
  // Removed runs come before the added run that replaces them, whatever order the alignment found them in.
  const ordered = reorderReplacements(steps);
  for (const step of ordered) {
    const token = step.op === 'added' ? variant[step.variant]! : step.op === 'removed' ? base[step.base]! : variant[step.variant]!;
    const source = step.op === 'removed' ? baseText : variantText;
    if (!run || run.op !== step.op) {
      flush();
      run = { op: step.op, tokens: [], source };
    }
    run.tokens.push(token);
  }
  flush();
  return diff;
}

/** Within each stretch between same words, puts every removed word before every added word. */
function reorderReplacements(steps: readonly Step[]): Step[] {
  const ordered: Step[] = [];
  let removed: Step[] = [];
  let added: Step[] = [];
  const flush = () => {
    ordered.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const step of steps) {
    if (step.op === 'removed') removed.push(step);
    else if (step.op === 'added') added.push(step);
    else {
      flush();
      ordered.push(step);
    }
  }
  flush();
  return ordered;
}
