/**
 * E-mail fixtures: RFC 5322 messages built from a few fields, so tests of every feature (extraction, ingest, quotes,
 * compare, notebook) can feed Parallax .eml files without checking binary samples in. Lines end in CRLF; bodies are
 * encoded in the charset and transfer encoding asked for; attachments are base64 wrapped at 76 columns.
 */

/** One attached file of a fixture message. */
export interface EmlAttachment {
  /** The file name as the sender's mail client wrote it (may hold folders or non-ASCII; written as RFC 2231 then). */
  fileName: string;
  /** The part's MIME type, e.g. "application/pdf", "image/png", "message/rfc822" (a forwarded message). */
  contentType: string;
  bytes: Uint8Array;
  /** "attachment" (the default) or "inline" (an image shown in the HTML body). */
  disposition?: 'attachment' | 'inline';
  /** Content-ID without angle brackets, for inline images referenced as cid: in the HTML. */
  contentId?: string;
}

/** Body charsets the fixture can encode (others are written as UTF-8 bytes but labelled as asked). */
export type EmlCharset = 'utf-8' | 'us-ascii' | 'iso-8859-1' | 'windows-1252';

/** The fields of a fixture message. */
export interface EmlOptions {
  /** From header, e.g. '"Dana Ortiz" <dana@example.org>'; a non-ASCII display name is written as an RFC 2047 word. */
  from: string;
  /** To header, written as given. */
  to: string;
  /** Date header: a Date (written as RFC 5322 date-time in UTC) or a string written as given (even an invalid one). */
  date: string | Date;
  /** Subject header; non-ASCII is written as an RFC 2047 encoded word (UTF-8, base64). ASCII is written as given. */
  subject: string;
  /** The text/plain body; paragraphs separated by blank lines, LF or CRLF. */
  text?: string;
  /** The text/html body; with text as well, both go in a multipart/alternative. */
  html?: string;
  /** Attached files; with any, the body goes in a multipart/mixed before them. */
  attachments?: EmlAttachment[];
  /** Charset of the text and HTML parts (default utf-8); characters it cannot hold become "?". */
  charset?: EmlCharset;
  /** Content-Transfer-Encoding of the text and HTML parts (default 8bit). */
  transferEncoding?: 'quoted-printable' | 'base64' | '8bit';
  /** Extra header lines, written after the standard ones, as given ("X-Mailer: Test"). */
  extraHeaders?: string[];
}

const CRLF = '\r\n';

/** Windows-1252 bytes 0x80–0x9F that differ from ISO-8859-1, by character. */
const WINDOWS_1252: ReadonlyMap<string, number> = new Map([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88], ['‰', 0x89],
  ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['•', 0x95],
  ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b], ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

/** The text as bytes of the charset. */
export function encodeCharset(text: string, charset: EmlCharset): Uint8Array {
  if (charset === 'utf-8') return new TextEncoder().encode(text);
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    const limit = charset === 'us-ascii' ? 0x80 : 0x100;
    const mapped = charset === 'windows-1252' ? WINDOWS_1252.get(character) : undefined;
    if (mapped !== undefined) bytes.push(mapped);
    else if (code < limit && !(charset === 'windows-1252' && code >= 0x80 && code <= 0x9f)) bytes.push(code);
    else bytes.push(0x3f);
  }
  return Uint8Array.from(bytes);
}

/** Base64 in lines of 76 characters, CRLF-terminated, as RFC 2045 requires. */
export function base64Lines(bytes: Uint8Array): string {
  const encoded = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += 76) lines.push(encoded.slice(start, start + 76));
  return lines.join(CRLF);
}

/** Quoted-printable (RFC 2045): line breaks kept as hard breaks, lines soft-wrapped below 76 characters. */
export function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string): void => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (byte === 0x0d && bytes[index + 1] === 0x0a) continue;
    if (byte === 0x0a) {
      // A space or tab before a hard break would be stripped in transit, so it is encoded.
      if (line.endsWith(' ') || line.endsWith('\t')) line = `${line.slice(0, -1)}=${line.endsWith(' ') ? '20' : '09'}`;
      lines.push(line);
      line = '';
      continue;
    }
    const literal = (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20 || byte === 0x09;
    push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  if (line.endsWith(' ') || line.endsWith('\t')) line = `${line.slice(0, -1)}=${line.endsWith(' ') ? '20' : '09'}`;
  lines.push(line);
  return lines.join(CRLF);
}

/** An RFC 2047 encoded word (UTF-8, base64) for non-ASCII header text; ASCII is returned as is. */
export function encodedWord(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** A From/To value with a non-ASCII display name ("Zoë Ærø" <z@x.org>) encoded as an RFC 2047 word. */
function encodedAddress(value: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(value);
  if (match === null) return value;
  const [, name = '', address = ''] = match;
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name)) return value;
  return `${encodedWord(name)} <${address}>`;
}

