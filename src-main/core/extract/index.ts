/**
 * The extraction pipeline: file bytes → decoded text → format parser → text heuristics → one Extraction, or an
 * ExtractionError as data. Nothing in here throws to the caller.
 */

import { detectBoilerplate, scanText } from './boilerplate';
import { decodeBytes } from './decode';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePlainText } from './plain';
import { metadataFromText } from './text-metadata';
import type { BoilerplateSpan, DocumentMetadata, ExtractionOutcome, ParsedSource, SourceFormat } from './types';

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
]);

/** File extensions the extractor reads, lowercase with the dot (".txt", ".md", ".html"…). */
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

function parse(format: SourceFormat, text: string): ParsedSource {
  if (format === 'md') return parseMarkdown(text);
  if (format === 'html') return parseHtml(text);
  return parsePlainText(text);
}

function extract(bytes: Uint8Array, fileName: string): ExtractionOutcome {
  const format = formatOfFileName(fileName);
  if (format === null) {
    const message = `Parallax reads .txt, .md and .html files; "${fileName}" is none of these.`;
    return { ok: false, error: { code: 'unsupported-format', message } };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { ok: false, error: { code: 'too-large', message: 'This file is larger than 64 MB, too large to be an article.' } };
  }
  const decoded = decodeBytes(bytes, { htmlMetaCharset: format === 'html' });
  if (!decoded.ok) return decoded;
  const parsed = parse(format, decoded.text);
  if (parsed.rawText === '') {
    return { ok: false, error: { code: 'empty', message: 'The file has no readable text.' } };
  }
  const scan = scanText(parsed.rawText);
  const detected = detectBoilerplate(parsed.rawText, scan);
  const boilerplate = mergeSpans([...parsed.boilerplate, ...detected], parsed.rawText.length);
  const metadata = mergeMetadata(parsed.metadata, metadataFromText(parsed.rawText, boilerplate, scan));
  return { ok: true, value: { ...parsed, metadata, boilerplate, encoding: decoded.encoding } };
}

/**
 * Extracts one file: format by extension, bytes decoded, text normalized and parsed, boilerplate and metadata from
 * the parser merged with the text heuristics. Never throws: every failure is an ExtractionError with a sentence.
 */
export function extractDocument(bytes: Uint8Array, fileName: string): ExtractionOutcome {
  try {
    return extract(bytes, fileName);
  } catch {
    return { ok: false, error: { code: 'malformed', message: 'This file could not be read: its content is malformed.' } };
  }
}
