/**
 * PDF files → article text in reading order, page starts and declared metadata, read with pdfjs-dist (legacy build,
 * in-process "fake worker"): no scripts run, nothing fetched, no fonts loaded. Layout (lines, columns, paragraphs,
 * running headers) is rebuilt from the positions of the text items.
 */

import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cleanByline, cleanDate, firstField } from './format-metadata';
import { normalizeText } from './normalize';
import { emptyMetadata, type BoilerplateSpan, type DocumentMetadata, type ExtractionError, type PageStart, type ParseOutcome } from './types';

/** Limits that keep a hostile or huge PDF from taking unbounded time or memory. */
export interface PdfLimits {
  /** Files with more pages are refused before any page is read. */
  maxPages: number;
  /** Extracted text beyond this many characters is refused. */
  maxChars: number;
  /** Total time allowed for opening the file and reading every page, in milliseconds. */
  timeoutMs: number;
}

/** The defaults: 2,000 pages, 8 M characters, two minutes. */
export const PDF_LIMITS: PdfLimits = { maxPages: 2_000, maxChars: 8_000_000, timeoutMs: 120_000 };

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsLoading: Promise<Pdfjs> | null = null;

/**
 * Loads pdfjs once. In Node, pdfjs runs its worker code on the main thread ("fake worker"); importing the worker
 * module ourselves sets `globalThis.pdfjsWorker`, which pdfjs uses instead of resolving `./pdf.worker.mjs` relative to
 * its own file, so this works under tsx and in the electron-vite bundle (where pdfjs-dist stays an external import).
 */
function loadPdfjs(): Promise<Pdfjs> {
  if (pdfjsLoading === null) {
    pdfjsLoading = (async () => {
      // @ts-expect-error -- pdfjs-dist ships no type declarations for its worker module; it is imported for its effect.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return import('pdfjs-dist/legacy/build/pdf.mjs');
    })();
    // A failed load is retried by the next call rather than cached.
    pdfjsLoading.catch(() => {
      pdfjsLoading = null;
    });
  }
  return pdfjsLoading;
}

function refuse(code: ExtractionError['code'], message: string): ParseOutcome {
  return { ok: false, error: { code, message } };
}

/** Raised inside parsePdf only, to leave the reading loop with a refusal; never escapes it. */
class Refusal extends Error {
  constructor(readonly outcome: ParseOutcome) {
    super('refused');
  }
}

const TOO_SLOW = (): Refusal => new Refusal(refuse('too-large', 'This PDF is too large or complex to read in reasonable time; Parallax cannot read it.'));

/** Waits for a promise, but no later than the deadline (a hostile file must not hang the ingest). */
async function beforeDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TOO_SLOW()), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Titles that name the file or the authoring tool, not the article. */
const JUNK_TITLE = /^(?:microsoft (?:word|powerpoint|excel)\b|untitled\b|document\s*\d*$|new document\b|slide \d+$|title$|\S+\.(?:docx?|pdf|rtf|odt|pages|indd|qxd|txt|tex|dvi|pptx?|xlsx?|html?|ps|eps)$)/i;
/** Author values that are account names, not people. */
const JUNK_AUTHOR = /^(?:administrator|admin|user|owner|windows user|unknown|author|default|setup|pc|root)$/i;

function cleanTitle(value: unknown): string | null {
  const title = firstField(value);
  if (title === null || JUNK_TITLE.test(title) || !/\p{L}/u.test(title)) return null;
  return title;
}

function cleanAuthor(value: unknown): string | null {
  const author = cleanByline(value);
  return author === null || JUNK_AUTHOR.test(author) ? null : author;
}

/** A PDF date ("D:20240305143000+01'00'") as an ISO string cleanDate understands; the zone only when stated. */
export function pdfDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?)?/.exec(value.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute = '00', second = '00', utc, sign, zoneHour, zoneMinute = '00'] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined) return cleanDate(date);
  const zone = utc !== undefined ? 'Z' : sign !== undefined ? `${sign}${zoneHour}:${zoneMinute}` : '';
  return cleanDate(`${date}T${hour}:${minute}:${second}${zone}`);
}

