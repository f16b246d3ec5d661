/**
 * Document fingerprints for finding shared passages across a library: normalized words (as the reader's shared
 * passages compare them), stable 32-bit hashes of their 5-word n-grams, and winnowing (Schleimer, Wilkerson and
 * Aiken, 2003) to keep a few of those hashes per document with their word positions, small enough to store.
 */
import { WordDictionary, finalize, scanWords } from './word-scan';

/** Version of the words, hashes and winnowing behind a fingerprint; a stored blob of another version must be redone. */
export const FINGERPRINT_VERSION = 1;

/** Words per n-gram: the seed size of the reader's passage alignment, so every alignment seed is an n-gram here. */
export const GRAM_WORDS = 5;

/**
 * Winnowing window (in n-grams): any verbatim run of WINDOW + GRAM_WORDS - 1 = 8 normalized words shared by two
 * documents leaves them a fingerprint in common, at a density of about 2 / (WINDOW + 1) = 40% of positions.
 */
export const DEFAULT_WINDOW = 4;

/** A document's winnowed fingerprints: n-gram hashes and the word positions where those n-grams start, ascending. */
export interface Fingerprints {
  /** Normalized words in the document. */
  words: number;
  /** Winnowing window these were selected with. */
  window: number;
  hashes: Int32Array;
  positions: Int32Array;
}

/** A text ready for library comparison: word offsets, word identifiers (one dictionary per run) and n-gram hashes. */
export interface DocumentWords {
  text: string;
  /** [starts[i], ends[i]) is word i in the text (UTF-16 code units). */
  starts: Int32Array;
  ends: Int32Array;
  /** Word identifiers in the run's dictionary: equal words, equal identifiers. */
  words: Int32Array;
  /** Stable hash of the n-gram starting at each word (words.length - GRAM_WORDS + 1 of them, or none). */
  grams: Int32Array;
}

/** Tokenizes a text into compact arrays plus n-gram hashes, for alignment and winnowing (see scanWords). */
export function prepareWords(text: string, dictionary: WordDictionary): DocumentWords {
  const { starts, ends, words } = scanWords(text, dictionary);
  return { text, starts, ends, words, grams: gramHashes(words, dictionary) };
}

/** Hashes each GRAM_WORDS-word n-gram from its words' stable hashes (murmur3 mixing, order-sensitive). */
export function gramHashes(words: Int32Array, dictionary: WordDictionary): Int32Array {
  const count = Math.max(0, words.length - GRAM_WORDS + 1);
  const grams = new Int32Array(count);
  for (let start = 0; start < count; start++) {
    let hash = GRAM_WORDS;
    for (let offset = 0; offset < GRAM_WORDS; offset++) {
      let part = Math.imul(dictionary.hashOf(words[start + offset]!), 0xcc9e2d51);
      part = Math.imul((part << 15) | (part >>> 17), 0x1b873593);
      hash ^= part;
      hash = (Math.imul((hash << 13) | (hash >>> 19), 5) + 0xe6546b64) | 0;
    }
    grams[start] = finalize(hash);
  }
  return grams;
}

/**
 * Robust winnowing: in every window of `window` consecutive n-gram hashes the smallest is kept (on ties the one kept
 * for the previous window if still inside, else the rightmost), each position once. Two texts sharing `window`
 * consecutive n-grams (window + 4 words) thus both keep that window's smallest hash.
 */
