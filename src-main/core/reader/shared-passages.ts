/**
 * Passages two texts share, verbatim or nearly so: normalized words aligned by passage-matching, mapped back to exact
 * slices of each text. Pure: the engine adds document ids.
 */
import { alignRuns, DEFAULT_ALIGNMENT, type AlignedRun, type AlignmentOptions } from './passage-matching';
import { tokenizeWords, wordIdentifiers, type WordToken } from './normalize-words';

/** A text ready for matching: its words with offsets and their identifiers in a dictionary shared by the texts. */
export interface PreparedText {
  text: string;
  tokens: readonly WordToken[];
  words: Int32Array;
}

/** A slice of one text: [start, end) from a word start to a word end, and that slice. */
export interface TextSlice {
  start: number;
  end: number;
  text: string;
}

/** A passage two texts share: the slice in each, and the share of aligned words over the longer side. */
export interface TextMatch {
  a: TextSlice;
  b: TextSlice;
  similarity: number;
}

/** Alignment tuning plus how long a run must be to count as a shared passage. */
export interface SharedPassageOptions extends AlignmentOptions {
  /** Aligned words a passage needs… */
  minWords: number;
  /** …unless both slices are at least this many characters long. */
  minCharacters: number;
}

/** Defaults: 5-word seeds, gaps of up to 2 words, passages of 6 words or 30 characters. */
export const DEFAULT_SHARED_PASSAGES: SharedPassageOptions = { ...DEFAULT_ALIGNMENT, minWords: 6, minCharacters: 30 };

/** Tokenizes a text once (or takes its words), so it can be compared with several others through one dictionary. */
export function prepareText(text: string, dictionary: Map<string, number>, tokens: readonly WordToken[] = tokenizeWords(text)): PreparedText {
  return { text, tokens, words: wordIdentifiers(tokens, dictionary) };
}

function sliceOf(prepared: PreparedText, first: number, last: number): TextSlice {
  const start = prepared.tokens[first]?.start ?? 0;
  const end = prepared.tokens[last]?.end ?? start;
  return { start, end, text: prepared.text.slice(start, end) };
}

function matchOf(left: PreparedText, right: PreparedText, run: AlignedRun): TextMatch {
  const longer = Math.max(run.aLast - run.aFirst, run.bLast - run.bFirst) + 1;
  const share = Math.min(1, run.aligned / longer);
  return {
    a: sliceOf(left, run.aFirst, run.aLast),
    b: sliceOf(right, run.bFirst, run.bLast),
    similarity: share === 1 ? 1 : Math.min(0.999, Math.round(share * 1000) / 1000),
  };
}

/** Orders matches by their start in the first text, then in the second. */
function byPosition(left: TextMatch, right: TextMatch): number {
  return left.a.start - right.a.start || left.b.start - right.b.start || left.a.end - right.a.end || left.b.end - right.b.end;
}

/**
 * Passages two prepared texts share, ordered by their start in the first. Symmetric: swapping the texts swaps a and b
 * and nothing else (the alignment always runs in one canonical direction).
 */
export function sharedPassagesBetween(
  left: PreparedText,
  right: PreparedText,
  options: SharedPassageOptions = DEFAULT_SHARED_PASSAGES,
): TextMatch[] {
  if (isAfter(left, right)) {
    return sharedPassagesBetween(right, left, options).map(({ a, b, similarity }) => ({ a: b, b: a, similarity })).sort(byPosition);
  }
  return alignRuns(left.words, right.words, options)
    .filter((run) => {
      if (run.aligned >= options.minWords) return true;
      const match = matchOf(left, right, run);
      return Math.min(match.a.end - match.a.start, match.b.end - match.b.start) >= options.minCharacters;
    })
    .map((run) => matchOf(left, right, run))
    .sort(byPosition);
}

/** A fixed order of two texts (by their normalized words, then their characters) that makes the matching symmetric. */
function isAfter(left: PreparedText, right: PreparedText): boolean {
  if (left.tokens.length !== right.tokens.length) return left.tokens.length > right.tokens.length;
  for (let index = 0; index < left.tokens.length; index++) {
    const leftWord = left.tokens[index]?.word ?? '';
    const rightWord = right.tokens[index]?.word ?? '';
    if (leftWord !== rightWord) return leftWord > rightWord;
  }
  return left.text > right.text;
}

/** Passages two texts share (verbatim or near-verbatim, normalized words), ordered by their start in `left`. */
export function findSharedPassages(left: string, right: string, options: SharedPassageOptions = DEFAULT_SHARED_PASSAGES): TextMatch[] {
  const dictionary = new Map<string, number>();
  return sharedPassagesBetween(prepareText(left, dictionary), prepareText(right, dictionary), options);
}
