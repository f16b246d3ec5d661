/**
 * A text's words as numbers, for comparing texts in bulk: a dictionary numbering normalized words with their stable
 * hashes, and a tokenizer that gives exactly the reader's words (tokenizeWords) into compact arrays. Shared by the
 * passage fingerprints and the claim units.
 */
import { normalizeWord } from '../reader/normalize-words';

/**
 * Numbers normalized words for one comparison run and keeps each word's stable hash, computed once per word. An open
 * addressing table keyed by the words' FNV-1a hashes lets the tokenizer look plain ASCII words up without slicing them.
 */
export class WordDictionary {
  /** Word strings by identifier. */
  readonly words: string[] = [];
  private rawHashes = new Int32Array(1024);
  private stableHashes = new Int32Array(1024);
  /** Identifier + 1 per table slot, 0 when empty. */
  private slots = new Int32Array(4096);

  /** The identifier of a normalized word, adding it when new. */
  identify(word: string): number {
    const raw = fnv1a(word);
    const mask = this.slots.length - 1;
    for (let slot = raw & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.insert(word, raw, slot);
      if (this.rawHashes[entry - 1] === raw && this.words[entry - 1] === word) return entry - 1;
    }
  }

  /** The identifier of text[start, end), letters and digits only (ASCII), lowercased; `raw` is its FNV-1a hash. */
  identifyAscii(text: string, start: number, end: number, raw: number): number {
    const mask = this.slots.length - 1;
    for (let slot = raw & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.insert(text.slice(start, end).toLowerCase(), raw, slot);
      if (this.rawHashes[entry - 1] === raw && sameLowercase(this.words[entry - 1]!, text, start, end)) return entry - 1;
    }
  }

  /** The stable hash of the word with this identifier. */
  hashOf(identifier: number): number {
    return this.stableHashes[identifier] ?? 0;
  }

  /** The plain FNV-1a hash of the word with this identifier (what claim matching hashes word trigrams from). */
  rawHashOf(identifier: number): number {
    return this.rawHashes[identifier] ?? 0;
  }

  private insert(word: string, raw: number, slot: number): number {
    const identifier = this.words.length;
    this.words.push(word);
    if (identifier >= this.rawHashes.length) {
      this.rawHashes = grow(this.rawHashes, identifier * 2);
      this.stableHashes = grow(this.stableHashes, identifier * 2);
    }
    this.rawHashes[identifier] = raw;
    this.stableHashes[identifier] = finalize(raw);
    this.slots[slot] = identifier + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return identifier;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let identifier = 0; identifier < this.words.length; identifier++) {
      let slot = this.rawHashes[identifier]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = identifier + 1;
    }
  }
}