/** Declared metadata: the Info dictionary first, XMP (dc:title, dc:creator, xmp:createdate) for what it lacks. */
async function readMetadata(document: PDFDocumentProxy, deadline: number): Promise<DocumentMetadata> {
  const metadata = emptyMetadata();
  try {
    const { info, metadata: xmp } = await beforeDeadline(document.getMetadata(), deadline);
    const fields = (info ?? {}) as Record<string, unknown>;
    const xmpValue = (name: string): unknown => {
      try {
        return xmp?.get(name) ?? null;
      } catch {
        return null;
      }
    };
    metadata.title = cleanTitle(fields.Title) ?? cleanTitle(xmpValue('dc:title'));
    metadata.byline = cleanAuthor(fields.Author) ?? cleanAuthor(xmpValue('dc:creator'));
    metadata.published = pdfDateToIso(fields.CreationDate) ?? cleanDate(xmpValue('xmp:createdate'));
  } catch (error) {
    if (error instanceof Refusal) throw error;
    // Metadata is optional: a damaged Info dictionary leaves the fields null.
  }
  return metadata;
}

/** The text items of one page with their positions in top-down page space (the viewport applies /Rotate and crops). */
async function readPage(document: PDFDocumentProxy, number: number, deadline: number, maxChars: number): Promise<PlacedText[]> {
  const page = await beforeDeadline(document.getPage(number), deadline);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await beforeDeadline(page.getTextContent({ includeMarkedContent: false }), deadline);
    const [va = 1, vb = 0, vc = 0, vd = 1, ve = 0, vf = 0] = viewport.transform;
    const placed: PlacedText[] = [];
    let chars = 0;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      chars += item.str.length;
      if (chars > maxChars) throw new Refusal(tooMuchText());
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform as number[];
      // viewport.transform × item.transform: the item's text matrix in top-down page space.
      const ta = va * a + vc * b;
      const tb = vb * a + vd * b;
      const tc = va * c + vc * d;
      const td = vb * c + vd * d;
      const x = va * e + vc * f + ve;
      const y = vb * e + vd * f + vf;
      const run = Math.hypot(ta, tb);
      const cos = run === 0 ? 1 : ta / run;
      placed.push({
        text: item.str,
        x,
        y,
        width: Number.isFinite(item.width) ? item.width * cos : 0,
        size: Math.hypot(tc, td) || item.height || 1,
        endOfLine: item.hasEOL,
      });
    }
    return placed;
  } finally {
    page.cleanup();
  }
}

function tooMuchText(): ParseOutcome {
  return refuse('too-large', 'This PDF holds more text than Parallax can read in one document.');
}

/* ---------- Layout: text items → lines → columns → paragraphs ---------- */

/** One text item placed on the page: left end of its baseline (top-down points), advance width and font size. */
interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** pdfjs saw a line end after this item: always a word boundary. */
  endOfLine: boolean;
}

/** A paragraph of one page, lines joined; boilerplate when it is a running header, footer or page number. */
interface PageParagraph {
  text: string;
  boilerplate: boolean;
}

interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  boundary: boolean;
}

