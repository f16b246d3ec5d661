/**
 * Shared passages of a scope too large to hold at once (a whole beat's archive as one story): the same passages as
 * the full run of library-passages.ts, found in two passes over texts read a batch at a time. The first pass keeps
 * only each document's distinct fingerprint hashes, bucketed by their top bits, and turns them into candidate pairs;
 * the second aligns those pairs in shards of a few thousand documents, each shard a small library of its own. The
 * result is kept as offsets (PassageTable), not as text slices that would hold every text alive.
 */
import { gramHashes, winnow } from './fingerprints';
import { WordDictionary, scanWordsTransient } from './word-scan';
import { GramScratch, groupLibrary, lowerBound } from './library-grams';
import { DEFAULT_LIBRARY_PASSAGES, alignPairs, alignsFirst, prepareLibrary, type LibraryPassageOptions, type PassageOffsets } from './library-passages';

export type { PassageOffsets } from './library-passages';

/** Reads the texts of some documents by id; an id missing from the answer is compared as an empty text. */
export type ReadTexts = (ids: readonly number[]) => Map<number, string>;

/** The full run's options plus how many texts are read at once and how many documents a shard aligns together. */
export interface ShardedPassageOptions extends LibraryPassageOptions {
  /** Texts read and fingerprinted at once in the first pass. */
  batchDocuments: number;
  /** Documents (pairs' owners and their partners) a shard holds in memory at once, unless one owner needs more. */
  shardDocuments: number;
}

/**
 * Defaults: texts read 500 at a time, shards of about 5,000 documents (a 100k story: 560 MB above the process before
 * it; shards of 10,000 read as many texts again and held 890 MB, shards of 2,000 read a tenth more at 10k, shards of
 * 2,500 held 15 MB less at 100k: most of what a shard adds is garbage V8 collects late, not what the shard holds).
 */
export const DEFAULT_SHARDED_PASSAGES: ShardedPassageOptions = { ...DEFAULT_LIBRARY_PASSAGES, batchDocuments: 500, shardDocuments: 5000 };

/**
 * Shared passages as offsets in flat arrays, ordered like the full run's (by a's document, b's document, then
 * position): 6 numbers and a similarity per passage instead of two text slices each.
 */
export class PassageTable {
  /** Per passage: a's document, a's start and end, b's document, b's start and end. */
  private sides = new Float64Array(0);
  private similarities = new Float64Array(0);
  private count = 0;

  /** Number of passages. */
  get length(): number {
    return this.count;
  }

  /** A table of the given passages, in their order (their texts are not kept). */
  static of(passages: readonly PassageOffsets[]): PassageTable {
    const table = new PassageTable();
    for (const passage of passages) table.push(passage);
    return table;
  }

  /** Appends a passage's offsets. */
  push(passage: PassageOffsets): void {
    if (this.count === this.similarities.length) this.grow(Math.max(1024, this.count * 2));
    const base = this.count * 6;
    const sides = this.sides;
    sides[base] = passage.a.documentId;
    sides[base + 1] = passage.a.start;
    sides[base + 2] = passage.a.end;
    sides[base + 3] = passage.b.documentId;
    sides[base + 4] = passage.b.start;
    sides[base + 5] = passage.b.end;
    this.similarities[this.count++] = passage.similarity;
  }

  /** Appends passage `index` of another table. */
  copy(other: PassageTable, index: number): void {
    if (this.count === this.similarities.length) this.grow(Math.max(1024, this.count * 2));
    this.sides.set(other.sides.subarray(index * 6, index * 6 + 6), this.count * 6);
    this.similarities[this.count++] = other.similarities[index]!;
  }

  /** Passage `index`: its documents, ranges and similarity. */
  at(index: number): PassageOffsets {
    const base = index * 6;
    const sides = this.sides;
    return {
      a: { documentId: sides[base]!, start: sides[base + 1]!, end: sides[base + 2]! },
      b: { documentId: sides[base + 3]!, start: sides[base + 4]!, end: sides[base + 5]! },
      similarity: this.similarities[index]!,
    };
  }