/** A header parameter value: quoted ASCII, or an RFC 2231 extended value for non-ASCII. */
function parameter(name: string, value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(value)) return `${name}="${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
  return `${name}*=UTF-8''${encodeURIComponent(value)}`;
}

function dateHeader(date: string | Date): string {
  if (typeof date === 'string') return date;
  // toUTCString gives "Mon, 03 Nov 2025 14:05:00 GMT", a valid RFC 5322 date-time.
  return date.toUTCString();
}

/** One body part (text or HTML) in the charset and transfer encoding asked for. */
function bodyPart(subtype: 'plain' | 'html', content: string, options: EmlOptions): string {
  const charset = options.charset ?? 'utf-8';
  const transfer = options.transferEncoding ?? '8bit';
  const bytes = encodeCharset(content.replace(/\r?\n/g, '\r\n'), charset);
  const body =
    transfer === 'base64' ? base64Lines(bytes) : transfer === 'quoted-printable' ? quotedPrintable(bytes) : Buffer.from(bytes).toString('latin1');
  return [`Content-Type: text/${subtype}; charset=${charset}`, `Content-Transfer-Encoding: ${transfer}`, '', body].join(CRLF);
}

function attachmentPart(attachment: EmlAttachment): string {
  const disposition = attachment.disposition ?? 'attachment';
  const headers = [
    `Content-Type: ${attachment.contentType}; ${parameter('name', attachment.fileName)}`,
    `Content-Disposition: ${disposition}; ${parameter('filename', attachment.fileName)}`,
  ];
  if (attachment.contentId !== undefined) headers.push(`Content-ID: <${attachment.contentId}>`);
  // A forwarded message travels as 8bit text (RFC 2046 forbids base64 for message/rfc822); every other file as base64.
  if (attachment.contentType.toLowerCase() === 'message/rfc822') {
    return [...headers, 'Content-Transfer-Encoding: 8bit', '', Buffer.from(attachment.bytes).toString('latin1')].join(CRLF);
  }
  return [...headers, 'Content-Transfer-Encoding: base64', '', base64Lines(attachment.bytes)].join(CRLF);
}

let boundaryCount = 0;

/** A multipart body of the given parts, with a boundary that appears in none of them. */
function multipart(subtype: 'alternative' | 'mixed', parts: string[]): string {
  boundaryCount += 1;
  const boundary = `=_parallax_${subtype}_${boundaryCount}_${'x'.repeat(8)}`;
  const body = parts.map((part) => `--${boundary}${CRLF}${part}`).join(CRLF);
  return [`Content-Type: multipart/${subtype}; boundary="${boundary}"`, '', 'This is a multi-part message in MIME format.', body, `--${boundary}--`, ''].join(CRLF);
}

/** The message's bytes (RFC 5322, CRLF): headers, then the body as a single part or multipart as the options need. */
export function makeEml(options: EmlOptions): Uint8Array {
  const headers = [
    `From: ${encodedAddress(options.from)}`,
    `To: ${encodedAddress(options.to)}`,
    `Date: ${dateHeader(options.date)}`,
    `Subject: ${encodedWord(options.subject)}`,
    'Message-ID: <fixture@parallax.test>',
    'MIME-Version: 1.0',
    ...(options.extraHeaders ?? []),
  ];
  const bodies: string[] = [];
  if (options.text !== undefined) bodies.push(bodyPart('plain', options.text, options));
  if (options.html !== undefined) bodies.push(bodyPart('html', options.html, options));
  const body = bodies.length > 1 ? multipart('alternative', bodies) : bodies[0];
  const attachments = (options.attachments ?? []).map(attachmentPart);
  const parts = body === undefined ? attachments : [body, ...attachments];
  const content = attachments.length > 0 ? multipart('mixed', parts) : (body ?? bodyPart('plain', '', options));
  return Buffer.from(`${headers.join(CRLF)}${CRLF}${content}`, 'latin1');
}

/** The sender, recipient and date an article e-mail gets unless told otherwise. */
export const ARTICLE_EML_DEFAULTS = {
  from: '"Dana Ortiz" <dana@example.org>',
  to: 'desk@newsroom.example',
  date: new Date('2025-11-03T14:05:00Z'),
  subject: 'Council approves the harbour budget',
} as const;

/**
 * A plain-text e-mail whose body is the paragraphs separated by blank lines; info overrides any field (sender, date,
 * subject, charset, attachments…). The quickest way to get an .eml article into a test.
 */
export function makeArticleEml(paragraphs: string[], info: Partial<EmlOptions> = {}): Uint8Array {
  return makeEml({ ...ARTICLE_EML_DEFAULTS, text: paragraphs.join('\n\n'), ...info });
}