function grow(array: Int32Array, length: number) {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

function sameLowercase(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  // Words written in lowercase (most of them) compare natively.
  if (text.startsWith(word, start)) return true;
  for (let index = 0; index < word.length; index++) {
    let code = text.charCodeAt(start + index);
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    if (word.charCodeAt(index) !== code) return false;
  }
  return true;
}

/** A text's words as compact arrays: [starts[i], ends[i]) is word i, words[i] its identifier in the dictionary. */
export interface ScannedWords {
  starts: Int32Array;
  ends: Int32Array;
  words: Int32Array;
}

/**
 * Tokenizes a text into compact arrays. The words and offsets are exactly the reader's tokenizeWords (same pattern,
 * same normalization), scanned by hand: no match objects, and plain ASCII words are looked up without being sliced.
 * Shared by the passage finder and the claim units.
 */
export function scanWords(text: string, dictionary: WordDictionary): ScannedWords {
  const scanned = scanWordsTransient(text, dictionary);
  return { starts: scanned.starts.slice(), ends: scanned.ends.slice(), words: scanned.words.slice() };
}

/** Buffers scanWordsTransient reuses from call to call. */
const scratch = { starts: new Int32Array(4096), ends: new Int32Array(4096), words: new Int32Array(4096) };

/**
 * scanWords without allocating: the arrays are views of buffers the next call overwrites, for callers that read the
 * words and keep none of the arrays (claim units, over every text of a story).
 */
export function scanWordsTransient(text: string, dictionary: WordDictionary): ScannedWords {
  const classes = characterClasses();
  const length = text.length;
  let capacity = scratch.starts.length;
  let { starts, ends, words } = scratch;
  let count = 0;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    const kind = code < 0xd800 ? classes[code]! : classAt(text, index, classes);
    if ((kind & WORD) === 0) {
      index += widthAt(text, index);
      continue;
    }
    const start = index;
    let plain = true;
    let raw = 0x811c9dc5;
    const width = widthAt(text, index);
    const dot = index + width;
    if ((kind & LETTER) !== 0 && text.charCodeAt(dot) === 0x2e && dot + 1 < length && (classAt(text, dot + 1, classes) & LETTER) !== 0) {
      // \p{L}(?:\.\p{L})+\.? — an abbreviation (U.S., a.m.).
      plain = false;
      index = dot + 1 + widthAt(text, dot + 1);
      while (text.charCodeAt(index) === 0x2e && index + 1 < length && (classAt(text, index + 1, classes) & LETTER) !== 0) {
        index += 1 + widthAt(text, index + 1);
      }
      if (text.charCodeAt(index) === 0x2e) index++;
    } else {
      // [\p{L}\p{N}\p{M}]+(?:['’‘ʼ][\p{L}\p{N}\p{M}]+)* — a word, with inner apostrophes.
      for (;;) {
        while (index < length) {
          const next = text.charCodeAt(index);
          if (next < 0x80) {
            if ((classes[next]! & WORD) === 0) break;
            raw = Math.imul(raw ^ (next >= 0x41 && next <= 0x5a ? next + 0x20 : next), 0x01000193);
            index++;
          } else {
            if ((classAt(text, index, classes) & WORD) === 0) break;
            plain = false;
            index += widthAt(text, index);
          }
        }
        const next = text.charCodeAt(index);
        const apostrophe = next === 0x27 || next === 0x2019 || next === 0x2018 || next === 0x2bc;
        if (!apostrophe || index + 1 >= length || (classAt(text, index + 1, classes) & WORD) === 0) break;
        plain = false;
        index++;
      }
    }
    let identifier: number;
    if (plain) identifier = dictionary.identifyAscii(text, start, index, raw);
    else {
      const word = normalizeWord(text.slice(start, index));
      if (word.length === 0) continue;
      identifier = dictionary.identify(word);
    }
    if (count === capacity) {
      capacity *= 2;
      scratch.starts = starts = grow(starts, capacity);
      scratch.ends = ends = grow(ends, capacity);
      scratch.words = words = grow(words, capacity);
    }
    starts[count] = start;
    ends[count] = index;
    words[count++] = identifier;
  }
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), words: words.subarray(0, count) };
}

const WORD = 1;
const LETTER = 2;
let bmpClasses: Uint8Array | undefined;
const astralClasses = new Map<number, number>();

/** Classes of the Basic Multilingual Plane, built on first use: WORD for \p{L}\p{N}\p{M}, plus LETTER for \p{L}. */
function characterClasses(): Uint8Array {
  if (bmpClasses) return bmpClasses;
  const classes = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (code < 0xd800 || code > 0xdfff) classes[code] = classOf(String.fromCharCode(code));
  return (bmpClasses = classes);
}

function classOf(character: string): number {
  if (!WORD_CHARACTER.test(character)) return 0;
  return LETTER_CHARACTER.test(character) ? WORD | LETTER : WORD;
}

const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER_CHARACTER = /^\p{L}$/u;

/** The class of the code point at `index` (a lone surrogate is no word character, as in a /u pattern). */
function classAt(text: string, index: number, classes: Uint8Array): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdfff) return classes[code]!;
  const point = text.codePointAt(index)!;
  if (point < 0x10000) return 0;
  let kind = astralClasses.get(point);
  if (kind === undefined) astralClasses.set(point, (kind = classOf(String.fromCodePoint(point))));
  return kind;
}

/** UTF-16 units of the code point at `index`. */
function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/**
 * A word's stable 32-bit hash: FNV-1a over its UTF-16 code units, then murmur3's finalizer. The same in every run and
 * process, so fingerprints stored today match a document added next year.
 */
export function hashWord(word: string): number {
  return finalize(fnv1a(word));
}

/** FNV-1a, 32-bit, over UTF-16 code units. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash;
}

/** Murmur3's 32-bit finalizer: spreads every input bit over the whole hash. */
export function finalize(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) | 0;
}
