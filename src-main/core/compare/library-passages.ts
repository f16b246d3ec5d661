/**
 * Shared passages across a whole library: the pairs of documents that share a fingerprint (passage-index.ts) are
 * aligned exactly as the reader's findSharedPassages aligns two texts, seeded with every 5-word n-gram the pair
 * shares, found through an in-memory list of the n-grams held by two or more documents, so the work per pair follows
 * what the two documents share, not their length. Also the incremental case (one new document against its candidates)
 * and each document's unique ranges (the text no shared passage covers).
 */
import { alignFromSeeds, type AlignedRun } from '../reader/passage-matching';
import { DEFAULT_SHARED_PASSAGES, type SharedPassageOptions } from '../reader/shared-passages';
import {
  DEFAULT_WINDOW,
  GRAM_WORDS,
  fingerprintWords,
  prepareWords,
  type DocumentWords,
  type Fingerprints,
} from './fingerprints';
import { WordDictionary } from './word-scan';
import { DEFAULT_PASSAGE_INDEX, PassageIndex } from './passage-index';
import { groupLibrary, seedsAgainst, type LibraryGrams } from './library-grams';

export { groupLibrary, type LibraryGrams } from './library-grams';

/** A document to compare: its numeric id (the store's rowid) and reading text. */
export interface LibraryDocument {
  id: number;
  text: string;
}

/** Where a slice of one document is: [start, end) of its text. */
export interface SliceOffsets {
  documentId: number;
  start: number;
  end: number;
}

/** A slice of one document: [start, end) of its text and exactly that slice. */
export interface DocumentSlice extends SliceOffsets {
  text: string;
}

/** A shared passage as offsets only (a.documentId < b.documentId), what a scope's cached comparison keeps. */
export interface PassageOffsets {
  a: SliceOffsets;
  b: SliceOffsets;
  similarity: number;
}

/** A passage two documents share (a.documentId < b.documentId) and the share of aligned words over the longer side. */
export interface LibraryPassage {
  a: DocumentSlice;
  b: DocumentSlice;
  similarity: number;
}

/** A range of one text: [start, end) and that slice. */
export interface TextRange {
  start: number;
  end: number;
  text: string;
}

/** The reader's shared-passage tuning plus the winnowing window and the boilerplate cutoff of the index. */
export interface LibraryPassageOptions extends SharedPassageOptions {
  /** Winnowing window; must match the window of fingerprints already stored. */
  window: number;
  /** Fingerprints in more documents than this are boilerplate and make no pair (see passage-index.ts). */
  maxDocuments: number;
}

/** Defaults: the reader's shared passages (5-word seeds, gaps of 2, 6 words or 30 characters), window 4, cutoff 1,000. */
export const DEFAULT_LIBRARY_PASSAGES: LibraryPassageOptions = {
  ...DEFAULT_SHARED_PASSAGES,
  window: DEFAULT_WINDOW,
  maxDocuments: DEFAULT_PASSAGE_INDEX.maxDocuments,
};

/** A library ready to compare: every document's words (one dictionary) and fingerprints, in the order given. */
export interface PreparedLibrary {
  dictionary: WordDictionary;
  ids: number[];
  words: DocumentWords[];
  fingerprints: Fingerprints[];
}

/** Tokenizes and fingerprints every document (the fingerprints are what a caller stores, encoded, per document). */
export function prepareLibrary(documents: readonly LibraryDocument[], options: Partial<LibraryPassageOptions> = {}): PreparedLibrary {
  const { window } = settings(options);
  const seen = new Set<number>();
  const dictionary = new WordDictionary();
  const library: PreparedLibrary = { dictionary, ids: [], words: [], fingerprints: [] };
  for (const document of documents) {
    if (seen.has(document.id)) throw new RangeError(`document ${document.id} is given twice`);
    seen.add(document.id);
    const words = prepareWords(document.text, dictionary);
    library.ids.push(document.id);
    library.words.push(words);
    library.fingerprints.push(fingerprintWords(words, window));
  }
  return library;
}

/** Builds the fingerprint index of a prepared library (to keep for passagesForNewDocument; the full run needs none). */
export function indexLibrary(library: PreparedLibrary, options: Partial<LibraryPassageOptions> = {}): PassageIndex {
  const index = new PassageIndex({ maxDocuments: settings(options).maxDocuments });
  index.reserve(library.fingerprints.reduce((sum, fingerprints) => sum + fingerprints.hashes.length, 0));
  library.ids.forEach((id, position) => index.add(id, library.fingerprints[position]!));
  return index;
}

