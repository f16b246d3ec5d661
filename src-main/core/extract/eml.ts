/**
 * E-mail messages (.eml, RFC 5322 + MIME) → the message body as text, the sender, date and subject as metadata, and
 * the attached files Parallax can read. Parsed by mailparser, which never fetches anything; HTML-only bodies go
 * through the same main-text extraction as web pages. Quoted reply history and signatures stay in the text, marked.
 */

import { MailParser, type AddressObject, type AttachmentStream, type EmailAddress, type HeaderLines, type Headers, type MailParserOptions, type MessageText } from 'mailparser';
import { cleanByline, cleanDate, cleanField } from './format-metadata';
import { parseHtml } from './html';
import { isNormalized, normalizeText } from './normalize';
import type { AttachedFile, BoilerplateReason, BoilerplateSpan, DocumentMetadata, ParseOutcome } from './types';

/** Largest message read (64 MiB), the pipeline's own file limit: a bigger file is a mailbox dump, not a message. */
export const MAX_EML_BYTES = 64 * 1024 * 1024;
/** At most this many attached files are returned; further ones are skipped without error. */
export const MAX_ATTACHMENTS = 50;
/** At most this many bytes of attached files in all (64 MiB); attachments beyond it are skipped without error. */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;
/** Limits of one parse; the defaults are the constants above, tests lower them to reach them cheaply. */
export interface EmlLimits {
  maxBytes: number;
  maxAttachments: number;
  maxAttachmentBytes: number;
  /** Time after which a parse still running is stopped and the message refused. */
  deadlineMs: number;
}

/** Longest attachment file name kept, in UTF-16 units (the extension is kept when cutting). */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * Extensions of attachments handed on for ingestion, lowercase with the dot. Kept here rather than imported from
 * index.ts (which imports this module) so the two never form an import cycle; it lists the same formats.
 */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx', '.eml'];

