/**
 * Metadata read from the text itself when the format declares none: title, byline, outlet and published date from
 * headline, byline, dateline, date-label and signature lines. Null beats a wrong guess: prose is never mined.
 */

import type { BoilerplateSpan, DocumentMetadata } from './types';
import { emptyMetadata } from './types';
import { cleanOutletName, isOutletName } from './byline';
import { parseBioLine } from './boilerplate-blocks';
import { type LineParses, isFieldLabel } from './boilerplate-rules';
import { type TextScan, scanText } from './boilerplate';
import { parseNewsDate } from './news-date';
import { type TextLine, isHeadlineLike } from './text-lines';

const DATELINE =
  /^[\p{Lu}][\p{Lu}\d .'’-]{1,40}(?:,\s?[^()\n]{1,40})?\s?\(([\p{Lu}][\p{L}\d .&'-]{0,19})\)\s?[—–-]{1,2}\s?\S/u;
const MARKDOWN_HEADING = /^#{1,3}\s+(.{1,200}?)(?:\s+#+)?$/;
const UPDATED_LABEL = /^(?:last updated|last modified|updated)/i;
const YEARS = String.raw`\d{4}(?:\s?[-–]\s?\d{4})?`;
const COPYRIGHT_OUTLET = new RegExp(
  String.raw`^(?:(?:©|\(c\))\s?(?:${YEARS})?|copyright\s?(?:©\s?)?${YEARS}|copyright\s?©)\s?,?\s?([^.,|©]{2,60})`,
  'i',
);
const ORIGINALLY = /^this (?:article|story|piece|post) (?:was )?(?:originally|first) (?:appeared|published|ran) (?:in|on|at|by) ([^.,;]{2,60})/i;
const POSSESSIVE_NOT = /\bnot (\p{Lu}[\p{L}\d&.'-]{0,30}(?:\s\p{Lu}[\p{L}\d&.'-]{0,30}){0,4})[’']s\b/u;
const DONATION_TO = /\b(?:donation|contribution|gift|donate|subscribe) to (?:the )?(\p{Lu}[\p{L}\d&'-]{0,30}(?:\s\p{Lu}[\p{L}\d&'-]{0,30}){0,5})/u;

/** Outlet candidates by strength; the strongest found wins. */
const OUTLET_RANKS = ['byline', 'dateline', 'bio', 'copyright', 'originally', 'disclaimer', 'donation'] as const;
type OutletSource = (typeof OUTLET_RANKS)[number];

interface Findings {
  outlets: Map<OutletSource, string>;
  byline: string | null;
  bioName: string | null;
  published: string | null;
  updated: string | null;
}

/** For every line, whether a boilerplate span overlaps it (spans may come unsorted from several detectors). */
function boilerplateLineFlags(lines: readonly TextLine[], boilerplate: readonly BoilerplateSpan[]): Uint8Array {
  const flags = new Uint8Array(lines.length);
  const spans = [...boilerplate].sort((left, right) => left.start - right.start);
  let first = 0;
  for (const span of spans) {
    while (first < lines.length && (lines[first]?.end ?? 0) < span.start) first += 1;
    for (let index = first; index < lines.length && (lines[index]?.start ?? 0) < span.end; index += 1) flags[index] = 1;
  }
  return flags;
}

function noteOutlet(findings: Findings, source: OutletSource, candidate: string | undefined): void {
  if (candidate === undefined || findings.outlets.has(source)) return;
  const name = cleanOutletName(candidate).replace(/\s+all rights reserved$/i, '');
  if (isOutletName(name)) findings.outlets.set(source, name);
}

function noteDate(findings: Findings, label: string, value: string): void {
  const date = parseNewsDate(value);
  if (date === null) return;
  if (UPDATED_LABEL.test(label)) findings.updated ??= date.iso;
  else findings.published ??= date.iso;
}