/**
 * Pairs of documents sharing at least one fingerprint held by at most maxDocuments documents (the pairs
 * PassageIndex.candidates would give), as positions in the library, each once and in alignment order: the first is
 * the side findSharedPassages aligns from (fewer words, then by words, then text).
 */
export function candidatePairs(library: PreparedLibrary, grams: LibraryGrams, options: Partial<LibraryPassageOptions> = {}): Array<[number, number]> {
  const { maxDocuments } = settings(options);
  const { offsets, documents, fingerprint, fingerprintDocuments } = grams;
  const stamps = new Int32Array(library.ids.length).fill(-1);
  const pairs: Array<[number, number]> = [];
  library.fingerprints.forEach((fingerprints, left) => {
    const groupOf = grams.groupOf[left]!;
    const partners: number[] = [];
    for (const position of fingerprints.positions) {
      const group = groupOf[position]!;
      if (group < 0 || fingerprintDocuments[group]! < 2 || fingerprintDocuments[group]! > maxDocuments) continue;
      for (let member = offsets[group]!; member < offsets[group + 1]!; member++) {
        const right = documents[member]!;
        if (fingerprint[member] === 0 || right === left || stamps[right] === left) continue;
        stamps[right] = left;
        partners.push(right);
      }
    }
    for (const right of partners.sort((one, other) => one - other)) if (alignsFirst(library, left, right)) pairs.push([left, right]);
  });
  return pairs;
}

/** The passages of one aligned pair, its documents' ids in ascending order; `passages` in the reader's order. */
export interface PairPassages {
  first: number;
  second: number;
  passages: LibraryPassage[];
}

/** Aligns the candidate pairs of a prepared library; the pairs that share passages, in no particular order. */
export function alignPairs(
  library: PreparedLibrary,
  grams: LibraryGrams,
  pairs: ReadonlyArray<readonly [number, number]>,
  options: Partial<LibraryPassageOptions> = {},
): PairPassages[] {
  const config = settings(options);
  const partners: number[][] = library.ids.map(() => []);
  for (const [left, right] of pairs) partners[left]!.push(right);
  const slotOf = new Int32Array(library.ids.length).fill(-1);
  const found: PairPassages[] = [];
  partners.forEach((rights, left) => {
    if (rights.length === 0) return;
    rights.forEach((right, slot) => (slotOf[right] = slot));
    const seeds = seedsAgainst(left, rights, slotOf, grams, config.maxSeedOccurrences);
    rights.forEach((right, slot) => {
      slotOf[right] = -1;
      const leftId = library.ids[left]!;
      const rightId = library.ids[right]!;
      const runs = alignFromSeeds(library.words[left]!.words, library.words[right]!.words, seeds[slot]!, config);
      const passages = passagesOf(leftId, library.words[left]!, rightId, library.words[right]!, runs, config);
      if (passages.length > 0) found.push({ first: Math.min(leftId, rightId), second: Math.max(leftId, rightId), passages });
    });
  });
  return found;
}

/** Aligns the candidate pairs of a prepared library; passages ordered by a's document, b's document, then position. */
export function alignLibrary(
  library: PreparedLibrary,
  grams: LibraryGrams,
  pairs: ReadonlyArray<readonly [number, number]>,
  options: Partial<LibraryPassageOptions> = {},
): LibraryPassage[] {
  const found = alignPairs(library, grams, pairs, options);
  found.sort((one, other) => one.first - other.first || one.second - other.second);
  return found.flatMap((pair) => pair.passages);
}

/**
 * Every passage shared by two documents of a library, each pair once (a.documentId < b.documentId). Equal to
 * findSharedPassages on every pair of documents sharing at least one non-boilerplate fingerprint.
 */
export function findLibraryPassages(documents: readonly LibraryDocument[], options: Partial<LibraryPassageOptions> = {}): LibraryPassage[] {
  const library = prepareLibrary(documents, options);
  const grams = groupLibrary(library);
  return alignLibrary(library, grams, candidatePairs(library, grams, options), options);
}