/** The extension an unnamed attachment gets from its MIME type. */
const EXTENSION_BY_TYPE: ReadonlyMap<string, string> = new Map([
  ['text/plain', '.txt'],
  ['text/markdown', '.md'],
  ['text/html', '.html'],
  ['application/xhtml+xml', '.xhtml'],
  ['application/pdf', '.pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
  ['message/rfc822', '.eml'],
]);

/** Longest HTML body handed to the main-text extraction (16 M characters); a longer one is refused as too large. */
const MAX_HTML_CHARS = 16_000_000;
/** Most MIME parts mailsplit builds before giving up (its default): bounds endless boundaries and deep nesting. */
const MAX_MIME_PARTS = 1000;
/** Largest header block of one MIME part (1 MiB, mailsplit's default): bounds absurd header lines. */
const MAX_HEADER_BYTES = 1024 * 1024;
/**
 * A last guard for input that stalls the streaming parser some way the part and header limits miss: the parser is
 * destroyed and the message refused. Ordinary messages, even with attachments of tens of megabytes, take seconds.
 */
const PARSE_DEADLINE_MS = 30_000;

const DEFAULT_LIMITS: EmlLimits = {
  maxBytes: MAX_EML_BYTES,
  maxAttachments: MAX_ATTACHMENTS,
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  deadlineMs: PARSE_DEADLINE_MS,
};

/**
 * mailparser's options, chosen for untrusted mail: no HTML-to-text conversion (HTML goes through our own main-text
 * extraction), no text-to-HTML or link detection (linkify is the costliest part of mailparser on crafted text), no
 * cid: image rewriting (cid: links stay inert text in the HTML, never resolved; mailparser fetches nothing), and
 * every message/rfc822 part kept as a file (ignoreEmbedded) so a forwarded message becomes an .eml attachment
 * instead of being merged into this message's text. The limits are passed on to mailsplit, which splits the MIME tree.
 */
const PARSER_OPTIONS: MailParserOptions & { ignoreEmbedded: boolean; maxChildNodes: number; maxHeadSize: number } = {
  skipHtmlToText: true,
  maxHtmlLengthToParse: MAX_HTML_CHARS,
  skipImageLinks: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  ignoreEmbedded: true,
  maxChildNodes: MAX_MIME_PARTS,
  maxHeadSize: MAX_HEADER_BYTES,
};

/**
 * The part of mailparser's MIME tree read here (MailParser.tree, built as it parses). simpleParser merges every text
 * part into one string and drops their charsets, so the tree is read instead: it says which part the body came from
 * and in which charset it was declared. mailparser is pinned to an exact version; the tests cover these fields.
 */
interface MimePart {
  contentType?: string;
  charset?: string;
  isAttachment?: boolean;
  textContent?: string;
  children?: MimePart[];
}

/** What the streaming parse leaves: the root headers, the raw header lines, the tree and the collected files. */
interface ParsedMessage {
  headers: Headers;
  headerLines: HeaderLines;
  tree: MimePart | null;
  attachments: AttachedFile[];
}

/** A body part turned into normalized text with its spans. */
interface BodyText {
  text: string;
  boilerplate: BoilerplateSpan[];
}

type Refusal = { ok: false; error: { code: 'too-large' | 'malformed' | 'empty'; message: string } };

const TOO_LARGE: Refusal = { ok: false, error: { code: 'too-large', message: 'This e-mail is larger than 64 MB, too large to be read as a message.' } };
const HTML_TOO_LARGE: Refusal = { ok: false, error: { code: 'too-large', message: "This e-mail's HTML body is too large to be read safely." } };
const TOO_COMPLEX: Refusal = { ok: false, error: { code: 'too-large', message: 'This e-mail has too many parts or too long a header to be read safely.' } };
const TOO_SLOW: Refusal = { ok: false, error: { code: 'malformed', message: 'This e-mail could not be read in reasonable time; it may be damaged.' } };
const UNREADABLE: Refusal = { ok: false, error: { code: 'malformed', message: 'This e-mail could not be read: its content is malformed.' } };
const NOT_AN_EMAIL: Refusal = { ok: false, error: { code: 'malformed', message: 'This file does not look like an e-mail: it has no sender, date or subject.' } };
const EMPTY_FILE: Refusal = { ok: false, error: { code: 'empty', message: 'The file is empty.' } };
const NO_TEXT: Refusal = { ok: false, error: { code: 'empty', message: 'This e-mail has no readable text.' } };

// ---------------------------------------------------------------------------------------------------------------
// Attachment names

/** Bidirectional overrides and marks: "invoice\u202Efdp.exe" displays as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Characters Windows refuses in file names. */
const RESERVED_CHARACTERS = /[<>:"|?*]/g;
/** Device names Windows refuses as file names, with or without an extension. */
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** The extension of a file name, lowercase with the dot, or '' when it has none. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/**
 * A sender-supplied file name reduced to a safe base name: folders and ".." removed, control and bidirectional
 * characters removed, Windows-reserved characters replaced, leading dots and edge spaces trimmed, at most 200
 * characters (the extension kept). '' when nothing is left.
 */
export function safeFileName(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').replace(BIDI_CONTROLS, '');
  const base = cleaned.split(/[\\/]/).pop() ?? '';
  let name = base.replace(/\.{2,}/g, '.').replace(RESERVED_CHARACTERS, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED_NAMES.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const extension = extensionOf(name);
    const keep = extension.length <= 16 ? extension : '';
    name = `${name.slice(0, MAX_FILE_NAME_LENGTH - keep.length).trimEnd()}${keep}`;
  }
  return name;
}

/**
 * The name an attachment is handed on under, or null when it is skipped: images (inline or not) and files of a
 * format Parallax does not read. A name without an extension gets its MIME type's; a forwarded message (message/rfc822)
 * is always an .eml; an unnamed part is "attachment-N.<ext>".
 */
export function attachmentFileName(rawName: string | undefined, contentType: string, position: number): string | null {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return null;
  const name = safeFileName(rawName ?? '');
  const extension = extensionOf(name);
  const typeExtension = EXTENSION_BY_TYPE.get(type);
  if (name !== '' && ATTACHMENT_EXTENSIONS.includes(extension)) return name;
  if (typeExtension === undefined) return null;
  if (name === '') return `attachment-${position}${typeExtension}`;
  // "Budget talks" (Outlook names forwarded messages by subject) → "Budget talks.eml"; "notes.xlsx" is skipped.
  if (extension === '' || type === 'message/rfc822') return safeFileName(`${name.slice(0, MAX_FILE_NAME_LENGTH - typeExtension.length)}${typeExtension}`);
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reply history, signatures and legal footers

/*
 * Reasons, from the closest of the existing ones (the reader shows them when offering to restore a span):
 * - quoted reply history (">" lines, the "On … wrote:" line introducing them, Outlook's "-----Original Message-----"
 *   or "From:/Sent:" block and everything after it) → 'metadata-line': it is correspondence apparatus, like a byline
 *   or a dateline, not the message's own text;
 * - the signature ("-- " line and what follows, up to any quoted history) → 'author-bio': it says who the sender is;
 * - confidentiality footers ("This e-mail is confidential…") → 'disclaimer'.
 */
const QUOTE_REASON: BoilerplateReason = 'metadata-line';
const SIGNATURE_REASON: BoilerplateReason = 'author-bio';
const FOOTER_REASON: BoilerplateReason = 'disclaimer';

/** Lines longer than this are prose, never an attribution, separator or header line (keeps every regex cheap). */
const MAX_CUE_LINE = 400;
const QUOTED_LINE = /^>/;
const SIGNATURE_LINE = /^--$/;
/** "On Mon, 3 Nov 2025 at 10:00, Dana Ortiz <dana@example.org> wrote:", possibly wrapped over two lines. */
const ATTRIBUTION_START = /^On\s/;
const ATTRIBUTION_END = /\bwrote:$/;
/** A strong attribution names an address or a time, so "On Monday the mayor wrote:" in prose never matches. */
const ATTRIBUTION_EVIDENCE = /@|\b\d{1,2}:\d{2}\b/;
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:Original Message|Forwarded by .{0,80}|Reply message)\s*-{2,}$/i;
const OUTLOOK_FROM = /^From:\s.{1,300}$/;
const OUTLOOK_NEXT = /^(?:Sent|Date):\s/;
const CONFIDENTIAL_FOOTER =
  /^(?:\*{0,2}\s*)?(?:confidentiality notice|confidential(?:ity)? (?:statement|disclaimer)|this (?:e-?mail|message|communication|transmission)\b[^.]{0,160}\b(?:is|are|may be|may contain|contains?)\b[^.]{0,160}\b(?:confidential|privileged))/i;

/** Line starts and ends (end excludes the line feed) of LF text, computed once. */
function lineBounds(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    lines.push({ start, end: newline === -1 ? text.length : newline });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Whether lines[index], alone or joined with the next line (clients wrap it), is an "On … wrote:" attribution. */
function attributionLength(lines: readonly string[], index: number): number {
  const first = lines[index] ?? '';
  if (first.length > MAX_CUE_LINE || !ATTRIBUTION_START.test(first)) return 0;
  if (ATTRIBUTION_END.test(first)) return 1;
  const second = lines[index + 1] ?? '';
  return second.length <= MAX_CUE_LINE && ATTRIBUTION_END.test(second) ? 2 : 0;
}

function nextNonBlank(lines: readonly string[], from: number): string {
  for (let index = from; index < lines.length; index += 1) if (lines[index] !== '') return lines[index] ?? '';
  return '';
}

/** Whether the line opens an Outlook history block: "-----Original Message-----", or "From: …" then "Sent: …". */
function opensHistory(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (line.length > MAX_CUE_LINE) return false;
  if (ORIGINAL_MESSAGE.test(line)) return true;
  return OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[index + 1] ?? '');
}

/** Marks each line's reason (or null): quoted history, then signatures, then confidentiality footers. */
function markLines(lines: readonly string[]): Array<BoilerplateReason | null> {
  const marks: Array<BoilerplateReason | null> = lines.map(() => null);
  const markFrom = (from: number, to: number, reason: BoilerplateReason): void => {
    for (let index = from; index < to; index += 1) marks[index] = reason;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (QUOTED_LINE.test(line)) {
      marks[index] = QUOTE_REASON;
      continue;
    }
    if (opensHistory(lines, index)) {
      markFrom(index, lines.length, QUOTE_REASON);
      break;
    }
    const attribution = attributionLength(lines, index);
    if (attribution === 0) continue;
    if (QUOTED_LINE.test(nextNonBlank(lines, index + attribution))) {
      markFrom(index, index + attribution, QUOTE_REASON);
      index += attribution - 1;
    } else if (ATTRIBUTION_EVIDENCE.test(lines.slice(index, index + attribution).join(' '))) {
      // No ">" markers (HTML mail, Outlook): the history is everything after the attribution.
      markFrom(index, lines.length, QUOTE_REASON);
      break;
    }
  }
  for (let index = 0; index < lines.length; index += 1) {
    if (marks[index] !== null || !SIGNATURE_LINE.test(lines[index] ?? '')) continue;
    let end = index + 1;
    while (end < lines.length && marks[end] === null) end += 1;
    markFrom(index, end, SIGNATURE_REASON);
    index = end;
  }
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (marks[index] !== null || (index > 0 && lines[index - 1] !== '') || !CONFIDENTIAL_FOOTER.test(line.slice(0, MAX_CUE_LINE))) continue;
    let end = index;
    while (end < lines.length && lines[end] !== '' && marks[end] === null) end += 1;
    markFrom(index, end, FOOTER_REASON);
  }
  return marks;
}

/**
 * Boilerplate spans of an e-mail body (normalized text): quoted reply history, signatures and confidentiality
 * footers. Spans cover whole lines with their line feed; lines of one reason separated only by blank lines form one
 * span. Linear in the text's length.
 */
export function replyBoilerplate(text: string): BoilerplateSpan[] {
  if (text === '') return [];
  const bounds = lineBounds(text);
  const lines = bounds.map((bound) => text.slice(bound.start, bound.end));
  const marks = markLines(lines);
  const spans: BoilerplateSpan[] = [];
  let open: BoilerplateSpan | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const bound = bounds[index];
    if (bound === undefined || lines[index] === '') continue;
    const reason = marks[index] ?? null;
    const end = Math.min(text.length, bound.end + 1);
    if (open !== null && reason === open.reason) {
      open.end = end;
      continue;
    }
    if (open !== null) spans.push(open);
    open = reason === null ? null : { start: bound.start, end, reason };
  }
  if (open !== null) spans.push(open);
  return spans;
}

