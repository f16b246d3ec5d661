/**
 * PDF files → article text in reading order, page starts and declared metadata, read with pdfjs-dist (legacy build,
 * in-process "fake worker"): no scripts run, nothing fetched, no fonts loaded. Layout (lines, columns, paragraphs,
 * running headers) is rebuilt from the positions of the text items.
 */

import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { cleanByline, cleanDate, firstField } from './format-metadata';
import { layoutPages, type PlacedText } from './pdf-layout';
import { joinPages } from './pdf-pages';
import { emptyMetadata, type DocumentMetadata, type ExtractionError, type PageStart, type ParseOutcome } from './types';

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