interface Line {
  fragments: Fragment[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Among the page's top two or bottom two rows: a candidate running header, footer or page number. */
  edge: boolean;
  boilerplate: boolean;
}

/** Baselines closer than this share a line (× font size): superscripts join their line, the next line does not. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this (× font size) between items is a space. */
const WORD_GAP = 0.18;
/** Gaps narrower than this (× font size) stay inside a chunk of text when looking for a column gutter. */
const CHUNK_GAP = 1;
/** A gutter may be crossed by at most this share of the lines (headlines, full-width lines). */
const GUTTER_CROSSING = 0.1;
/** Lines further apart than this × the usual spacing start a new paragraph. */
const PARAGRAPH_GAP = 1.4;
/** A line shorter than this share of the column's width, ending a sentence, ends its paragraph. */
const SHORT_LINE = 0.75;
const SENTENCE_END = /[.!?:…]["”’)\]]?$/u;
const BULLET = /^[•▪◦●■]/u;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Items → fragments: text cleaned of line breaks, blank items turned into word boundaries, overprints dropped. */
function fragmentsOf(items: PlacedText[]): Fragment[] {
  const fragments: Fragment[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!Number.isFinite(item.x) || !Number.isFinite(item.y)) continue;
    const text = item.text.replace(/[\r\n\v\f\u0085\u2028\u2029]/g, ' ');
    const previous = fragments[fragments.length - 1];
    if (text.trim() === '') {
      if (previous !== undefined && (item.endOfLine || text !== '')) previous.boundary = true;
      continue;
    }
    // Fake bold prints the same text twice at (almost) the same place.
    const key = `${text}\u0000${Math.round(item.x)}\u0000${Math.round(item.y)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const size = Number.isFinite(item.size) && item.size > 0 ? item.size : 1;
    const width = Number.isFinite(item.width) ? item.width : 0;
    fragments.push({ text, x0: Math.min(item.x, item.x + width), x1: Math.max(item.x, item.x + width), y: item.y, size, boundary: item.endOfLine });
  }
  return fragments;
}

/** A line from fragments on one baseline, ordered left to right, with spaces where the gaps are word gaps. */
function makeLine(fragments: Fragment[]): Line {
  const sorted = [...fragments].sort((a, b) => a.x0 - b.x0);
  let text = '';
  let x0 = Infinity;
  let x1 = -Infinity;
  let previous: Fragment | undefined;
  for (const fragment of sorted) {
    if (previous !== undefined) {
      const gap = fragment.x0 - previous.x1;
      const size = Math.max(fragment.size, previous.size);
      if (previous.boundary || gap > WORD_GAP * size || gap < -size) text += ' ';
    }
    text += fragment.text;
    x0 = Math.min(x0, fragment.x0);
    x1 = Math.max(x1, fragment.x1);
    previous = fragment;
  }
  const first = sorted[0];
  return {
    fragments: sorted,
    x0,
    x1,
    y: median(sorted.map((fragment) => fragment.y)),
    size: median(sorted.map((fragment) => fragment.size)) || (first?.size ?? 1),
    text,
    edge: false,
    boilerplate: false,
  };
}

/** Fragments grouped into lines by baseline, lines ordered top to bottom. */
function linesOf(fragments: Fragment[]): Line[] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Line[] = [];
  let group: Fragment[] = [];
  let baseline = 0;
  let size = 0;
  for (const fragment of sorted) {
    if (group.length > 0 && fragment.y - baseline > SAME_LINE * Math.max(size, fragment.size)) {
      lines.push(makeLine(group));
      group = [];
    }
    if (group.length === 0) {
      baseline = fragment.y;
      size = fragment.size;
    }
    group.push(fragment);
  }
  if (group.length > 0) lines.push(makeLine(group));
  return lines;
}

/** The spans [x0, x1] of a line's text with word gaps closed: what a gutter must not cross. */
function chunksOf(line: Line): [number, number][] {
  const chunks: [number, number][] = [];
  for (const fragment of line.fragments) {
    const last = chunks[chunks.length - 1];
    if (last !== undefined && fragment.x0 - last[1] < CHUNK_GAP * fragment.size) last[1] = Math.max(last[1], fragment.x1);
    else chunks.push([fragment.x0, fragment.x1]);
  }
  return chunks;
}

/**
 * The x of a vertical gutter between two columns, or null: a band in the middle of the text that almost no line's
 * text crosses, with whole lines of text on both sides of it.
 */
function findGutter(lines: Line[]): number | null {
  if (lines.length < 6) return null;
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  const size = median(lines.map((line) => line.size));
  const width = right - left;
  if (!(width > 10 * size)) return null;
  const bins = Math.min(1000, Math.ceil(width));
  const binWidth = width / bins;
  const coverage = new Int32Array(bins + 1);
  for (const line of lines) {
    for (const [x0, x1] of chunksOf(line)) {
      const from = Math.max(0, Math.floor((x0 - left) / binWidth));
      const to = Math.min(bins, Math.ceil((x1 - left) / binWidth));
      coverage[from] = (coverage[from] ?? 0) + 1;
      coverage[to] = (coverage[to] ?? 0) - 1;
    }
  }
  const allowed = Math.floor(GUTTER_CROSSING * lines.length);
  let best: [number, number] | null = null;
  let runStart = -1;
  let covered = 0;
  for (let bin = 0; bin <= bins; bin += 1) {
    covered += coverage[bin] ?? 0;
    const open = bin < bins && covered <= allowed && bin > 0;
    if (open && runStart < 0) runStart = bin;
    if (!open && runStart >= 0) {
      if (best === null || bin - runStart > best[1] - best[0]) best = [runStart, bin];
      runStart = -1;
    }
  }
  if (best === null || (best[1] - best[0]) * binWidth < Math.max(3, 0.5 * size)) return null;
  const gutter = left + ((best[0] + best[1]) / 2) * binWidth;
  if (gutter < left + 0.15 * width || gutter > left + 0.85 * width) return null;
  const leftLines = lines.filter((line) => line.fragments.some((fragment) => fragment.x1 <= gutter)).length;
  const rightLines = lines.filter((line) => line.fragments.some((fragment) => fragment.x0 >= gutter)).length;
  return leftLines >= 3 && rightLines >= 3 ? gutter : null;
}

function crosses(line: Line, gutter: number): boolean {
  return chunksOf(line).some(([x0, x1]) => x0 < gutter && x1 > gutter);
}

/**
 * Lines in reading order as runs (a run is read top to bottom in one column): between lines that cross the gutter,
 * the left column is read, then the right one; each column may hold columns of its own (up to three levels).
 */
function readingRuns(lines: Line[], depth = 0): Line[][] {
  const gutter = depth < 3 ? findGutter(lines) : null;
  if (gutter === null) return lines.length === 0 ? [] : [lines];
  const runs: Line[][] = [];
  let spanning: Line[] = [];
  let leftColumn: Line[] = [];
  let rightColumn: Line[] = [];
  const flushColumns = (): void => {
    runs.push(...readingRuns(leftColumn, depth + 1), ...readingRuns(rightColumn, depth + 1));
    leftColumn = [];
    rightColumn = [];
  };
  for (const line of lines) {
    if (crosses(line, gutter)) {
      flushColumns();
      spanning.push(line);
      continue;
    }
    if (spanning.length > 0) runs.push(spanning);
    spanning = [];
    const leftPart = line.fragments.filter((fragment) => fragment.x1 <= gutter);
    const rightPart = line.fragments.filter((fragment) => fragment.x1 > gutter);
    if (leftPart.length > 0) leftColumn.push(leftPart.length === line.fragments.length ? line : { ...makeLine(leftPart), edge: line.edge });
    if (rightPart.length > 0) rightColumn.push(rightPart.length === line.fragments.length ? line : { ...makeLine(rightPart), edge: line.edge });
  }
  flushColumns();
  if (spanning.length > 0) runs.push(spanning);
  return runs;
}

/** Whether a line starts a new paragraph within a run, from spacing, size, indentation and a short last line. */
function startsParagraph(previous: Line, line: Line, spacing: number, leftEdge: number, fullWidth: number): boolean {
  const gap = line.y - previous.y;
  if (spacing > 0 && gap > PARAGRAPH_GAP * spacing) return true;
  const size = Math.max(line.size, previous.size);
  if (Math.abs(line.size - previous.size) > 0.15 * size) return true;
  if (line.x0 - leftEdge > 0.8 * line.size && previous.x0 - leftEdge < 0.5 * line.size) return true;
  if (BULLET.test(line.text.trimStart())) return true;
  return SENTENCE_END.test(previous.text.trimEnd()) && previous.x1 - leftEdge < SHORT_LINE * fullWidth;
}

/** Appends a line to a paragraph: a word split by a hyphen at the line end is rejoined, otherwise one space. */
function joinLine(paragraph: string, line: string): string {
  const head = paragraph.trimEnd();
  const tail = line.trimStart();
  if (head.endsWith('\u00AD')) return head.slice(0, -1) + tail;
  if (/(?:^|[^\p{L}\p{N}])\p{Ll}+[-\u2010]$/u.test(head) && /^\p{Ll}/u.test(tail)) return head.slice(0, -1) + tail;
  return `${head} ${tail}`;
}

/** The baseline distances between consecutive lines of a run (positive ones only). */
function lineGaps(run: Line[]): number[] {
  const gaps: number[] = [];
  for (let index = 1; index < run.length; index += 1) {
    const gap = (run[index]?.y ?? 0) - (run[index - 1]?.y ?? 0);
    if (gap > 0) gaps.push(gap);
  }
  return gaps;
}

/**
 * The usual distance between lines of a paragraph: the lower quartile of the gaps (paragraph gaps are the larger
 * ones), at most 1.5 × the font size, so that a run of one-line paragraphs still shows its blank rows.
 */
function usualSpacing(gaps: number[], size: number): number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const quartile = sorted[Math.floor(sorted.length / 4)];
  return Math.min(quartile ?? Infinity, 1.5 * size);
}

/** The paragraphs of one page's lines in reading order; documentGaps stand in for a run with too few lines. */
function paragraphsOf(runs: Line[][], documentGaps: number[]): PageParagraph[] {
  const paragraphs: PageParagraph[] = [];
  let current: PageParagraph | null = null;
  let previous: Line | null = null;
  for (const run of runs) {
    const gaps = lineGaps(run);
    const spacing = usualSpacing(gaps.length >= 3 ? gaps : documentGaps, median(run.map((line) => line.size)));
    const body = run.filter((line) => !line.boilerplate);
    const leftEdge = median(body.map((line) => line.x0));
    const widths = body.map((line) => line.x1 - leftEdge).sort((a, b) => a - b);
    const fullWidth = widths[Math.floor(widths.length * 0.9)] ?? 0;
    for (const [index, line] of run.entries()) {
      let fresh: boolean;
      if (current === null || previous === null || line.boilerplate || previous.boilerplate) fresh = true;
      else if (index === 0) {
        // A new column or region: the paragraph continues only mid-sentence.
        fresh = SENTENCE_END.test(previous.text.trimEnd()) || !/^\p{Ll}/u.test(line.text.trimStart());
      } else fresh = startsParagraph(previous, line, spacing, leftEdge, fullWidth);
      if (fresh || current === null) {
        current = { text: line.text, boilerplate: line.boilerplate };
        paragraphs.push(current);
      } else {
        current.text = joinLine(current.text, line.text);
      }
      previous = line;
    }
  }
  return paragraphs;
}

/** The lines of one page, top to bottom. */
interface PageLines {
  lines: Line[];
}

/** Lines of one page from its text items; the top two and bottom two rows are marked as candidate running lines. */
function pageLines(items: PlacedText[]): PageLines {
  const lines = linesOf(fragmentsOf(items));
  const rows = lines.length;
  lines.forEach((line, index) => {
    line.edge = index < 2 || index >= rows - 2;
  });
  return { lines };
}

/** A running line's identity across pages: case, spacing and numbers (page numbers, dates) ignored. */
function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Marks running headers, footers and page numbers: top or bottom lines whose text (numbers ignored) recurs at the top
 * or bottom of more than half the pages with text, and at least two. They stay in the text, marked as navigation.
 */
function markRunning(pages: PageLines[]): void {
  const counts = new Map<string, number>();
  let pagesWithText = 0;
  for (const page of pages) {
    if (page.lines.length > 0) pagesWithText += 1;
    const keys = new Set(page.lines.filter((line) => line.edge).map((line) => runningKey(line.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const page of pages) {
    for (const line of page.lines) {
      if (!line.edge) continue;
      const count = counts.get(runningKey(line.text)) ?? 0;
      line.boilerplate = count >= 2 && count * 2 > pagesWithText;
    }
  }
}

/** Every page's paragraphs, in reading order, with running lines marked, from each page's placed text items. */
function layoutPages(pages: PlacedText[][]): PageParagraph[][] {
  const lined = pages.map(pageLines);
  markRunning(lined);
  const ordered = lined.map(({ lines }) => {
    // Running lines are read where they are printed (headers first, footers last), outside the column analysis.
    // Only the running lines printed first or last on the page are taken out; one between body lines is body text.
    let topCount = 0;
    while (topCount < Math.min(2, lines.length) && lines[topCount]!.boilerplate) topCount += 1;
    let bottomStart = lines.length;
    while (bottomStart > Math.max(topCount, lines.length - 2) && lines[bottomStart - 1]!.boilerplate) bottomStart -= 1;
    const body = lines.slice(topCount, bottomStart);
    for (const line of body) line.boilerplate = false;
    return [lines.slice(0, topCount), ...readingRuns(body), lines.slice(bottomStart)].filter((run) => run.length > 0);
  });
  const documentGaps = ordered.flatMap((runs) => runs.flatMap(lineGaps));
  return ordered.map((runs) => paragraphsOf(runs, documentGaps));
}

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
interface JoinedPages {
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
function joinPages(layouts: PageParagraph[][]): JoinedPages {
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

/**
 * Parses a PDF: text in reading order (lines from item positions, two-column pages read column by column,
 * paragraphs rebuilt, words split at line ends rejoined), page starts, running headers/footers and page numbers kept
 * but marked as navigation, metadata from the Info dictionary or XMP. Encrypted, scanned, damaged and oversized files
 * are refused as data; nothing is thrown.
 */
export async function parsePdf(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<ParseOutcome> {
  const { maxPages, maxChars, timeoutMs } = { ...PDF_LIMITS, ...limits };
  const deadline = Date.now() + timeoutMs;
  let pdfjs: Pdfjs;
  try {
    pdfjs = await loadPdfjs();
  } catch {
    return refuse('unreadable', 'Parallax could not load its PDF reader, so this PDF cannot be read.');
  }
  // pdfjs transfers the buffer it is given to its worker side; a copy leaves the caller's bytes intact. The copy is a
  // plain Uint8Array: pdfjs refuses a Node Buffer, which is what files read from disk are.
  let task: ReturnType<Pdfjs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      enableXfa: false,
      stopAtErrors: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      fontExtraProperties: false,
      pdfBug: false,
      verbosity: 0,
    });
  } catch {
    return refuse('malformed', 'This PDF is damaged or not a real PDF; Parallax cannot read it.');
  }
  try {
    let document: PDFDocumentProxy;
    try {
      document = await beforeDeadline(task.promise, deadline);
    } catch (error) {
      if (error instanceof Refusal) return error.outcome;
      if (error instanceof Error && error.name === 'PasswordException') {
        return refuse('unreadable', 'This PDF is password-protected; Parallax cannot read it without the password.');
      }
      return refuse('malformed', 'This PDF is damaged or not a real PDF; Parallax cannot read it.');
    }
    if (document.numPages > maxPages) {
      return refuse('too-large', `This PDF has ${document.numPages} pages, more than the ${maxPages} Parallax reads in one document.`);
    }
    const metadata = await readMetadata(document, deadline);
    const pages: PlacedText[][] = [];
    let unreadablePages = 0;
    let chars = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      try {
        const items = await readPage(document, number, deadline, maxChars - chars);
        for (const item of items) chars += item.text.length;
        pages.push(items);
      } catch (error) {
        if (error instanceof Refusal) return error.outcome;
        // A damaged page is skipped; the others are still read.
        unreadablePages += 1;
        pages.push([]);
      }
    }
    const joined = joinPages(layoutPages(pages));
    const rawText = joined.text;
    const starts = joined.starts;
    const boilerplate = joined.spans;
    // A page without text starts where the next text begins (the end of the text after the last one).
    const pageStarts: PageStart[] = [];
    let next = rawText.length;
    for (let index = starts.length - 1; index >= 0; index -= 1) {
      next = starts[index] ?? next;
      pageStarts.push({ page: index + 1, start: next });
    }
    pageStarts.reverse();
    if (rawText.length > maxChars) return refuse('too-large', 'This PDF holds more text than Parallax can read in one document.');
    if (rawText === '') {
      return unreadablePages > 0 && unreadablePages === document.numPages
        ? refuse('malformed', 'This PDF is damaged or not a real PDF; Parallax cannot read it.')
        : refuse('no-text', 'This PDF has no text layer (it is probably a scan); Parallax cannot read it until it has been run through OCR.');
    }
    return { ok: true, value: { format: 'pdf', rawText, metadata, boilerplate, pages: pageStarts } };
  } catch (error) {
    if (error instanceof Refusal) return error.outcome;
    return refuse('malformed', 'This PDF is damaged or not a real PDF; Parallax cannot read it.');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
