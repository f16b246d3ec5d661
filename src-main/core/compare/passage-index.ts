/**
 * In-memory inverted index of fingerprints (fingerprints.ts): hash → postings (document, word position). Finds the
 * documents that may share passages with one document without comparing it to every other. Typed arrays and open
 * addressing keep it compact and quick to rebuild from stored blobs.
 */
import type { Fingerprints } from './fingerprints';

/** Tuning of the index. */
export interface PassageIndexOptions {
  /**
   * Fingerprints held by more documents than this are boilerplate (a wire paragraph reprinted everywhere, a standard
   * disclaimer): candidates() skips them, so they neither make two documents candidates nor cost N² pairs.
   */
  maxDocuments: number;
}

/** Default: fingerprints in more than 1,000 documents are boilerplate. */
export const DEFAULT_PASSAGE_INDEX: PassageIndexOptions = { maxDocuments: 1000 };

/** Another document sharing fingerprints with the one asked about, and where. */
export interface Candidate {
  documentId: number;
  /** Flat pairs (position in the document asked about, position in this one) of shared fingerprints, ascending. */
  positions: Int32Array;
}

const EMPTY = -1;
// Table entries, four integers each: hash, first posting of its chain, live documents holding it, last slot counted.
const KEY = 0;
const HEAD = 1;
const COUNT = 2;
const LAST = 3;
const ENTRY = 4;
// Postings, three integers each: document slot, word position, next posting of the chain.
const SLOT = 0;
const POSITION = 1;
const NEXT = 2;
const POSTING = 3;

/** Fingerprint hash → postings, with add, remove and candidates; rebuilt in memory from stored fingerprints. */
export class PassageIndex {
  readonly options: PassageIndexOptions;
  private readonly slotOf = new Map<number, number>();
  private slotDocuments: number[] = [];
  private slotFingerprints: Array<Fingerprints | undefined> = [];
  /** Open-addressing table over hashes (linear probing), interleaved so a probe touches one cache line. */
  private table = emptyTable(1024);
  private usedKeys = 0;
  /** Postings, chained per key, newest first. */
  private postingData = new Int32Array(1024 * POSTING);
  private postings = 0;
  private deadPostings = 0;
  // Scratch for candidates(): which query last met a slot, and that slot's group.
  private stamps = new Int32Array(0);
  private groupIndexes = new Int32Array(0);
  private stamp = 0;

