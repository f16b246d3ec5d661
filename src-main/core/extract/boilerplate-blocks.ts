/**
 * Rules that judge a line by its neighbours: author-bio blocks, field labels with their value line, editor's-note
 * promos, press-release "About" and contact blocks, and breadcrumbs that repeat the headline.
 */

import type { BoilerplateReason } from './types';
import type { TextLine } from './text-lines';
import { isPersonName, isOutletName } from './byline';
import { isEditorNote, isFieldLabel } from './boilerplate-rules';
import { parseNewsDate } from './news-date';

/** Per-line verdicts, indexed like the lines; undefined means prose (or not judged yet). */
export type LineMarks = Array<BoilerplateReason | undefined>;

/** The neighbourhood of every line, precomputed so block rules stay linear. */
export interface LineContext {
  lines: readonly TextLine[];
  next: Int32Array;
  previous: Int32Array;
  headline: string | null;
}

/** An author bio read apart: "<name> is a <role> at <outlet>." */
export interface AuthorBio {
  name: string;
  role: string;
  outlet: string;
}

const BIO_LINE =
  /^([\p{Lu}][\p{L}'’.-]{0,30}(?:\s[\p{L}'’.-]{1,30}){1,4}) is (?:a|an|the) ([^.\n]{2,80}?) (?:at|for|with) (?:the )?([^.\n]{2,60}?)\.(?:\s|$)/u;
const JOURNALISM_ROLE =
  /\b(?:editor|reporter|correspondent|writer|journalist|columnist|producer|contributor|anchor|critic|blogger|freelance|freelancer|newsroom|desk)\b/i;
const TRUNCATED = /(?:\.\.\.|…)\s?(?:read more)?$|read more$/i;

/** Parses "<Name> is a/an <journalism role> at <Outlet>." at the start of a line; null for any other sentence. */
export function parseBioLine(text: string): AuthorBio | null {
  if (text.length > 3000) return null;
  const match = BIO_LINE.exec(text.slice(0, 220));
  const [name, role, outlet] = [match?.[1], match?.[2], match?.[3]];
  if (name === undefined || role === undefined || outlet === undefined) return null;
  if (!isPersonName(name) || !JOURNALISM_ROLE.test(role) || !isOutletName(outlet)) return null;
  return { name, role, outlet };
}

function setMark(marks: LineMarks, index: number, reason: BoilerplateReason): void {
  if (index >= 0 && marks[index] === undefined) marks[index] = reason;
}

/** Whether every content line after `index` is already boilerplate (the line sits in the article's trailer). */
function trailingFlags(context: LineContext, marks: LineMarks, bios: ReadonlySet<number>): Uint8Array {
  const flags = new Uint8Array(context.lines.length);
  let allMarked = 1;
  for (let index = context.lines.length - 1; index >= 0; index -= 1) {
    flags[index] = allMarked;
    const line = context.lines[index];
    if (line !== undefined && line.text !== '' && marks[index] === undefined && !bios.has(index)) allMarked = 0;
  }
  return flags;
}

/**
 * Author bios by shape: a "<Name> is a <journalism role> at <Outlet>." line that is headed by a standalone name line,
 * truncated ("…Read More"), repeated, or only followed by boilerplate; the name lines heading it join the block.
 */