/** What adding one document found: its fingerprints (to store) and the passages it shares with indexed documents. */
export interface NewDocumentPassages {
  fingerprints: Fingerprints;
  passages: LibraryPassage[];
}

/**
 * Adds a document to the index and aligns it with its candidates only, reading their texts through `getText` (a
 * missing text skips that candidate). Same passages as a full run would report for the new document's pairs.
 */
export function passagesForNewDocument(
  index: PassageIndex,
  document: LibraryDocument,
  getText: (documentId: number) => string | undefined,
  options: Partial<LibraryPassageOptions> = {},
): NewDocumentPassages {
  const config = settings(options);
  const dictionary = new WordDictionary();
  const added = prepareWords(document.text, dictionary);
  const fingerprints = fingerprintWords(added, config.window);
  index.add(document.id, fingerprints);
  const addedTable = new GramTable(added.grams);
  const found: LibraryPassage[][] = [];
  for (const otherId of index.candidateIds(document.id)) {
    const text = getText(otherId);
    if (text === undefined) continue;
    const other = prepareWords(text, dictionary);
    const addedFirst = !isAfter(added, other, dictionary);
    const seeds = addedTable.seedsWith(other.grams, addedFirst, config.maxSeedOccurrences);
    const runs = addedFirst ? alignFromSeeds(added.words, other.words, seeds, config) : alignFromSeeds(other.words, added.words, seeds, config);
    found.push(addedFirst ? passagesOf(document.id, added, otherId, other, runs, config) : passagesOf(otherId, other, document.id, added, runs, config));
  }
  return { fingerprints, passages: found.flat() };
}

/**
 * A document's unique ranges: its text not covered by any shared passage (either side) in `passages`, merged, trimmed
 * of white space and of the punctuation closing the passage before, and holding at least one letter or digit.
 */
export function uniqueRanges(document: LibraryDocument, passages: readonly PassageOffsets[]): TextRange[] {
  const covered: Array<[number, number]> = [];
  for (const passage of passages) {
    for (const side of [passage.a, passage.b]) if (side.documentId === document.id) covered.push([side.start, side.end]);
  }
  covered.sort((left, right) => left[0] - right[0]);
  const ranges: TextRange[] = [];
  let from = 0;
  for (const [start, end] of [...covered, [document.text.length, document.text.length] as [number, number]]) {
    if (start > from) {
      const raw = document.text.slice(from, start);
      const lead = LEADING.exec(raw)?.[0].length ?? 0;
      const trail = TRAILING.exec(raw)?.[0].length ?? 0;
      const text = raw.slice(lead, Math.max(lead, raw.length - trail));
      if (WORDLIKE.test(text)) ranges.push({ start: from + lead, end: from + lead + text.length, text });
    }
    from = Math.max(from, end);
  }
  return ranges;
}

const LEADING = /^[\s.,;:!?…)\]}”’»]+/u;
const TRAILING = /\s+$/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

function settings(options: Partial<LibraryPassageOptions>): LibraryPassageOptions {
  const config = { ...DEFAULT_LIBRARY_PASSAGES, ...options };
  if (config.seed !== GRAM_WORDS) throw new RangeError(`library passages seed with ${GRAM_WORDS}-word n-grams, not ${config.seed}`);
  return config;
}

/** The reader's fixed order of two texts (fewer words first, then by words, then by characters), on prepared words. */
function isAfter(left: DocumentWords, right: DocumentWords, dictionary: WordDictionary): boolean {
  if (left.words.length !== right.words.length) return left.words.length > right.words.length;
  for (let index = 0; index < left.words.length; index++) {
    const leftWord = left.words[index]!;
    const rightWord = right.words[index]!;
    if (leftWord !== rightWord) return dictionary.words[leftWord]! > dictionary.words[rightWord]!;
  }
  return left.text > right.text;
}

/** Whether the pair (left, right) of a prepared library is aligned in this order; identical texts go by position. */
export function alignsFirst(library: PreparedLibrary, left: number, right: number): boolean {
  const one = library.words[left]!;
  const other = library.words[right]!;
  if (isAfter(one, other, library.dictionary)) return false;
  return isAfter(other, one, library.dictionary) || left < right;
}