/** Reads the signature lines that name the publishing outlet; only lines inside boilerplate spans are asked. */
function readSignature(text: string, findings: Findings): void {
  const bio = parseBioLine(text);
  if (bio !== null) {
    findings.bioName ??= bio.name;
    noteOutlet(findings, 'bio', bio.outlet);
  }
  noteOutlet(findings, 'disclaimer', POSSESSIVE_NOT.exec(text.slice(0, 400))?.[1]);
  noteOutlet(findings, 'donation', DONATION_TO.exec(text.slice(0, 400))?.[1]);
}

/** Reads one line's byline, dateline, date label and copyright shapes into the findings. */
function readLine(
  lines: readonly TextLine[],
  next: Int32Array,
  index: number,
  findings: Findings,
  parses: LineParses,
): void {
  const text = lines[index]?.text ?? '';
  const head = text.slice(0, 200);
  noteOutlet(findings, 'dateline', DATELINE.exec(head)?.[1]);
  if (text.length > 250) return;
  const byline = parses.byline(text);
  if (byline !== null) {
    findings.byline ??= byline.names;
    noteOutlet(findings, 'byline', byline.outlet ?? undefined);
    if (byline.published !== null) findings.published ??= byline.published;
  }
  const value = parses.dateLabel(text);
  if (value !== null) noteDate(findings, text, value);
  if (isFieldLabel(text)) noteDate(findings, text, lines[next[index] ?? -1]?.text ?? '');
  if (text.length <= 200) noteOutlet(findings, 'copyright', COPYRIGHT_OUTLET.exec(text)?.[1]);
  noteOutlet(findings, 'originally', ORIGINALLY.exec(text)?.[1]);
}

/** The part of a line that no boilerplate span covers, trimmed; `spans` sorted by start, all ending after the line starts. */
function uncoveredText(rawText: string, line: TextLine, spans: readonly BoilerplateSpan[]): string {
  let text = '';
  let cursor = line.start;
  for (const span of spans) {
    if (span.start >= line.end) break;
    if (span.start > cursor) text += rawText.slice(cursor, span.start);
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < line.end) text += rawText.slice(cursor, line.end);
  return text.trim();
}

/** The title: a Markdown heading or a standalone headline-like first line that is not boilerplate; else null. */
function readTitle(rawText: string, lines: readonly TextLine[], boilerplate: readonly BoilerplateSpan[]): string | null {
  const spans = [...boilerplate].sort((left, right) => left.start - right.start);
  let first = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined || line.text === '') continue;
    while (first < spans.length && (spans[first]?.end ?? 0) <= line.start) first += 1;
    const text = uncoveredText(rawText, line, spans.slice(first, first + 8));
    if (text === '') continue;
    const heading = MARKDOWN_HEADING.exec(text)?.[1];
    if (heading !== undefined) return heading.trim();
    if (lines[index + 1] !== undefined && lines[index + 1]?.text !== '') return null;
    return isHeadlineLike(text) ? text : null;
  }
  return null;
}

/**
 * Metadata from the text alone: title, byline, outlet and published date read from headline, byline, dateline,
 * date-label and signature lines (boilerplate lines included); every field stays null unless a line's shape says it.
 * `scan` is the text's scanText, when the caller already has it.
 */
export function metadataFromText(
  rawText: string,
  boilerplate: BoilerplateSpan[],
  scan: TextScan = scanText(rawText),
): DocumentMetadata {
  const metadata = emptyMetadata();
  const { lines, next, dateToken: token, parses } = scan;
  const flags = boilerplateLineFlags(lines, boilerplate);
  const findings: Findings = { outlets: new Map(), byline: null, bioName: null, published: null, updated: null };
  if (token !== null) findings.published = parseNewsDate(token.value)?.iso ?? null;
  lines.forEach((line, index) => {
    if (line.text === '') return;
    readLine(lines, next, index, findings, parses);
    if (flags[index] === 1) readSignature(line.text, findings);
  });
  metadata.title = readTitle(rawText, lines, boilerplate);
  metadata.byline = findings.byline ?? findings.bioName;
  metadata.published = findings.published ?? findings.updated;
  const source = OUTLET_RANKS.find((rank) => findings.outlets.has(rank));
  metadata.outlet = source === undefined ? null : (findings.outlets.get(source) ?? null);
  return metadata;
}