/** Spans sorted by start, clamped to the text; a span overlapping an earlier one is cut to start after it. */
function orderedSpans(spans: readonly BoilerplateSpan[], length: number): BoilerplateSpan[] {
  const sorted = [...spans].sort((left, right) => left.start - right.start || right.end - left.end);
  const ordered: BoilerplateSpan[] = [];
  let reached = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, reached, 0);
    const end = Math.min(span.end, length);
    if (end <= start) continue;
    ordered.push({ start, end, reason: span.reason });
    reached = end;
  }
  return ordered;
}

// ---------------------------------------------------------------------------------------------------------------
// Body

/** The text and HTML body parts in document order (attachments and forwarded messages excluded), walked iteratively. */
function bodyParts(tree: MimePart | null): { plain: MimePart[]; html: MimePart[] } {
  const plain: MimePart[] = [];
  const html: MimePart[] = [];
  const stack: MimePart[] = tree === null ? [] : [tree];
  while (stack.length > 0) {
    const part = stack.pop();
    if (part === undefined) break;
    const children = Array.isArray(part.children) ? part.children : [];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
    if (part.isAttachment === true || typeof part.textContent !== 'string') continue;
    const type = (part.contentType ?? '').toLowerCase();
    if (type === 'text/plain') plain.push(part);
    else if (type === 'text/html') html.push(part);
  }
  return { plain, html };
}

