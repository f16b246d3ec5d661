/**
 * The n-grams of a whole library grouped by hash: one radix sort of every 5-word n-gram, keeping the groups held by
 * two or more documents. Gives the full run its candidate pairs and, for each pair, every n-gram it shares as seeds.
 */
import type { PreparedLibrary } from './library-passages';

/**
 * The n-grams of a library held by two or more documents, grouped by hash (a radix sort of all n-grams), with which
 * members are fingerprints. Serves both the candidate pairs and the seeds of the full run. Not stored: rebuilt per run.
 */
export interface LibraryGrams {
  /** Per document, per n-gram position: its group, or -1 when no other document holds that hash. */
  groupOf: Int32Array[];
  /** Group g's members are [offsets[g], offsets[g + 1]), ordered by document, then position. */
  offsets: Int32Array;
  documents: Int32Array;
  positions: Int32Array;
  /** 1 when that member's position is one of its document's fingerprints. */
  fingerprint: Uint8Array;
  /** Per group, how many documents hold its hash as a fingerprint (over maxDocuments: boilerplate). */
  fingerprintDocuments: Int32Array;
}

/**
 * The working buffers of groupLibrary (the sort's keys and order, twice, the fingerprint flags and the members), kept
 * from call to call by a run that groups one shard after another: a shard of 5,000 documents sorts some 4.5 million
 * n-grams, and making ~95 MB of buffers afresh for each shard made a 100k story's sharded run 226 s instead of 159 s.
 */
export class GramScratch {
  private capacity = 0;
  private buffers = GramScratch.allocate(0);

  private static allocate(length: number) {
    return {
      keys: new Uint32Array(length),
      order: new Int32Array(length),
      spareKeys: new Uint32Array(length),
      spareOrder: new Int32Array(length),
      flags: new Uint8Array(length),
      members: new Int32Array(length),
    };
  }

  /** Views of `length` elements of each buffer (grown when needed); flags are zero, the rest hold anything. */
  take(length: number): ReturnType<typeof GramScratch.allocate> {
    if (length > this.capacity) {
      this.capacity = Math.ceil(length * 1.25);
      this.buffers = GramScratch.allocate(this.capacity);
    }
    const { keys, order, spareKeys, spareOrder, flags, members } = this.buffers;
    flags.fill(0, 0, length);
    return {
      keys: keys.subarray(0, length),
      order: order.subarray(0, length),
      spareKeys: spareKeys.subarray(0, length),
      spareOrder: spareOrder.subarray(0, length),
      flags: flags.subarray(0, length),
      members: members.subarray(0, length),
    };
  }
}

/**
 * Groups all n-grams of a prepared library by hash (two 16-bit radix passes), keeping groups spanning two documents.
 * `scratch` lends the working buffers (a fresh one by default); nothing returned refers to them.
 */