export function markAuthorBios(context: LineContext, marks: LineMarks): void {
  const bios = new Map<number, AuthorBio>();
  const seen = new Map<string, number>();
  context.lines.forEach((line, index) => {
    if (marks[index] !== undefined || !/ is (?:an?|the) /.test(line.text.slice(0, 120))) return;
    const bio = parseBioLine(line.text);
    if (bio === null) return;
    bios.set(index, bio);
    const key = line.text.slice(0, 80);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  if (bios.size === 0) return;
  const trailing = trailingFlags(context, marks, new Set(bios.keys()));
  for (const [index, bio] of bios) {
    const line = context.lines[index];
    if (line === undefined) continue;
    const before = context.lines[context.previous[index] ?? -1]?.text;
    const headed = before === bio.name || bios.has(context.previous[index] ?? -1);
    const repeated = (seen.get(line.text.slice(0, 80)) ?? 0) > 1;
    if (!headed && !repeated && !TRUNCATED.test(line.text) && trailing[index] !== 1) continue;
    setMark(marks, index, 'author-bio');
    let cursor = context.previous[index] ?? -1;
    while (cursor >= 0 && context.lines[cursor]?.text === bio.name && marks[cursor] === undefined) {
      setMark(marks, cursor, 'author-bio');
      cursor = context.previous[cursor] ?? -1;
    }
  }
}

/** A field label line ("Location :", "First Published:") and its short value line after it are navigation. */
export function markFieldValues(context: LineContext, marks: LineMarks): void {
  context.lines.forEach((line, index) => {
    if (marks[index] !== 'navigation' || !isFieldLabel(line.text)) return;
    const valueIndex = context.next[index] ?? -1;
    const value = context.lines[valueIndex]?.text ?? '';
    if (value.length > 120 || isFieldLabel(value)) return;
    if (parseNewsDate(value) !== null || value.split(/\s+/).length <= 12) setMark(marks, valueIndex, 'navigation');
  });
}

/** An "Editor's Note:" line directly followed by a promotion line is part of that promotion. */
export function markEditorNotePromotions(context: LineContext, marks: LineMarks): void {
  context.lines.forEach((line, index) => {
    if (marks[index] !== undefined || !isEditorNote(line.text)) return;
    if (marks[context.next[index] ?? -1] === 'promotion') setMark(marks, index, 'promotion');
  });
}

const ABOUT_HEADING = /^About\s([\p{Lu}\d][^\n.:]{0,60})$/u;
const LEGAL_HEADING = /^(?:forward-looking statements?|safe harbou?r statement|cautionary (?:note|statement)[\w ]{0,40})\s*:?$/i;
const CONTACT_INFO = /@[\w-]+\.\w|\+?\d[\d ().-]{6,}\d|https?:\/\/|www\./;

/**
 * Press-release blocks: "About <Company>" followed by a paragraph that starts with that company's name, legal
 * headings with their paragraph, and the contact lines (name, e-mail, phone) under a "Media contact:" line.
 */
export function markPressReleaseBlocks(context: LineContext, marks: LineMarks): void {
  context.lines.forEach((line, index) => {
    const nextIndex = context.next[index] ?? -1;
    const nextText = context.lines[nextIndex]?.text ?? '';
    const about = ABOUT_HEADING.exec(line.text);
    const company = about?.[1]?.split(/\s/)[0];
    if (marks[index] === undefined && company !== undefined && nextText.startsWith(company + ' ') && nextText.length > 40) {
      setMark(marks, index, 'press-release-trailer');
      setMark(marks, nextIndex, 'press-release-trailer');
    }
    if (marks[index] === undefined && LEGAL_HEADING.test(line.text) && nextIndex >= 0) {
      setMark(marks, index, 'press-release-trailer');
      setMark(marks, nextIndex, 'press-release-trailer');
    }
    if (marks[index] !== 'press-release-trailer' || !/contact|inquir|enquir|relations/i.test(line.text)) return;
    let cursor = nextIndex;
    for (let count = 0; count < 6 && cursor >= 0; count += 1) {
      const text = context.lines[cursor]?.text ?? '';
      if (text.length > 100 || !(CONTACT_INFO.test(text) || isPersonName(text))) return;
      setMark(marks, cursor, 'press-release-trailer');
      cursor = context.next[cursor] ?? -1;
    }
  });
}

const BREADCRUMB_PREFIX = /^[\p{L}][\p{L}&-]{0,30}(?:\s?[\s>›»/|]\s?[\p{L}][\p{L}&-]{0,30}){0,3}$/u;

/** Breadcrumbs: a later line made of 1–4 section words followed by the article's headline ("News world <headline>"). */
export function markHeadlineBreadcrumbs(context: LineContext, marks: LineMarks): void {
  const headline = context.headline;
  if (headline === null || headline.length < 20) return;
  context.lines.forEach((line, index) => {
    if (marks[index] !== undefined || line.text.length <= headline.length || !line.text.endsWith(headline)) return;
    const prefix = line.text.slice(0, line.text.length - headline.length).trim();
    if (prefix.length <= 60 && BREADCRUMB_PREFIX.test(prefix)) setMark(marks, index, 'navigation');
  });
}