/** Runs of one aligned pair as passages, kept and measured as sharedPassagesBetween does, a on the lower id. */
function passagesOf(
  leftId: number,
  left: DocumentWords,
  rightId: number,
  right: DocumentWords,
  runs: readonly AlignedRun[],
  options: SharedPassageOptions,
): LibraryPassage[] {
  const passages: LibraryPassage[] = [];
  for (const run of runs) {
    const leftSlice = sliceOf(leftId, left, run.aFirst, run.aLast);
    const rightSlice = sliceOf(rightId, right, run.bFirst, run.bLast);
    const shorter = Math.min(leftSlice.end - leftSlice.start, rightSlice.end - rightSlice.start);
    if (run.aligned < options.minWords && shorter < options.minCharacters) continue;
    const longer = Math.max(run.aLast - run.aFirst, run.bLast - run.bFirst) + 1;
    const share = Math.min(1, run.aligned / longer);
    const similarity = share === 1 ? 1 : Math.min(0.999, Math.round(share * 1000) / 1000);
    passages.push(leftId < rightId ? { a: leftSlice, b: rightSlice, similarity } : { a: rightSlice, b: leftSlice, similarity });
  }
  return passages.sort(byPosition);
}

function sliceOf(documentId: number, document: DocumentWords, first: number, last: number): DocumentSlice {
  const start = document.starts[first] ?? 0;
  const end = document.ends[last] ?? start;
  return { documentId, start, end, text: document.text.slice(start, end) };
}

/** The reader's order of a pair's passages: by start in a, then in b, then by end. */
function byPosition(left: LibraryPassage, right: LibraryPassage): number {
  return left.a.start - right.a.start || left.b.start - right.b.start || left.a.end - right.a.end || left.b.end - right.b.end;
}

/** Positions of each n-gram hash in one document (open addressing, chained positions), to pair it with others. */
class GramTable {
  private readonly slots: Int32Array;
  private readonly next: Int32Array;
  private readonly counts: Int32Array;

  constructor(private readonly grams: Int32Array) {
    let capacity = 16;
    while (capacity < grams.length * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(grams.length).fill(-1);
    this.counts = new Int32Array(grams.length);
    const mask = capacity - 1;
    for (let position = grams.length - 1; position >= 0; position--) {
      let slot = grams[position]! & mask;
      while (this.slots[slot] !== -1 && grams[this.slots[slot]!] !== grams[position]) slot = (slot + 1) & mask;
      const head = this.slots[slot]!;
      this.next[position] = head;
      this.counts[position] = head === -1 ? 1 : this.counts[head]! + 1;
      this.slots[slot] = position;
    }
  }

  /** The first position of a hash (then follow `next`), or -1. */
  private first(hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const position = this.slots[slot]!;
      if (position === -1 || this.grams[position] === hash) return position;
    }
  }

  /**
   * Seeds between this document and another, as alignRuns collects them, ordered by the left side: with this one on
   * the left (`thisFirst`) or on the right. A left n-gram held more than `maxOccurrences` times on the right is left out.
   */
  seedsWith(otherGrams: Int32Array, thisFirst: boolean, maxOccurrences: number): number[] {
    const seeds: number[] = [];
    if (!thisFirst) {
      for (let position = 0; position < otherGrams.length; position++) {
        const first = this.first(otherGrams[position]!);
        if (first === -1 || this.counts[first]! > maxOccurrences) continue;
        for (let own = first; own !== -1; own = this.next[own]!) seeds.push(position, own);
      }
      return seeds;
    }
    const pairs: number[] = [];
    for (let position = 0; position < otherGrams.length; position++) {
      const first = this.first(otherGrams[position]!);
      for (let own = first; own !== -1; own = this.next[own]!) pairs.push(own, position);
    }
    const order = Array.from({ length: pairs.length / 2 }, (_, index) => index);
    order.sort((left, right) => pairs[2 * left]! - pairs[2 * right]! || pairs[2 * left + 1]! - pairs[2 * right + 1]!);
    for (let start = 0; start < order.length; ) {
      let end = start + 1;
      while (end < order.length && pairs[2 * order[end]!] === pairs[2 * order[start]!]) end++;
      if (end - start <= maxOccurrences) for (let index = start; index < end; index++) seeds.push(pairs[2 * order[index]!]!, pairs[2 * order[index]! + 1]!);
      start = end;
    }
    return seeds;
  }
}
