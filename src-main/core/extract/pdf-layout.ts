/**
 * The layout side of PDF reading: a page's placed text items → lines → columns → paragraphs, running headers, footers
 * and page numbers marked (pdf-pages.ts joins the pages). Pure: no pdfjs here.
 */

/** One text item placed on the page: left end of its baseline (top-down points), advance width and font size. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** pdfjs saw a line end after this item: always a word boundary. */
  endOfLine: boolean;
}

/** A paragraph of one page, lines joined; boilerplate when it is a running header, footer or page number. */
export interface PageParagraph {
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
export function joinLine(paragraph: string, line: string): string {
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
export function layoutPages(pages: PlacedText[][]): PageParagraph[][] {
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
