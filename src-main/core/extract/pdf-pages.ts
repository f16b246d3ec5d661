/**
 * A PDF's pages joined into one text: paragraphs separated by one blank line, a paragraph cut by a page break joined
 * again, running lines marked as boilerplate, and where each page begins.
 */

import { normalizeText } from './normalize';
import { joinLine, type PageParagraph } from './pdf-layout';
import type { BoilerplateSpan } from './types';

/** Whether a paragraph cut by a page break goes on at the top of the next page: it starts in lowercase, or the page
 * ended mid-sentence on a line too long to be a heading. */
function continuesAcrossPages(previous: string, next: string): boolean {
  if (/^\p{Ll}/u.test(next)) return true;
  return !PARAGRAPH_END.test(previous) && previous.length >= CONTINUED_MIN_CHARS;
}

/** A paragraph's last characters that end it: sentence punctuation, possibly inside closing quotes or brackets. */
const PARAGRAPH_END = /[.!?:;…]["'”’)\]]*$/u;

/** A page's last paragraph shorter than this is taken for a heading, not a sentence cut by the page break. */
const CONTINUED_MIN_CHARS = 60;

/** The text of all pages: paragraphs joined by one blank line, running lines marked, and where each page begins. */
export interface JoinedPages {
  text: string;
  spans: BoilerplateSpan[];
  /** Per page, the offset where its text begins, null for a page without text. */
  starts: (number | null)[];
}

/**
 * Joins the pages' paragraphs. A paragraph cut by a page break is joined again (a word hyphenated across the break is
 * rejoined), so a sentence or a quote never breaks at a page; the running lines printed in the break follow it, and
 * the next page is said to begin where its words do, inside that paragraph.
 */
export function joinPages(layouts: PageParagraph[][]): JoinedPages {
  const parts: PageParagraph[] = [];
  const pageAnchors: ({ part: number; offset: number } | null)[] = [];
  for (const layout of layouts) {
    const paragraphs = layout.map((paragraph) => ({ ...paragraph, text: normalizeText(paragraph.text) })).filter((paragraph) => paragraph.text !== '');
    if (paragraphs.length === 0) {
      pageAnchors.push(null);
      continue;
    }
    const firstBody = paragraphs.findIndex((paragraph) => !paragraph.boilerplate);
    const lastBody = parts.findLastIndex((paragraph) => !paragraph.boilerplate);
    const previous = parts[lastBody];
    const next = paragraphs[firstBody];
    if (previous && next && continuesAcrossPages(previous.text, next.text)) {
      const joined = joinLine(previous.text, next.text);
      const offset = joined.length - next.text.length;
      previous.text = joined;
      pageAnchors.push({ part: lastBody, offset });
      parts.push(...paragraphs.filter((_, index) => index !== firstBody));
    } else {
      pageAnchors.push({ part: parts.length, offset: 0 });
      parts.push(...paragraphs);
    }
  }
  const partStarts: number[] = [];
  const spans: BoilerplateSpan[] = [];
  let offset = 0;
  for (const part of parts) {
    if (partStarts.length > 0) offset += 2;
    partStarts.push(offset);
    if (part.boilerplate) spans.push({ start: offset, end: offset + part.text.length, reason: 'navigation' });
    offset += part.text.length;
  }
  const text = parts.map((part) => part.text).join('\n\n');
  const starts = pageAnchors.map((anchor) => (anchor === null ? null : partStarts[anchor.part]! + anchor.offset));
  // Normalized paragraphs joined by one space or one blank line are normalized already; the check guards the offsets.
  const normalized = normalizeText(text);
  return normalized === text ? { text, spans, starts } : { text: normalized, spans: [], starts: starts.map(() => 0) };
}
