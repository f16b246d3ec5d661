/**
 * The extraction pipeline: file bytes → decoded text → format parser → text heuristics → one Extraction, or an
 * ExtractionError as data. Text formats are decoded here; PDF, Word and e-mail parsers read their own bytes.
 * Nothing in here throws to the caller.
 */

import { detectBoilerplate, scanText } from './boilerplate';
import { decodeBytes } from './decode';
import { parseDocx } from './docx';
import { parseEml } from './eml';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';
import { parsePlainText } from './plain';
import { metadataFromText } from './text-metadata';
import type { BoilerplateSpan, DocumentMetadata, ExtractionOutcome, ParseOutcome, ParsedSource, SourceFormat } from './types';

/** Largest file read (64 MiB); a news article is far smaller, a bigger file is an archive or a dump. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const FORMATS_BY_EXTENSION: ReadonlyMap<string, SourceFormat> = new Map([
  ['.txt', 'txt'],
  ['.text', 'txt'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.eml', 'eml'],
]);

/** Formats whose parser reads the file's bytes itself (binary containers, or MIME with its own charsets). */
const BINARY_PARSERS: Partial<Record<SourceFormat, (bytes: Uint8Array) => Promise<ParseOutcome>>> = {
  pdf: parsePdf,
  docx: parseDocx,
  eml: parseEml,
};

/** File extensions the extractor reads, lowercase with the dot (".txt", ".md", ".html", ".pdf", ".docx", ".eml"…). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...FORMATS_BY_EXTENSION.keys()];

/** The format a file name's extension names (case-insensitive), or null when the extractor does not read it. */
export function formatOfFileName(fileName: string): SourceFormat | null {
  const dot = fileName.lastIndexOf('.');
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  if (dot <= slash + 1) return null;
  return FORMATS_BY_EXTENSION.get(fileName.slice(dot).toLowerCase()) ?? null;
}

/** Spans sorted by start, clamped to the text, overlapping spans merged (the earlier span's reason is kept). */
export function mergeSpans(spans: readonly BoilerplateSpan[], textLength: number): BoilerplateSpan[] {
  const sorted = spans
    .map((span) => ({ ...span, start: Math.max(0, span.start), end: Math.min(textLength, span.end) }))
    .filter((span) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start)
    .sort((left, right) => left.start - right.start);
  const merged: BoilerplateSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Metadata field by field: what the format declares wins, what the text says fills the gaps. */
export function mergeMetadata(declared: DocumentMetadata, fromText: DocumentMetadata): DocumentMetadata {
  return {
    title: declared.title ?? fromText.title,
    outlet: declared.outlet ?? fromText.outlet,
    byline: declared.byline ?? fromText.byline,
    published: declared.published ?? fromText.published,
    url: declared.url ?? fromText.url,
  };
}

function parseText(format: SourceFormat, text: string): ParsedSource {
  if (format === 'md') return parseMarkdown(text);
  if (format === 'html') return parseHtml(text);
  return parsePlainText(text);
}

const UNSUPPORTED = (fileName: string): ExtractionOutcome => ({
  ok: false,
  error: { code: 'unsupported-format', message: `Parallax reads .txt, .md, .html, .pdf, .docx and .eml files; "${fileName}" is none of these.` },
});

const TOO_LARGE: ExtractionOutcome = { ok: false, error: { code: 'too-large', message: 'This file is larger than 64 MB, too large to be an article.' } };

/** The text heuristics over a parsed source: detected boilerplate merged with the parser's, metadata gaps filled. */
function finish(parsed: ParsedSource, encoding: string): ExtractionOutcome {
  if (parsed.rawText === '') {
    return { ok: false, error: { code: 'empty', message: 'The file has no readable text.' } };
  }
  const scan = scanText(parsed.rawText);
  const detected = detectBoilerplate(parsed.rawText, scan);
  const boilerplate = mergeSpans([...parsed.boilerplate, ...detected], parsed.rawText.length);
  const metadata = mergeMetadata(parsed.metadata, metadataFromText(parsed.rawText, boilerplate, scan));
  return { ok: true, value: { ...parsed, metadata, boilerplate, encoding } };
}

function extractText(bytes: Uint8Array, fileName: string, format: SourceFormat): ExtractionOutcome {
  const decoded = decodeBytes(bytes, { htmlMetaCharset: format === 'html' });
  if (!decoded.ok) return decoded;
  return finish(parseText(format, decoded.text), decoded.encoding);
}

const MALFORMED: ExtractionOutcome = { ok: false, error: { code: 'malformed', message: 'This file could not be read: its content is malformed.' } };

/**
 * Extracts a text file (.txt, .md, .html) synchronously, for callers that cannot wait (quote fixtures, tools); PDF,
 * Word and e-mail files are refused as unsupported here and need extractDocument. Never throws.
 */
export function extractTextDocument(bytes: Uint8Array, fileName: string): ExtractionOutcome {
  try {
    const format = formatOfFileName(fileName);
    if (format === null || BINARY_PARSERS[format]) return UNSUPPORTED(fileName);
    if (bytes.length > MAX_FILE_BYTES) return TOO_LARGE;
    return extractText(bytes, fileName, format);
  } catch {
    return MALFORMED;
  }
}

async function extract(bytes: Uint8Array, fileName: string): Promise<ExtractionOutcome> {
  const format = formatOfFileName(fileName);
  if (format === null) return UNSUPPORTED(fileName);
  if (bytes.length > MAX_FILE_BYTES) return TOO_LARGE;
  const parser = BINARY_PARSERS[format];
  if (!parser) return extractText(bytes, fileName, format);
  const parsed = await parser(bytes);
  if (!parsed.ok) return parsed;
  return finish(parsed.value, parsed.value.encoding ?? 'binary');
}

/**
 * Extracts one file: format by extension; text formats decoded, normalized and parsed, PDF, Word and e-mail read by
 * their own parsers; boilerplate and metadata from the parser merged with the text heuristics. Never rejects: every
 * failure is an ExtractionError with a sentence.
 */
export async function extractDocument(bytes: Uint8Array, fileName: string): Promise<ExtractionOutcome> {
  try {
    return await extract(bytes, fileName);
  } catch {
    return MALFORMED;
  }
}