export function groupLibrary(library: PreparedLibrary, scratch = new GramScratch()): LibraryGrams {
  const { words } = library;
  const firsts = new Int32Array(words.length + 1);
  words.forEach((document, position) => (firsts[position + 1] = firsts[position]! + document.grams.length));
  const total = firsts[words.length]!;
  const buffers = scratch.take(total);
  let { keys, order, spareKeys, spareOrder } = buffers;
  const { flags, members } = buffers;
  words.forEach((document, position) => keys.set(new Uint32Array(document.grams.buffer, document.grams.byteOffset, document.grams.length), firsts[position]));
  for (let index = 0; index < total; index++) order[index] = index;
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let index = 0; index < total; index++) counts[((keys[index]! >>> shift) & 0xffff) + 1]!++;
    for (let bucket = 1; bucket <= 65536; bucket++) counts[bucket]! += counts[bucket - 1]!;
    for (let index = 0; index < total; index++) {
      const target = counts[(keys[index]! >>> shift) & 0xffff]!++;
      spareKeys[target] = keys[index]!;
      spareOrder[target] = order[index]!;
    }
    [keys, spareKeys] = [spareKeys, keys];
    [order, spareOrder] = [spareOrder, order];
  }
  library.fingerprints.forEach((fingerprints, document) => {
    for (const position of fingerprints.positions) flags[firsts[document]! + position] = 1;
  });
  const groupIds = new Int32Array(total).fill(-1);
  const offsets: number[] = [0];
  let memberCount = 0;
  for (let start = 0; start < total; ) {
    let end = start + 1;
    while (end < total && keys[end] === keys[start]) end++;
    // Sorting is stable, so members follow global position: document, then position in it.
    if (end - start > 1 && documentAt(firsts, order[start]!) !== documentAt(firsts, order[end - 1]!)) {
      for (let index = start; index < end; index++) {
        groupIds[order[index]!] = offsets.length - 1;
        members[memberCount++] = order[index]!;
      }
      offsets.push(memberCount);
    }
    start = end;
  }
  const documents = new Int32Array(memberCount);
  const positions = new Int32Array(memberCount);
  const fingerprint = new Uint8Array(memberCount);
  const fingerprintDocuments = new Int32Array(offsets.length - 1);
  members.subarray(0, memberCount).forEach((global, index) => {
    const document = documentAt(firsts, global);
    documents[index] = document;
    positions[index] = global - firsts[document]!;
    fingerprint[index] = flags[global]!;
  });
  for (let group = 0; group + 1 < offsets.length; group++) {
    let last = -1;
    for (let member = offsets[group]!; member < offsets[group + 1]!; member++) {
      if (fingerprint[member] === 1 && documents[member] !== last) fingerprintDocuments[group]!++;
      if (fingerprint[member] === 1) last = documents[member]!;
    }
  }
  return {
    groupOf: words.map((_, position) => groupIds.subarray(firsts[position], firsts[position + 1])),
    offsets: Int32Array.from(offsets),
    documents,
    positions,
    fingerprint,
    fingerprintDocuments,
  };
}

/** The document holding a global n-gram position (binary search over the documents' first positions). */
function documentAt(firsts: Int32Array, global: number): number {
  let low = 0;
  let high = firsts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (firsts[middle]! <= global) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Seeds of one left document against each of its right partners (slotOf[document] = the partner's slot, else -1):
 * (left position, right position) pairs of equal n-gram hashes, by left then right position, leaving out a left
 * n-gram held more than `maxOccurrences` times by that partner, as alignRuns does.
 */
export function seedsAgainst(left: number, rights: readonly number[], slotOf: Int32Array, groups: LibraryGrams, maxOccurrences: number): number[][] {
  const seeds: number[][] = rights.map(() => []);
  const groupOf = groups.groupOf[left]!;
  const { offsets, documents, positions } = groups;
  for (let position = 0; position < groupOf.length; position++) {
    const group = groupOf[position]!;
    if (group < 0) continue;
    const first = offsets[group]!;
    const end = offsets[group + 1]!;
    if (end - first <= 8 * rights.length) {
      for (let member = first; member < end; ) {
        const document = documents[member]!;
        let next = member + 1;
        while (next < end && documents[next] === document) next++;
        const slot = slotOf[document]!;
        if (slot >= 0 && next - member <= maxOccurrences) {
          const list = seeds[slot]!;
          for (let index = member; index < next; index++) list.push(position, positions[index]!);
        }
        member = next;
      }
    } else {
      rights.forEach((right, slot) => {
        let member = lowerBound(documents, first, end, right);
        let next = member;
        while (next < end && documents[next] === right) next++;
        if (next === member || next - member > maxOccurrences) return;
        const list = seeds[slot]!;
        for (; member < next; member++) list.push(position, positions[member]!);
      });
    }
  }
  return seeds;
}

/** The first position in values[first, end) (ascending) holding target or more. */
export function lowerBound(values: Int32Array, first: number, end: number, target: number): number {
  while (first < end) {
    const middle = (first + end) >> 1;
    if (values[middle]! < target) first = middle + 1;
    else end = middle;
  }
  return first;
}
