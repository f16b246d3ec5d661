/**
 * Bytes → text: byte order marks, UTF-8, UTF-16, Windows-1252 fallback, HTML <meta charset>, and refusal of binary
 * files with a sentence the reporter understands.
 */

import type { ExtractionError } from './types';

/** The result of decoding: the text and the encoding it was read from, or why the bytes are not text. */
export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; error: ExtractionError };

/** Options of decodeBytes. */
export interface DecodeOptions {
  /** Honour a <meta charset> or http-equiv content-type declaration in the first 4 KB (HTML files). */
  htmlMetaCharset?: boolean;
}

interface Signature {
  bytes: ReadonlyArray<number | null>;
  offset?: number;
  what: string;
}

/** File signatures of common non-text formats; null matches any byte. */
const SIGNATURES: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38, null, 0x61], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'a WebP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word, Excel or EPUB file)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59], what: 'a bzip2-compressed file' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz-compressed file' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'a zstd-compressed file' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF executable)' },
  { bytes: [0x4d, 0x5a, 0x90, 0x00], what: 'a Windows program' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74], what: 'an SQLite database' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], what: 'an Ogg audio or video file' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, what: 'an MP4 video or audio file' },
  { bytes: [0x77, 0x4f, 0x46, 0x46], what: 'a web font' },
];

/** Windows-1252 characters of bytes 0x80–0x9F (0 = undefined there; the byte stays a C1 control, as WHATWG says). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const EXCLUDED_ENCODINGS = new Set(['utf-16le', 'utf-16be', 'replacement', 'x-user-defined']);

function refuse(code: ExtractionError['code'], message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}

function startsWith(bytes: Uint8Array, expected: ReadonlyArray<number | null>, offset = 0): boolean {
  if (bytes.length < offset + expected.length) return false;
  for (let index = 0; index < expected.length; index += 1) {
    const value = expected[index];
    if (value !== null && bytes[offset + index] !== value) return false;
  }
  return true;
}

/** The non-text format the bytes start like, e.g. "a PNG image", or null. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  const match = SIGNATURES.find((signature) => startsWith(bytes, signature.bytes, signature.offset));
  return match?.what ?? null;
}

/** How BOM-less bytes look like UTF-16: plainly (ASCII with a zero in every other byte), possibly, or not at all. */
interface Utf16Guess {
  encoding: 'utf-16le' | 'utf-16be';
  /** Mostly ASCII, so surely UTF-16; otherwise the bytes must also decode without a broken surrogate. */
  plain: boolean;
}

/** Whether a byte beside a zero is what ASCII text holds: printable, tab, line feed or carriage return. */
function isTextByte(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** What the bytes beside the zeros on one side of each pair are: plain ASCII text, and how much of it is whitespace. */
interface ZeroSide {
  zeros: number;
  text: number;
  spaces: number;
}

/** Whether a side's zeros look like the ASCII of text in another script: ≥ 5% of pairs, all text, a fifth spaces. */
function looksLikeAsciiOfText(side: ZeroSide, other: ZeroSide, pairs: number): boolean {
  return side.zeros >= pairs * 0.05 && other.zeros === 0 && side.text >= side.zeros * 0.95 && side.spaces >= side.zeros * 0.2;
}

/**
 * Which UTF-16 byte order BOM-less bytes look like. ASCII text has a zero in every other byte; text in another script
 * (Greek, Cyrillic…) still has one for each space, digit and punctuation mark, always on the same side of the pair.
 */
function sniffUtf16(bytes: Uint8Array): Utf16Guess | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return null;
  // Every guess needs zeros in the sample; most files have none, which indexOf tells without the loop below.
  if (bytes.subarray(0, length).indexOf(0) === -1) return null;
  const even: ZeroSide = { zeros: 0, text: 0, spaces: 0 };
  const odd: ZeroSide = { zeros: 0, text: 0, spaces: 0 };
  const count = (side: ZeroSide, beside: number) => {
    side.zeros += 1;
    if (isTextByte(beside)) side.text += 1;
    if (beside === 0x20 || beside === 0x0a || beside === 0x0d || beside === 0x09) side.spaces += 1;
  };
  for (let index = 0; index < length; index += 2) {
    const first = bytes[index] ?? 0;
    const second = bytes[index + 1] ?? 0;
    if (first === 0) count(even, second);
    if (second === 0) count(odd, first);
  }
  const pairs = length / 2;
  if (odd.zeros >= pairs * 0.9 && even.zeros <= pairs * 0.02) return { encoding: 'utf-16le', plain: true };
  if (even.zeros >= pairs * 0.9 && odd.zeros <= pairs * 0.02) return { encoding: 'utf-16be', plain: true };
  if (looksLikeAsciiOfText(odd, even, pairs)) return { encoding: 'utf-16le', plain: false };
  if (looksLikeAsciiOfText(even, odd, pairs)) return { encoding: 'utf-16be', plain: false };
  return null;
}

/** UTF-16 without a BOM: leniently when plainly UTF-16, else only when every surrogate pair is whole. */
function decodeBareUtf16(bytes: Uint8Array, guess: Utf16Guess): string | null {
  try {
    return new TextDecoder(guess.encoding, { fatal: !guess.plain }).decode(bytes);
  } catch {
    return null;
  }
}

/** Index of the last byte that is not zero, or -1. */
function lastNonZero(bytes: Uint8Array): number {
  let index = bytes.length - 1;
  while (index >= 0 && bytes[index] === 0) index -= 1;
  return index;
}

function countZeros(bytes: Uint8Array): number {
  if (bytes.indexOf(0) === -1) return 0;
  let zeros = 0;
  for (let index = 0; index < bytes.length; index += 1) if (bytes[index] === 0) zeros += 1;
  return zeros;
}