  constructor(options: Partial<PassageIndexOptions> = {}) {
    this.options = { ...DEFAULT_PASSAGE_INDEX, ...options };
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  /** Whether a document is in the index. */
  has(documentId: number): boolean {
    return this.slotOf.has(documentId);
  }

  /** The ids of the indexed documents, in the order they were added. */
  documentIds(): number[] {
    return this.slotDocuments.filter((_, slot) => this.slotFingerprints[slot] !== undefined);
  }

  /** A document's fingerprints as added. */
  fingerprintsOf(documentId: number): Fingerprints | undefined {
    const slot = this.slotOf.get(documentId);
    return slot === undefined ? undefined : this.slotFingerprints[slot];
  }

  /** How many indexed documents hold a fingerprint hash (more than maxDocuments: boilerplate). */
  documentFrequency(hash: number): number {
    const entry = this.find(hash);
    return entry === EMPTY ? 0 : this.table[entry + COUNT]!;
  }

  /** Makes room for this many more fingerprints at once (an optional speed-up before adding many documents). */
  reserve(fingerprints: number): void {
    let capacity = this.table.length / ENTRY;
    while ((this.usedKeys + fingerprints) * 4 > capacity * 3) capacity *= 2;
    if (capacity * ENTRY > this.table.length) this.rehash(capacity);
    this.reservePostings(fingerprints);
  }

  /** Adds (or replaces) a document's fingerprints. */
  add(documentId: number, fingerprints: Fingerprints): void {
    if (this.slotOf.has(documentId)) this.remove(documentId);
    const slot = this.slotDocuments.length;
    this.slotOf.set(documentId, slot);
    this.slotDocuments.push(documentId);
    this.slotFingerprints.push(fingerprints);
    const { hashes, positions } = fingerprints;
    this.reservePostings(hashes.length);
    const data = this.postingData;
    for (let index = 0; index < hashes.length; index++) {
      const entry = this.findOrInsert(hashes[index]!);
      const table = this.table;
      if (table[entry + LAST] !== slot) {
        table[entry + LAST] = slot;
        table[entry + COUNT]!++;
      }
      const posting = this.postings++ * POSTING;
      data[posting + SLOT] = slot;
      data[posting + POSITION] = positions[index]!;
      data[posting + NEXT] = table[entry + HEAD]!;
      table[entry + HEAD] = posting;
    }
  }

  /** Removes a document; returns whether it was there. Its postings are dropped lazily (compaction when half are dead). */
  remove(documentId: number): boolean {
    const slot = this.slotOf.get(documentId);
    if (slot === undefined) return false;
    const fingerprints = this.slotFingerprints[slot]!;
    this.slotOf.delete(documentId);
    this.slotFingerprints[slot] = undefined;
    const distinct = Int32Array.from(fingerprints.hashes).sort();
    for (let index = 0; index < distinct.length; index++) {
      if (index > 0 && distinct[index] === distinct[index - 1]) continue;
      const entry = this.find(distinct[index]!);
      if (entry !== EMPTY) this.table[entry + COUNT]!--;
    }
    this.deadPostings += fingerprints.hashes.length;
    if (this.deadPostings > 4096 && this.deadPostings * 2 > this.postings) this.compact();
    return true;
  }

  /**
   * Documents sharing at least one fingerprint (boilerplate ones skipped) with an indexed document, by ascending id,
   * each with the shared positions. Throws for a document not in the index.
   */
  candidates(documentId: number): Candidate[] {
    return this.candidatesOf(this.indexed(documentId), documentId);
  }

  /** Documents sharing at least one fingerprint with the given fingerprints (indexed or not), except `excludeId`. */
  candidatesOf(fingerprints: Fingerprints, excludeId?: number): Candidate[] {
    const exclude = excludeId === undefined ? EMPTY : (this.slotOf.get(excludeId) ?? EMPTY);
    const stamp = this.nextStamp();
    const groups: number[][] = [];
    const groupSlots: number[] = [];
    const { hashes, positions } = fingerprints;
    const data = this.postingData;
    for (let index = 0; index < hashes.length; index++) {
      const entry = this.find(hashes[index]!);
      if (entry === EMPTY || this.table[entry + COUNT]! > this.options.maxDocuments) continue;
      for (let posting = this.table[entry + HEAD]!; posting !== EMPTY; posting = data[posting + NEXT]!) {
        const other = data[posting + SLOT]!;
        if (other === exclude || this.slotFingerprints[other] === undefined) continue;
        let group: number[];
        if (this.stamps[other] !== stamp) {
          this.stamps[other] = stamp;
          this.groupIndexes[other] = groups.length;
          groupSlots.push(other);
          groups.push((group = []));
        } else group = groups[this.groupIndexes[other]!]!;
        group.push(positions[index]!, data[posting + POSITION]!);
      }
    }
    return groups
      .map((group, index) => ({ documentId: this.slotDocuments[groupSlots[index]!]!, positions: sortedPairs(group) }))
      .sort((left, right) => left.documentId - right.documentId);
  }

  /** Ids of the documents candidates() would return, without their positions (cheaper). */
  candidateIds(documentId: number): number[] {
    const { hashes } = this.indexed(documentId);
    const slot = this.slotOf.get(documentId)!;
    const stamp = this.nextStamp();
    const found: number[] = [];
    const data = this.postingData;
    for (let index = 0; index < hashes.length; index++) {
      const entry = this.find(hashes[index]!);
      if (entry === EMPTY || this.table[entry + COUNT]! > this.options.maxDocuments) continue;
      for (let posting = this.table[entry + HEAD]!; posting !== EMPTY; posting = data[posting + NEXT]!) {
        const other = data[posting + SLOT]!;
        if (other === slot || this.stamps[other] === stamp || this.slotFingerprints[other] === undefined) continue;
        this.stamps[other] = stamp;
        found.push(this.slotDocuments[other]!);
      }
    }
    return found.sort((left, right) => left - right);
  }

  private indexed(documentId: number): Fingerprints {
    const slot = this.slotOf.get(documentId);
    if (slot === undefined) throw new RangeError(`document ${documentId} is not in the passage index`);
    return this.slotFingerprints[slot]!;
  }

  /** A fresh stamp for one query, with scratch arrays as long as the slots. */
  private nextStamp(): number {
    if (this.stamps.length < this.slotDocuments.length) {
      this.stamps = new Int32Array(this.slotDocuments.length * 2);
      this.groupIndexes = new Int32Array(this.slotDocuments.length * 2);
    }
    return ++this.stamp;
  }

  private find(hash: number): number {
    const table = this.table;
    const mask = table.length / ENTRY - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slot * ENTRY;
      if (table[entry + HEAD] === EMPTY) return EMPTY;
      if (table[entry + KEY] === hash) return entry;
    }
  }

