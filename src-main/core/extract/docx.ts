/**
 * Word (.docx) files → reading text and metadata. The archive passes the zip guard first; mammoth then turns the
 * document into HTML (images dropped, nothing fetched), which our own DOM walk turns into text. A Word document is all
 * content, so no chrome removal or Readability runs; footnotes and endnotes stay at the end, comments are left out.
 */

import mammoth from 'mammoth';
import { DOMParser, parseHTML } from 'linkedom';
import { cleanByline, cleanDate, firstField } from './format-metadata';
import { limitNesting } from './html-nesting';
import { elementToText } from './html-text';
import { normalizeText } from './normalize';
import { emptyMetadata, type DocumentMetadata, type ExtractionError, type ParseOutcome } from './types';
import { readZipParts } from './zip-guard';

/** The main part of a Word document, where every .docx keeps its body text. */
export const DOCUMENT_PART = 'word/document.xml';
/** The package's core properties: title, author, creation and modification dates. */
export const CORE_PART = 'docProps/core.xml';

/**
 * Quote styles become block quotes (each paragraph stays its own), Title and Subtitle become headings; the rest is
 * mammoth's default map (headings, lists, footnote text). Comments are not mapped, so mammoth leaves them out.
 */
const STYLE_MAP = [
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
];

/** Images are dropped: the converter reads nothing and gives no source, so no image bytes are decoded. */
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/** Author names Word and libraries fill in by default: null beats a wrong byline. */
const PLACEHOLDER_AUTHORS: ReadonlySet<string> = new Set([
  'user', 'windows user', 'microsoft office user', 'office user', 'administrator', 'admin', 'author', 'owner',
  'unknown', 'python-docx', 'apache poi',
]);

const NOT_WORD = refusal('malformed', 'The file is a zip archive but not a Word document.');
const DAMAGED_WORD = refusal('malformed', 'The Word document is damaged, so its text cannot be read.');

function refusal(code: ExtractionError['code'], message: string): ExtractionError {
  return { code, message };
}

/** Note back-links ("↑") are navigation; each note gets its reference label ("[1]") in front of its text instead. */
function labelNotes(body: HTMLElement): void {
  const labels = new Map<string, string>();
  for (const reference of body.querySelectorAll('a[id^="footnote-ref-"], a[id^="endnote-ref-"]')) {
    const target = (reference.getAttribute('href') ?? '').replace(/^#/, '');
    if (target !== '') labels.set(target, (reference.textContent ?? '').trim());
  }
  for (const backLink of body.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]')) backLink.remove();
  for (const note of body.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')) {
    const label = labels.get(note.getAttribute('id') ?? '');
    if (label === undefined || label === '') continue;
    const holder = note.firstElementChild?.tagName.toUpperCase() === 'P' ? note.firstElementChild : note;
    holder.insertBefore(body.ownerDocument.createTextNode(`${label} `), holder.firstChild);
  }
}

/**
 * mammoth wraps every table cell's text in <p>, which would make the walk read each cell as a paragraph; unwrapped
 * (paragraphs of one cell joined by line breaks), a table reads as one line per row with cells joined by " | ".
 */
function unwrapCellParagraphs(body: HTMLElement): void {
  for (const paragraph of body.querySelectorAll('td > p, th > p')) {
    const document = body.ownerDocument;
    if (paragraph.previousElementSibling !== null) paragraph.before(document.createElement('br'));
    paragraph.replaceWith(...Array.from(paragraph.childNodes));
  }
}

/** Reading text of mammoth's HTML with the project's DOM walk: headings, paragraphs, list items and rows as lines. */
export function docxHtmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${limitNesting(html)}</body></html>`);
  const body = document.body;
  labelNotes(body);
  unwrapCellParagraphs(body);
  return normalizeText(elementToText(body).text);
}

/** Text of the first element whose local name (the part after any "dc:" prefix) is one of the names, in order. */
function fieldOf(elements: readonly Element[], localName: string): string | null {
  for (const element of elements) {
    const name = element.tagName.toLowerCase();
    if (name === localName || name.endsWith(`:${localName}`)) return element.textContent ?? null;
  }
  return null;
}

/**
 * Metadata from docProps/core.xml: dc:title, dc:creator as byline (default names refused), dcterms:created (else
 * modified) as the publication date. Read with linkedom's XML parser, which expands no custom entities.
 */
export function readCoreProperties(xml: string): DocumentMetadata {
  const metadata = emptyMetadata();
  try {
    const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
    const elements = Array.from(document.querySelectorAll('*'));
    metadata.title = firstField(fieldOf(elements, 'title'));
    const creator = cleanByline(fieldOf(elements, 'creator'));
    metadata.byline = creator !== null && PLACEHOLDER_AUTHORS.has(creator.toLowerCase()) ? null : creator;
    metadata.published = cleanDate(fieldOf(elements, 'created')) ?? cleanDate(fieldOf(elements, 'modified'));
  } catch {
    return emptyMetadata();
  }
  return metadata;
}

async function convert(bytes: Uint8Array): Promise<string | null> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const result = await mammoth.convertToHtml(
      { buffer },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    // Warnings (unknown styles, unsupported elements) are ignored; an error means part of the document was lost.
    return result.messages.some((message) => message.type === 'error') ? null : result.value;
  } catch {
    return null;
  }
}

/** Parses a Word document: guarded unzip, mammoth HTML, our own reading-text walk, core.xml metadata. Never throws. */
export async function parseDocx(bytes: Uint8Array): Promise<ParseOutcome> {
  try {
    if (bytes.length === 0) return { ok: false, error: refusal('empty', 'The file is empty.') };
    const zip = await readZipParts(bytes, [CORE_PART]);
    if (!zip.ok) return { ok: false, error: zip.error };
    if (!zip.entryNames.includes(DOCUMENT_PART)) return { ok: false, error: NOT_WORD };
    const html = await convert(bytes);
    if (html === null) return { ok: false, error: DAMAGED_WORD };
    const rawText = docxHtmlToText(html);
    if (rawText === '') return { ok: false, error: refusal('empty', 'The Word document has no text.') };
    const core = zip.parts.get(CORE_PART);
    const metadata = core === undefined ? emptyMetadata() : readCoreProperties(new TextDecoder('utf-8').decode(core));
    return { ok: true, value: { format: 'docx', rawText, metadata, boilerplate: [] } };
  } catch {
    return { ok: false, error: DAMAGED_WORD };
  }
}
