/**
 * The canonical reading text: raw text minus the boilerplate spans the reporter did not restore, with blank lines
 * tidied. Every character of it is a character of the raw text, so reading offsets map back to raw offsets.
 */

import type { BoilerplateSpan } from './types';

/** A run of reading text whose characters are consecutive raw-text characters. */
export interface ReadingSegment {
  readingStart: number;
  rawStart: number;
  length: number;
}

/** The reading text with the segments that map each of its characters back to the raw text. */
export interface ReadingTextMap {
  text: string;
  segments: ReadingSegment[];
}

interface RawLine {
  /** Kept raw ranges of the line's content, trailing whitespace already cut. */
  ranges: Array<[number, number]>;
  /** Raw offset of the line feed ending the line, or -1 for the last line. */
  newline: number;
}

/** Raw ranges left after removing the spans that are not restored (spans may come unsorted or overlapping). */
function keptRanges(length: number, boilerplate: readonly BoilerplateSpan[], restored: ReadonlySet<number>): Array<[number, number]> {
  const removed = boilerplate
    .filter((_, index) => !restored.has(index))
    .map((span) => [Math.max(0, Math.min(span.start, length)), Math.max(0, Math.min(span.end, length))] as const)
    .filter(([start, end]) => end > start)
    .sort((left, right) => left[0] - right[0]);
  const kept: Array<[number, number]> = [];
  let cursor = 0;
  for (const [start, end] of removed) {
    if (start > cursor) kept.push([cursor, start]);
    cursor = Math.max(cursor, end);
  }
  if (cursor < length) kept.push([cursor, length]);
  return kept;
}

/** Cuts whitespace off the end of a line's ranges, so a line of only spaces becomes empty. */
function trimRangesEnd(rawText: string, ranges: Array<[number, number]>): void {
  while (ranges.length > 0) {
    const last = ranges[ranges.length - 1];
    if (last === undefined) return;
    while (last[1] > last[0] && /\s/.test(rawText[last[1] - 1] ?? '')) last[1] -= 1;
    if (last[1] > last[0]) return;
    ranges.pop();
  }
}

/** Splits the kept ranges into lines, each with its content ranges and the raw offset of its line feed. */
function keptLines(rawText: string, kept: ReadonlyArray<readonly [number, number]>): RawLine[] {
  const lines: RawLine[] = [];
  let current: RawLine = { ranges: [], newline: -1 };
  for (const [start, end] of kept) {
    let cursor = start;
    while (cursor < end) {
      const newline = rawText.indexOf('\n', cursor);
      if (newline === -1 || newline >= end) {
        current.ranges.push([cursor, end]);
        break;
      }
      if (newline > cursor) current.ranges.push([cursor, newline]);
      current.newline = newline;
      trimRangesEnd(rawText, current.ranges);
      lines.push(current);
      current = { ranges: [], newline: -1 };
      cursor = newline + 1;
    }
  }
  trimRangesEnd(rawText, current.ranges);
  lines.push(current);
  return lines;
}

function appendSegment(segments: ReadingSegment[], rawStart: number, length: number, readingStart: number): void {
  const last = segments[segments.length - 1];
  if (last !== undefined && last.rawStart + last.length === rawStart) last.length += length;
  else segments.push({ readingStart, rawStart, length });
}

/**
 * Composes the reading text with its offset map: removes the spans not listed in `restored` (indexes into
 * `boilerplate`), cuts trailing whitespace, keeps at most one blank line between paragraphs and none at either end.
 */
export function composeReadingTextMap(
  rawText: string,
  boilerplate: readonly BoilerplateSpan[],
  restored: ReadonlySet<number> = new Set(),
): ReadingTextMap {
  const lines = keptLines(rawText, keptRanges(rawText.length, boilerplate, restored));
  const segments: ReadingSegment[] = [];
  let length = 0;
  let previousNewline = -1;
  let blankNewline = -1;
  let started = false;
  for (const line of lines) {
    if (line.ranges.length === 0) {
      if (started && blankNewline === -1 && line.newline !== -1) blankNewline = line.newline;
      continue;
    }
    if (started) {
      appendSegment(segments, previousNewline, 1, length);
      length += 1;
      if (blankNewline !== -1) {
        appendSegment(segments, blankNewline, 1, length);
        length += 1;
      }
    }
    for (const [start, end] of line.ranges) {
      appendSegment(segments, start, end - start, length);
      length += end - start;
    }
    started = true;
    previousNewline = line.newline;
    blankNewline = -1;
  }
  const text = segments.map((segment) => rawText.slice(segment.rawStart, segment.rawStart + segment.length)).join('');
  return { text, segments };
}

/** The canonical reading text: raw text without the unrestored boilerplate spans, blank lines tidied. */
export function composeReadingText(
  rawText: string,
  boilerplate: readonly BoilerplateSpan[],
  restored?: ReadonlySet<number>,
): string {
  return composeReadingTextMap(rawText, boilerplate, restored).text;
}

/** Maps an offset of the reading text back to the raw text (an offset at the end maps to the end of the last run). */
export function rawOffsetOf(map: ReadingTextMap, readingOffset: number): number {
  let low = 0;
  let high = map.segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = map.segments[middle];
    if (segment === undefined) break;
    if (readingOffset < segment.readingStart) high = middle - 1;
    else if (readingOffset >= segment.readingStart + segment.length) low = middle + 1;
    else return segment.rawStart + readingOffset - segment.readingStart;
  }
  const last = map.segments[map.segments.length - 1];
  return last === undefined ? 0 : last.rawStart + last.length;
}
