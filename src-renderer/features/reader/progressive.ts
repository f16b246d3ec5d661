/**
 * How much of a long text the reader renders at a time: the first screen at once, the rest in chunks a frame apart,
 * so a 1 MB article shows its opening in a few milliseconds of layout instead of half a second.
 */
import type { ReaderView } from '../../../src-main/contract/reader';

/** A paragraph's [start, end) offsets in the reading text. */
export interface ParagraphRange {
  start: number;
  end: number;
}

/** Characters rendered at once when a document opens: more than the tallest pane shows. */
export const FIRST_CHARACTERS = 8_000;

/** Characters added per frame afterwards, to begin with: a chunk a busy machine lays out within a frame or two. */
export const CHUNK_CHARACTERS = 32_000;

/** The smallest and largest chunks: the text grows at least this fast, and no frame lays out more. */
const CHUNK_BOUNDS = { least: 16_000, most: 64_000 };

/**
 * The next chunk's size, from how long the last one took (the interval between the frames that added them): a little
 * larger while a chunk fits in one frame, smaller once one takes more than two, so a fast machine finishes sooner and
 * a busy one keeps its frames short.
 */
export function nextChunkSize(size: number, intervalMs: number): number {
  if (intervalMs > 0 && intervalMs <= 18) return Math.min(CHUNK_BOUNDS.most, Math.round(size * 1.25));
  if (intervalMs > 34) return Math.max(CHUNK_BOUNDS.least, Math.round(size / 1.5));
  return size;
}

/** The index of the paragraph holding an offset (the last one starting at or before it; 0 before the first). */
export function paragraphAt(paragraphs: readonly ParagraphRange[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (paragraphs[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** How many paragraphs to render so that at least `characters` more follow paragraph `from` (at least one more). */
function countThrough(paragraphs: readonly ParagraphRange[], from: number, characters: number): number {
  if (from >= paragraphs.length) return paragraphs.length;
  const limit = paragraphs[from]!.start + characters;
  let count = from + 1;
  while (count < paragraphs.length && paragraphs[count]!.start < limit) count++;
  return count;
}

/** The paragraphs to render first: the first screen, or through the paragraph holding `through` and a screen after it. */
export function firstCount(paragraphs: readonly ParagraphRange[], through: number | null): number {
  return Math.max(countThrough(paragraphs, 0, FIRST_CHARACTERS), neededFor(paragraphs, through));
}

/** The paragraphs to render once a chunk of about `characters` is added to the first `count`. */
export function nextCount(paragraphs: readonly ParagraphRange[], count: number, characters: number): number {
  return countThrough(paragraphs, count, characters);
}

/**
 * The paragraphs that must be rendered for an offset to have its place on screen, with a screenful after it (0 for
 * none): through the paragraph holding it, or the next one when it falls between two.
 */
export function neededFor(paragraphs: readonly ParagraphRange[], offset: number | null): number {
  if (offset === null || paragraphs.length === 0) return 0;
  const index = paragraphAt(paragraphs, offset);
  return countThrough(paragraphs, offset >= paragraphs[index]!.end ? index + 1 : index, FIRST_CHARACTERS);
}

/**
 * Whether `next` is the text of `previous` taken further: the whole view arriving after the partial view of its
 * opening. Its offsets and paragraphs are the same as far as the partial one went, so what is on the page stays.
 */
export function continues(previous: Pick<ReaderView, 'document' | 'text' | 'complete'>, next: Pick<ReaderView, 'document' | 'text'>): boolean {
  return !previous.complete && previous.document.id === next.document.id && next.text.startsWith(previous.text);
}