/** Texts of several parts joined by a blank line, spans shifted into the joined text. */
function joinBodies(bodies: readonly BodyText[]): BodyText {
  let text = '';
  const boilerplate: BoilerplateSpan[] = [];
  for (const body of bodies) {
    if (body.text === '') continue;
    if (text !== '') text += '\n\n';
    const offset = text.length;
    for (const span of body.boilerplate) boilerplate.push({ ...span, start: span.start + offset, end: span.end + offset });
    text += body.text;
  }
  // Joining normalized texts with one blank line keeps them normalized; if a part began with a combining mark that
  // NFC would compose across the join, the text is normalized again and the spans, whose offsets moved, dropped.
  if (!isNormalized(text)) return { text: normalizeText(text), boilerplate: [] };
  return { text, boilerplate };
}

function plainBody(part: MimePart): BodyText {
  const text = normalizeText(part.textContent ?? '');
  return { text, boilerplate: replyBoilerplate(text) };
}

/** An HTML part through the main-text extraction (chrome, scripts and styles removed), then the reply marks. */
function htmlBody(part: MimePart): BodyText {
  const parsed = parseHtml(part.textContent ?? '');
  const text = normalizeText(parsed.rawText);
  const fromHtml = text === parsed.rawText ? parsed.boilerplate : [];
  return { text, boilerplate: orderedSpans([...fromHtml, ...replyBoilerplate(text)], text.length) };
}