  /** The documents a passage's sides belong to, without making an object. */
  documentsAt(index: number): [number, number] {
    return [this.sides[index * 6]!, this.sides[index * 6 + 3]!];
  }

  private grow(capacity: number): void {
    const sides = new Float64Array(capacity * 6);
    sides.set(this.sides.subarray(0, this.count * 6));
    const similarities = new Float64Array(capacity);
    similarities.set(this.similarities.subarray(0, this.count));
    this.sides = sides;
    this.similarities = similarities;
  }
}

/**
 * Every passage shared by two of the documents `ids`, equal to findLibraryPassages over the same documents in
 * ascending id order, with at most about `batchDocuments` texts and `shardDocuments` prepared documents in memory.
 */
export function findPassagesInShards(ids: readonly number[], readTexts: ReadTexts, options: Partial<ShardedPassageOptions> = {}): PassageTable {
  const config = { ...DEFAULT_SHARDED_PASSAGES, ...options };
  const order = [...new Set(ids)].sort((left, right) => left - right);
  if (order.length !== ids.length) throw new RangeError('a document is given twice');
  const candidates = candidatePartners(order, readTexts, config);
  // Each shard's passages go to offsets at once (their text slices would keep the shard's texts alive).
  const aligned = new PassageTable();
  const pairs: Array<{ first: number; second: number; from: number; to: number }> = [];
  const scratch = new GramScratch();
  for (const shard of shardsOf(candidates, config.shardDocuments)) {
    for (const pair of alignShard(order, shard, readTexts, config, scratch)) {
      const from = aligned.length;
      for (const passage of pair.passages) aligned.push(passage);
      pairs.push({ first: pair.first, second: pair.second, from, to: aligned.length });
    }
  }
  // Pairs are unique, so this is the full run's order; a pair's passages keep their own.
  pairs.sort((one, other) => one.first - other.first || one.second - other.second);
  const table = new PassageTable();
  for (const pair of pairs) for (let index = pair.from; index < pair.to; index++) table.copy(aligned, index);
  return table;
}

/**
 * The candidate pairs of the first pass: per document (position in `order`), its later partners, the documents
 * sharing a fingerprint with it held by 2 to maxDocuments documents; and those fingerprints' groups of documents,
 * both ways, which the second pass follows to keep documents that share passages in the same shard.
 */
interface Candidates {
  /** Document d's later partners are partners[offsets[d], offsets[d + 1]), ascending. */
  offsets: Int32Array;
  partners: Int32Array;
  /** Group g's documents are members[groupOffsets[g], groupOffsets[g + 1]), ascending. */
  groupOffsets: Int32Array;
  members: Int32Array;
  /** Document d's groups are groups[documentOffsets[d], documentOffsets[d + 1]). */
  documentOffsets: Int32Array;
  groups: Int32Array;
}

// Keys pack an unsigned 32-bit hash above a 21-bit document position: exact in a double for up to 2,097,152 documents.
const POSITION_BITS = 2 ** 21;
const BUCKET_SHIFT = 24;
const CHUNK = 16384;