/** Share of characters that are control characters no text file contains (tab, line and page breaks allowed). */
function controlShare(text: string): number {
  const sample = text.length > 1 << 20 ? text.slice(0, 1 << 20) : text;
  if (sample.length === 0) return 0;
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u007F-\u009F\uFFFD]/g);
  return (controls?.length ?? 0) / sample.length;
}

/** Decoders shared by every call: UTF-8 decoding keeps no state between whole (non-streaming) decode calls. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const LENIENT_UTF8 = new TextDecoder('utf-8');

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of the well-formed UTF-8 sequence starting at a byte ≥ 0x80, or 0 when it is broken (WHATWG's ranges). */
function utf8SequenceLength(bytes: Uint8Array, start: number): number {
  const lead = bytes[start] ?? 0;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let offset = 1; offset < length; offset += 1) {
    const byte = bytes[start + offset];
    if (byte === undefined || byte < low || byte > high) return 0;
    low = 0x80;
    high = 0xbf;
  }
  return length;
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few damaged bytes: well-formed multi-byte sequences
 * (accents, curly quotes) outnumber broken bytes at least two to one. Windows-1252 text has almost no well-formed ones.
 */
function isDamagedUtf8(bytes: Uint8Array): boolean {
  let wellFormed = 0;
  let broken = 0;
  for (let index = 0; index < bytes.length; ) {
    if ((bytes[index] ?? 0) < 0x80) {
      index += 1;
      continue;
    }
    const length = utf8SequenceLength(bytes, index);
    if (length === 0) {
      broken += 1;
      index += 1;
    } else {
      wellFormed += 1;
      index += length;
    }
  }
  return wellFormed > 0 && broken * 2 <= wellFormed;
}

/** UTF-8, or damaged UTF-8 with each broken byte replaced by U+FFFD; null when the bytes are some other encoding. */
function decodeUtf8Leniently(bytes: Uint8Array): string | null {
  return decodeUtf8(bytes) ?? (isDamagedUtf8(bytes) ? LENIENT_UTF8.decode(bytes) : null);
}

/** Windows-1252 decoding that maps 0x80–0x9F to “curly quotes”, € and the rest even where the runtime maps them to C1. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin = new TextDecoder('windows-1252').decode(bytes);
  return latin.replace(/[\u0080-\u009F]/g, (control) => {
    const mapped = WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80] ?? 0;
    return mapped === 0 ? control : String.fromCharCode(mapped);
  });
}

/** The canonical name of an encoding the runtime decodes, or null for unknown, UTF-16 or unsafe labels. */
function supportedEncoding(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim().toLowerCase()).encoding;
    return EXCLUDED_ENCODINGS.has(encoding) ? null : encoding;
  } catch {
    return null;
  }
}

/** The encoding an HTML file declares in a <meta> tag within its first 4 KB, canonical name, or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = META_CHARSET.exec(head);
  return match?.[1] === undefined ? null : supportedEncoding(match[1]);
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index += 1) if ((bytes[index] ?? 0) > 0x7f) return true;
  return false;
}

/** Picks the encoding of BOM-less, non-UTF-16 bytes and decodes them. */
function decodeSingleByteOrUtf8(bytes: Uint8Array, options: DecodeOptions): { text: string; encoding: string } {
  const utf8 = decodeUtf8Leniently(bytes);
  const declared = options.htmlMetaCharset ? declaredHtmlCharset(bytes) : null;
  if (declared !== null && declared !== 'utf-8') {
    // Valid UTF-8 with multi-byte characters is UTF-8 whatever a stale <meta> says (pages re-saved by a browser).
    if (utf8 === null || !hasNonAscii(bytes)) return { text: decodeWith(declared, bytes), encoding: declared };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function finish(text: string, encoding: string): DecodeResult {
  if (text.trim() === '') return refuse('empty', 'The file is empty.');
  if (controlShare(text) > 0.05) return refuse('binary', 'This file contains binary data, not readable text.');
  return { ok: true, text, encoding };
}

/**
 * Decodes file bytes to text. UTF-8 (BOM stripped), UTF-16 with a BOM (or plainly UTF-16 ASCII), otherwise
 * Windows-1252; HTML files may declare their charset. Binary and empty files are refused as data, never thrown.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return refuse('empty', 'The file is empty.');
  const format = sniffBinaryFormat(bytes);
  if (format !== null) return refuse('binary', `This file looks like ${format}, not text.`);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const rest = bytes.subarray(3);
    const utf8 = decodeUtf8Leniently(rest);
    if (utf8 !== null) return finish(utf8, 'utf-8');
    return finish(decodeWindows1252(rest), 'windows-1252');
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16 !== null) return finish(new TextDecoder(utf16).decode(bytes.subarray(2)), utf16);
  const bareUtf16 = sniffUtf16(bytes);
  const bareText = bareUtf16 === null ? null : decodeBareUtf16(bytes, bareUtf16);
  if (bareUtf16 !== null && bareText !== null) return finish(bareText, bareUtf16.encoding);
  // Zeros padding the end (a download or copy cut short on a preallocated file) are dropped; the text before is read.
  const text = bytes.subarray(0, lastNonZero(bytes) + 1);
  const zeros = countZeros(text);
  if (zeros > Math.max(1, text.length / 1000)) {
    return refuse('binary', `This file has NUL bytes all through it (${zeros} of ${text.length} bytes): it is binary data or a damaged file, not readable text.`);
  }
  if (text.length === 0) return refuse('empty', 'The file holds nothing but NUL bytes.');
  const decoded = decodeSingleByteOrUtf8(text, options);
  return finish(decoded.text, decoded.encoding);
}
