/**
 * Boilerplate detection on normalized raw text: which whole lines (or the leading date token) are not article prose,
 * each with a reason. Precision over recall — a line is marked only when its shape says so; see HEURISTICS.md.
 */

import type { BoilerplateSpan } from './types';
import { type LineParses, classifyLine, sharedLineParses } from './boilerplate-rules';
import {
  type LineContext,
  type LineMarks,
  markAuthorBios,
  markEditorNotePromotions,
  markFieldValues,
  markHeadlineBreadcrumbs,
  markPressReleaseBlocks,
} from './boilerplate-blocks';
import { parseNewsDate } from './news-date';
import {
  type LineIndex,
  type TextLine,
  firstContentIndex,
  firstContentLine,
  indexLines,
  isHeadlineLike,
} from './text-lines';

const LEADING_DATE_TOKEN =
  /^\s{0,20}(?:date|published|posted)\s{0,3}:?\s{0,3}(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s{1,20}|$)/i;

/** A leading date token: its [start, end) in the raw text and the date as written. */
export interface DateToken {
  start: number;
  end: number;
  value: string;
}

/**
 * A raw text scanned once for both the boilerplate detector and the metadata reader: its lines, leading date token,
 * and the byline and date-label parses of its lines, which both readers ask for.
 */
export interface TextScan extends LineIndex {
  dateToken: DateToken | null;
  parses: LineParses;
}

/** Scans a raw text's lines and leading date token once, to pass to detectBoilerplate and metadataFromText alike. */
export function scanText(rawText: string): TextScan {
  const { lines, next, previous } = indexLines(rawText);
  return { lines, next, previous, dateToken: leadingDateToken(rawText), parses: sharedLineParses() };
}

/**
 * The leading "date 2025-11-03 " token of an article's first line, as [start, end) covering the token and the
 * spaces after it (not the prose that follows); null when the first line does not start with one.
 */
export function leadingDateToken(rawText: string): DateToken | null {
  const first = firstContentLine(rawText.slice(0, 4096));
  if (first === undefined) return null;
  const match = LEADING_DATE_TOKEN.exec(rawText.slice(first.start, first.start + 200));
  const value = match?.[1];
  if (match === null || value === undefined || parseNewsDate(value) === null) return null;
  return { start: first.start, end: first.start + match[0].length, value };
}

/** The headline a breadcrumb repeats: the first unmarked line when it reads like a headline and stands alone. */
function findHeadline(lines: readonly TextLine[], marks: LineMarks): string | null {
  const index = lines.findIndex((line, position) => line.text !== '' && marks[position] === undefined);
  const line = lines[index];
  if (line === undefined || lines[index + 1]?.text !== '') return null;
  return isHeadlineLike(line.text) ? line.text : null;
}

/** Turns per-line marks into sorted spans, merging same-reason lines separated only by blank lines into one block. */
function marksToSpans(rawText: string, lines: readonly TextLine[], marks: LineMarks): BoilerplateSpan[] {
  const spans: BoilerplateSpan[] = [];
  let lastIndex = -1;
  lines.forEach((line, index) => {
    const reason = marks[index];
    if (reason === undefined) {
      if (line.text !== '') lastIndex = -1;
      return;
    }
    const end = Math.min(line.end + 1, rawText.length);
    const previous = spans[spans.length - 1];
    if (previous !== undefined && lastIndex >= 0 && previous.reason === reason) previous.end = end;
    else spans.push({ start: line.start, end, reason });
    lastIndex = index;
  });
  return spans;
}

/**
 * Detects boilerplate in normalized raw text: sorted, non-overlapping [start, end) spans (UTF-16 offsets) covering
 * whole lines with their line feed, plus the leading date token; prose is never marked. `scan` is the text's
 * scanText, when the caller already has it.
 */
export function detectBoilerplate(rawText: string, scan: TextScan = scanText(rawText)): BoilerplateSpan[] {
  const { lines, next, previous, dateToken: token } = scan;
  const marks: LineMarks = lines.map((line) => classifyLine(line.text, scan.parses) ?? undefined);
  const tokenLine = token === null ? -1 : firstContentIndex(lines);
  const tokenEnd = lines[tokenLine]?.end ?? 0;
  const tokenCoversLine = token !== null && rawText.slice(token.end, tokenEnd).trim() === '';
  if (token !== null && tokenCoversLine) marks[tokenLine] = 'metadata-line';
  const context: LineContext = { lines, next, previous, headline: null };
  markEditorNotePromotions(context, marks);
  markFieldValues(context, marks);
  markPressReleaseBlocks(context, marks);
  markAuthorBios(context, marks);
  context.headline = findHeadline(lines, marks);
  markHeadlineBreadcrumbs(context, marks);
  const spans = marksToSpans(rawText, lines, marks);
  if (token !== null && !tokenCoversLine && marks[tokenLine] === undefined) {
    spans.unshift({ start: token.start, end: token.end, reason: 'metadata-line' });
  }
  return spans;
}