/** First pass: every document's distinct fingerprint hashes, grouped by hash one bucket of the hash space at a time. */
function candidatePartners(order: readonly number[], readTexts: ReadTexts, config: ShardedPassageOptions): Candidates {
  if (order.length > POSITION_BITS) throw new RangeError(`at most ${POSITION_BITS} documents can be compared at once`);
  const buckets: Float64Array[][] = Array.from({ length: 256 }, () => []);
  const filled = new Int32Array(256);
  let dictionary = new WordDictionary();
  for (let first = 0; first < order.length; first += config.batchDocuments) {
    const batch = order.slice(first, first + config.batchDocuments);
    const texts = readTexts(batch);
    // Hashes are stable across dictionaries, so a dictionary grown large with rare words can start afresh.
    if (dictionary.words.length > 1 << 20) dictionary = new WordDictionary();
    batch.forEach((id, offset) => {
      const scanned = scanWordsTransient(texts.get(id) ?? '', dictionary);
      const hashes = winnow(gramHashes(scanned.words, dictionary), config.window, scanned.words.length).hashes.sort();
      const position = first + offset;
      for (let index = 0; index < hashes.length; index++) {
        if (index > 0 && hashes[index] === hashes[index - 1]) continue;
        const hash = hashes[index]! >>> 0;
        const bucket = hash >>> BUCKET_SHIFT;
        const chunks = buckets[bucket]!;
        if (filled[bucket] === 0) chunks.push(new Float64Array(CHUNK));
        chunks[chunks.length - 1]![filled[bucket]!] = hash * POSITION_BITS + position;
        filled[bucket] = (filled[bucket]! + 1) % CHUNK;
      }
    });
  }
  // Members of the groups that make pairs, then each document's groups.
  const groupOffsets: number[] = [0];
  let members: Int32Array = new Int32Array(1024);
  let memberCount = 0;
  for (let bucket = 0; bucket < 256; bucket++) {
    const chunks = buckets[bucket]!;
    const size = chunks.length === 0 ? 0 : (chunks.length - 1) * CHUNK + (filled[bucket] || CHUNK);
    const keys = new Float64Array(size);
    chunks.forEach((chunk, index) => keys.set(index === chunks.length - 1 ? chunk.subarray(0, size - index * CHUNK) : chunk, index * CHUNK));
    buckets[bucket] = [];
    keys.sort();
    for (let start = 0; start < size; ) {
      const hash = Math.floor(keys[start]! / POSITION_BITS);
      let end = start + 1;
      while (end < size && Math.floor(keys[end]! / POSITION_BITS) === hash) end++;
      // Each document holds a hash once here, so a group's size is how many documents hold it.
      if (end - start >= 2 && end - start <= config.maxDocuments) {
        if (memberCount + end - start > members.length) members = grown(members, Math.max(members.length * 2, memberCount + end - start));
        for (let index = start; index < end; index++) members[memberCount++] = keys[index]! - hash * POSITION_BITS;
        groupOffsets.push(memberCount);
      }
      start = end;
    }
  }
  const groupsOfDocument = invert(groupOffsets, members.subarray(0, memberCount), order.length);
  const stamps = new Int32Array(order.length).fill(-1);
  const offsets = new Int32Array(order.length + 1);
  let partners: Int32Array = new Int32Array(1024);
  let partnerCount = 0;
  for (let left = 0; left < order.length; left++) {
    const found: number[] = [];
    for (let index = groupsOfDocument.offsets[left]!; index < groupsOfDocument.offsets[left + 1]!; index++) {
      const group = groupsOfDocument.groups[index]!;
      for (let member = groupOffsets[group]!; member < groupOffsets[group + 1]!; member++) {
        const right = members[member]!;
        if (right <= left || stamps[right] === left) continue;
        stamps[right] = left;
        found.push(right);
      }
    }
    if (partnerCount + found.length > partners.length) partners = grown(partners, Math.max(partners.length * 2, partnerCount + found.length));
    for (const right of found.sort((one, other) => one - other)) partners[partnerCount++] = right;
    offsets[left + 1] = partnerCount;
  }
  return {
    offsets,
    partners: partners.subarray(0, partnerCount),
    groupOffsets: Int32Array.from(groupOffsets),
    members: members.subarray(0, memberCount),
    documentOffsets: groupsOfDocument.offsets,
    groups: groupsOfDocument.groups,
  };
}

/** Document → the groups it is a member of, from group → members. */
function invert(groupOffsets: readonly number[], members: Int32Array, documents: number): { offsets: Int32Array; groups: Int32Array } {
  const offsets = new Int32Array(documents + 1);
  for (const member of members) offsets[member + 1]!++;
  for (let document = 0; document < documents; document++) offsets[document + 1]! += offsets[document]!;
  const next = offsets.slice(0, documents);
  const groups = new Int32Array(members.length);
  for (let group = 0; group + 1 < groupOffsets.length; group++) {
    for (let member = groupOffsets[group]!; member < groupOffsets[group + 1]!; member++) groups[next[members[member]!]!++] = group;
  }
  return { offsets, groups };
}