  private findOrInsert(hash: number): number {
    if ((this.usedKeys + 1) * 4 > (this.table.length / ENTRY) * 3) this.rehash((this.table.length / ENTRY) * 2);
    const table = this.table;
    const mask = table.length / ENTRY - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slot * ENTRY;
      if (table[entry + HEAD] === EMPTY) {
        table[entry + KEY] = hash;
        this.usedKeys++;
        return entry;
      }
      if (table[entry + KEY] === hash) return entry;
    }
  }

  private rehash(capacity: number): void {
    const old = this.table;
    const table = emptyTable(capacity);
    const mask = capacity - 1;
    for (let from = 0; from < old.length; from += ENTRY) {
      if (old[from + HEAD] === EMPTY) continue;
      let slot = old[from + KEY]! & mask;
      while (table[slot * ENTRY + HEAD] !== EMPTY) slot = (slot + 1) & mask;
      table.set(old.subarray(from, from + ENTRY), slot * ENTRY);
    }
    this.table = table;
  }

  private reservePostings(extra: number): void {
    const needed = (this.postings + extra) * POSTING;
    if (needed <= this.postingData.length) return;
    let capacity = this.postingData.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.postingData.subarray(0, this.postings * POSTING));
    this.postingData = grown;
  }

  /** Rebuilds the index from its live documents, dropping dead postings and keys. */
  private compact(): void {
    const live: Array<[number, Fingerprints]> = [];
    this.slotDocuments.forEach((documentId, slot) => {
      const fingerprints = this.slotFingerprints[slot];
      if (fingerprints) live.push([documentId, fingerprints]);
    });
    this.slotOf.clear();
    this.slotDocuments = [];
    this.slotFingerprints = [];
    this.table = emptyTable(1024);
    this.usedKeys = 0;
    this.postings = 0;
    this.deadPostings = 0;
    this.reserve(live.reduce((sum, [, fingerprints]) => sum + fingerprints.hashes.length, 0));
    for (const [documentId, fingerprints] of live) this.add(documentId, fingerprints);
  }
}

/** A table of `capacity` empty entries. */
function emptyTable(capacity: number): Int32Array {
  const table = new Int32Array(capacity * ENTRY);
  for (let entry = 0; entry < table.length; entry += ENTRY) {
    table[entry + HEAD] = EMPTY;
    table[entry + LAST] = EMPTY;
  }
  return table;
}

/** Flat (own, other) pairs sorted by own position, then other position. */
function sortedPairs(flat: readonly number[]): Int32Array {
  const order = Array.from({ length: flat.length / 2 }, (_, index) => index);
  order.sort((left, right) => flat[2 * left]! - flat[2 * right]! || flat[2 * left + 1]! - flat[2 * right + 1]!);
  const sorted = new Int32Array(flat.length);
  order.forEach((pair, index) => {
    sorted[2 * index] = flat[2 * pair]!;
    sorted[2 * index + 1] = flat[2 * pair + 1]!;
  });
  return sorted;
}