export function winnow(grams: Int32Array, window: number = DEFAULT_WINDOW, words: number = grams.length + GRAM_WORDS - 1): Fingerprints {
  if (!Number.isInteger(window) || window < 1 || window > 255) throw new RangeError(`window must be an integer from 1 to 255, not ${window}`);
  const hashes: number[] = [];
  const positions: number[] = [];
  const last = grams.length - Math.min(window, grams.length);
  let chosen = -1;
  for (let start = 0; start <= last && grams.length > 0; start++) {
    const end = Math.min(start + window, grams.length);
    if (chosen < start) {
      chosen = start;
      for (let position = start + 1; position < end; position++) if (grams[position]! <= grams[chosen]!) chosen = position;
    } else if (grams[end - 1]! < grams[chosen]!) {
      chosen = end - 1;
    }
    if (positions.length === 0 || positions[positions.length - 1] !== chosen) {
      positions.push(chosen);
      hashes.push(grams[chosen]!);
    }
  }
  return { words: Math.max(0, words), window, hashes: Int32Array.from(hashes), positions: Int32Array.from(positions) };
}

/** Fingerprints of prepared words. */
export function fingerprintWords(document: DocumentWords, window: number = DEFAULT_WINDOW): Fingerprints {
  return winnow(document.grams, window, document.words.length);
}

/** Fingerprints of a text on its own (tokenizes it; a run over many texts should share one dictionary instead). */
export function fingerprintText(text: string, window: number = DEFAULT_WINDOW): Fingerprints {
  return fingerprintWords(prepareWords(text, new WordDictionary()), window);
}

/*
 * Blob layout, little-endian: byte 0 FINGERPRINT_VERSION, byte 1 GRAM_WORDS, byte 2 window, then unsigned LEB128
 * varints: word count, fingerprint count, and each position's gap from the previous one; then 4 bytes per hash.
 */

/** Serializes fingerprints to a compact Buffer (about 5 bytes per fingerprint) for storage as a BLOB. */
export function encodeFingerprints(fingerprints: Fingerprints): Buffer {
  const { hashes, positions } = fingerprints;
  if (hashes.length !== positions.length) throw new RangeError('hashes and positions differ in length');
  const buffer = Buffer.allocUnsafe(3 + 5 * (2 + positions.length) + 4 * hashes.length);
  buffer[0] = FINGERPRINT_VERSION;
  buffer[1] = GRAM_WORDS;
  buffer[2] = fingerprints.window;
  let offset = writeVarint(buffer, 3, fingerprints.words);
  offset = writeVarint(buffer, offset, positions.length);
  let previous = 0;
  for (const position of positions) {
    if (position < previous) throw new RangeError('positions must ascend');
    offset = writeVarint(buffer, offset, position - previous);
    previous = position;
  }
  for (const hash of hashes) offset = buffer.writeInt32LE(hash, offset);
  return buffer.subarray(0, offset);
}

/** Reads fingerprints back from encodeFingerprints' Buffer; throws on another version or a truncated blob. */
export function decodeFingerprints(blob: Uint8Array): Fingerprints {
  if (blob.length < 3 || blob[0] !== FINGERPRINT_VERSION || blob[1] !== GRAM_WORDS) {
    throw new RangeError(`not a version ${FINGERPRINT_VERSION} fingerprint blob`);
  }
  const window = blob[2]!;
  const cursor = { offset: 3 };
  const words = readVarint(blob, cursor);
  const count = readVarint(blob, cursor);
  if (count * 5 > blob.length) throw new RangeError('truncated fingerprint blob');
  const positions = new Int32Array(count);
  let position = 0;
  for (let index = 0; index < count; index++) positions[index] = position += readVarint(blob, cursor);
  if (cursor.offset + 4 * count !== blob.length) throw new RangeError('truncated fingerprint blob');
  const hashes = new Int32Array(count);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let index = 0, offset = cursor.offset; index < count; index++, offset += 4) hashes[index] = view.getInt32(offset, true);
  return { words, window, hashes, positions };
}

function writeVarint(buffer: Buffer, offset: number, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`cannot encode ${value}`);
  while (value >= 0x80) {
    buffer[offset++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 0x80);
  }
  buffer[offset++] = value;
  return offset;
}

function readVarint(blob: Uint8Array, cursor: { offset: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (cursor.offset >= blob.length || scale > 2 ** 35) throw new RangeError('truncated fingerprint blob');
    const byte = blob[cursor.offset++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
  }
}