/** A shard: the documents it holds (positions, in any order) and the pairs it aligns (positions, lower first). */
interface Shard {
  documents: number[];
  pairs: Array<[number, number]>;
}

/**
 * Second pass' plan. Documents are visited breadth first through the fingerprint groups they share, and each group
 * met for the first time brings its documents into the current shard with the pairs among them not yet planned. A
 * passage reprinted by many outlets is thus aligned in one shard, and neighbouring groups mostly in the same one, so
 * few texts are read twice. A shard is closed before it would exceed `limit` documents.
 */
function* shardsOf(candidates: Candidates, limit: number): Generator<Shard> {
  const { offsets, partners, groupOffsets, members, documentOffsets, groups } = candidates;
  const documents = offsets.length - 1;
  const planned = new Uint8Array(partners.length);
  const groupDone = new Uint8Array(groupOffsets.length - 1);
  const visited = new Uint8Array(documents);
  const queue = new Int32Array(documents);
  const held = new Int32Array(documents).fill(-1);
  let shard: Shard = { documents: [], pairs: [] };
  let number = 0;
  let tail = 0;
  const fresh: Array<[number, number, number]> = [];
  for (let root = 0; root < documents; root++) {
    if (visited[root] === 1 || documentOffsets[root] === documentOffsets[root + 1]) continue;
    visited[root] = 1;
    queue[tail++] = root;
    for (let head = tail - 1; head < tail; head++) {
      const document = queue[head]!;
      for (let index = documentOffsets[document]!; index < documentOffsets[document + 1]!; index++) {
        const group = groups[index]!;
        if (groupDone[group] === 1) continue;
        groupDone[group] = 1;
        const first = groupOffsets[group]!;
        const end = groupOffsets[group + 1]!;
        // The group's pairs not planned yet (each pair found in its lower document's sorted partner list).
        fresh.length = 0;
        for (let one = first; one < end; one++) {
          const left = members[one]!;
          if (visited[left] === 0) {
            visited[left] = 1;
            queue[tail++] = left;
          }
          for (let other = one + 1; other < end; other++) {
            const slot = lowerBound(partners, offsets[left]!, offsets[left + 1]!, members[other]!);
            if (planned[slot] === 0) fresh.push([left, members[other]!, slot]);
          }
        }
        if (fresh.length === 0) continue;
        let missing = 0;
        for (const [left, right] of fresh) {
          for (const side of [left, right]) {
            if (held[side] !== number && held[side] !== -2 - number) {
              held[side] = -2 - number;
              missing++;
            }
          }
        }
        if (shard.pairs.length > 0 && shard.documents.length + missing > limit) {
          yield shard;
          number++;
          shard = { documents: [], pairs: [] };
        }
        for (const [left, right, slot] of fresh) {
          planned[slot] = 1;
          shard.pairs.push([left, right]);
          for (const side of [left, right]) {
            if (held[side] === number) continue;
            held[side] = number;
            shard.documents.push(side);
          }
        }
      }
    }
  }
  if (shard.pairs.length > 0) yield shard;
}

/**
 * Aligns one shard's pairs as a small library of its own documents (seeds and order depend only on the pair); the
 * n-grams are grouped in the run's scratch buffers.
 */
function alignShard(order: readonly number[], shard: Shard, readTexts: ReadTexts, config: ShardedPassageOptions, scratch: GramScratch) {
  const documents = shard.documents.sort((left, right) => left - right);
  const local = new Map(documents.map((document, index) => [document, index]));
  const ids = documents.map((document) => order[document]!);
  const texts = readTexts(ids);
  const library = prepareLibrary(
    ids.map((id) => ({ id, text: texts.get(id) ?? '' })),
    config,
  );
  texts.clear();
  const pairs = shard.pairs.map(([one, other]): [number, number] => {
    const left = local.get(one)!;
    const right = local.get(other)!;
    return alignsFirst(library, left, right) ? [left, right] : [right, left];
  });
  return alignPairs(library, groupLibrary(library, scratch), pairs, config);
}

function grown(array: Int32Array, length: number): Int32Array {
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
}