function charsetOf(part: MimePart | undefined): string {
  const charset = cleanField(part?.charset);
  return charset === null ? 'utf-8' : charset.toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Headers

/** The first mailbox of an address header, looking inside groups ("Team: a@x, b@y;"). */
function firstMailbox(value: unknown): EmailAddress | null {
  const addresses = (value as AddressObject | undefined)?.value;
  const queue: EmailAddress[] = Array.isArray(addresses) ? [...addresses] : [];
  for (let seen = 0; seen < 100 && queue.length > 0; seen += 1) {
    const address = queue.shift();
    if (address === undefined) break;
    if (cleanField(address.name) !== null || cleanField(address.address) !== null) {
      if (!Array.isArray(address.group)) return address;
    }
    if (Array.isArray(address.group)) queue.push(...address.group);
  }
  return null;
}

/** The sender as a byline: the From display name, else the bare address. */
function senderByline(headers: Headers): string | null {
  const mailbox = firstMailbox(headers.get('from'));
  if (mailbox === null) return null;
  return cleanByline(mailbox.name) ?? cleanField(mailbox.address);
}

/**
 * The Date header as an ISO timestamp, read from the raw header line: mailparser replaces an unparseable date with
 * the current time, which would be a wrong date rather than an unknown one. The value must name a four-digit year
 * that the parsed date agrees with, so JavaScript's lenient parsing cannot turn "12" into 2001-12-01.
 */
function sentDate(headerLines: HeaderLines): string | null {
  const line = headerLines.find((header) => header.key === 'date')?.line ?? '';
  const value = line.replace(/^[^:]*:/, '').replace(/\r?\n[ \t]+/g, ' ').trim().slice(0, 200);
  const year = /\b(\d{4})\b/.exec(value)?.[1];
  if (year === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || Math.abs(date.getUTCFullYear() - Number(year)) > 1) return null;
  return cleanDate(date);
}

function metadataOf(message: ParsedMessage): DocumentMetadata {
  const subject = message.headers.get('subject');
  return {
    title: typeof subject === 'string' ? cleanField(subject) : null,
    // The sender's organisation cannot be told from a message: the address's domain may be a webmail provider, a
    // personal domain or a PR agency, and a signature's company line is not reliably findable, so outlet stays unknown.
    outlet: null,
    byline: senderByline(message.headers),
    published: sentDate(message.headerLines),
    url: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

/**
 * Stops a parse for good. MailParser.destroy() alone leaves its splitter working through the buffered input in the
 * background, so the splitter is destroyed too and the parser flagged as failed (its read loop checks the flag).
 */
function stopParser(parser: MailParser): void {
  const internals = parser as unknown as { hasFailed?: boolean; splitter?: { destroy?: () => void }; chunkedPassthrough?: { destroy?: () => void } };
  internals.hasFailed = true;
  internals.splitter?.destroy?.();
  internals.chunkedPassthrough?.destroy?.();
  parser.destroy();
}

/** Reads the message with mailparser: root headers, MIME tree and the wanted attachments, or a refusal. */
function readMessage(bytes: Uint8Array, limits: EmlLimits): Promise<{ ok: true; message: ParsedMessage } | Refusal> {
  return new Promise((resolve) => {
    const parser = new MailParser(PARSER_OPTIONS);
    const attachments: AttachedFile[] = [];
    let attachmentBytes = 0;
    let position = 0;
    let headers: Headers = new Map();
    let settled = false;
    const settle = (outcome: { ok: true; message: ParsedMessage } | Refusal): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(outcome);
    };
    const deadline = setTimeout(() => {
      settle(TOO_SLOW);
      stopParser(parser);
    }, limits.deadlineMs);

    parser.on('headers', (parsed: Headers) => {
      headers = parsed;
    });
    parser.on('error', (error: unknown) => {
      settle((error as { code?: unknown } | null)?.code === 'EMAXLEN' ? TOO_COMPLEX : UNREADABLE);
      stopParser(parser);
    });
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type !== 'attachment') return;
      position += 1;
      const fileName = attachments.length < limits.maxAttachments ? attachmentFileName(data.filename, data.contentType, position) : null;
      const chunks: Buffer[] = [];
      let size = 0;
      // Every attachment is read to its end (the parser waits for it), but only a wanted one is kept in memory.
      data.content.on('data', (chunk: Buffer) => {
        if (fileName === null || attachmentBytes + size > limits.maxAttachmentBytes) return;
        chunks.push(chunk);
        size += chunk.length;
      });
      data.content.on('end', () => {
        if (fileName !== null && attachmentBytes + size <= limits.maxAttachmentBytes && attachments.length < limits.maxAttachments) {
          attachmentBytes += size;
          attachments.push({ fileName, bytes: new Uint8Array(Buffer.concat(chunks, size)) });
        }
        data.release();
      });
    });
    parser.on('end', () => {
      const internals = parser as unknown as { tree?: unknown; headerLines?: unknown };
      const tree = typeof internals.tree === 'object' && internals.tree !== null ? (internals.tree as MimePart) : null;
      const headerLines = Array.isArray(internals.headerLines) ? (internals.headerLines as HeaderLines) : [];
      settle({ ok: true, message: { headers, headerLines, tree, attachments } });
    });
    parser.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** The body: text/plain parts when they hold text, else the HTML parts through main-text extraction. */
function bodyOf(tree: MimePart | null): { ok: true; body: BodyText; encoding: string } | Refusal {
  const parts = bodyParts(tree);
  const plain = joinBodies(parts.plain.map(plainBody));
  if (plain.text !== '') {
    const used = parts.plain.find((part) => normalizeText(part.textContent ?? '') !== '');
    return { ok: true, body: plain, encoding: charsetOf(used) };
  }
  const htmlLength = parts.html.reduce((total, part) => total + (part.textContent ?? '').length, 0);
  if (htmlLength > MAX_HTML_CHARS) return HTML_TOO_LARGE;
  const bodies = parts.html.map(htmlBody);
  const used = parts.html[bodies.findIndex((body) => body.text !== '')];
  return { ok: true, body: joinBodies(bodies), encoding: charsetOf(used) };
}

/** Whether the bytes are only ASCII whitespace (or none at all). */
function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
}

async function parseMessage(bytes: Uint8Array, limits: EmlLimits): Promise<ParseOutcome> {
  if (bytes.length > limits.maxBytes) return TOO_LARGE;
  if (isBlank(bytes)) return EMPTY_FILE;
  const read = await readMessage(bytes, limits);
  if (!read.ok) return read;
  const { message } = read;
  if (!['from', 'date', 'subject'].some((key) => message.headers.has(key))) return NOT_AN_EMAIL;
  const metadata = metadataOf(message);
  const body = bodyOf(message.tree);
  if (!body.ok) return body;
  let { text, boilerplate } = body.body;
  if (text === '') {
    // A message that only carries files ("Fwd: the report", PDF attached) keeps its subject as its text, so the
    // attachments still have a carrier document to be linked to; with no subject either, there is nothing to read.
    if (message.attachments.length === 0 || metadata.title === null) return NO_TEXT;
    text = normalizeText(metadata.title);
    boilerplate = [];
  }
  return {
    ok: true,
    value: {
      format: 'eml',
      rawText: text,
      metadata,
      boilerplate: orderedSpans(boilerplate, text.length),
      attachments: message.attachments,
      encoding: body.encoding,
    },
  };
}

/**
 * Parses an e-mail message (.eml): body text (text/plain preferred, else the HTML body's main text) with quoted
 * history, signature and confidentiality footer marked as boilerplate; sender, date and subject as metadata; and
 * the attached files Parallax can read. Never rejects: every failure is an ExtractionError with a sentence.
 */
export async function parseEml(bytes: Uint8Array, limits: Partial<EmlLimits> = {}): Promise<ParseOutcome> {
  try {
    return await parseMessage(bytes, { ...DEFAULT_LIMITS, ...limits });
  } catch {
    return UNREADABLE;
  }
}
