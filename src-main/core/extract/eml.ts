/**
 * E-mail messages (.eml, RFC 5322 + MIME) → the message body as text, the sender, date and subject as metadata, and
 * the attached files Parallax can read. Parsed by mailparser, which never fetches anything; HTML-only bodies go
 * through the same main-text extraction as web pages. Quoted reply history and signatures stay in the text, marked
 * (eml-replies.ts); attachments are named by eml-attachment-names.ts.
 */

import { MailParser, type AddressObject, type AttachmentStream, type EmailAddress, type HeaderLines, type Headers, type MailParserOptions, type MessageText } from 'mailparser';
import { attachmentFileName } from './eml-attachment-names';
import { replyBoilerplate } from './eml-replies';
import { cleanByline, cleanDate, cleanField } from './format-metadata';
import { parseHtml } from './html';
import { isNormalized, normalizeText } from './normalize';
import type { AttachedFile, BoilerplateSpan, DocumentMetadata, ParseOutcome } from './types';

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
