/**
 * Claims of a story: the sentences (or clauses) that say the same thing across its documents, grouped, with the
 * number of independent origins behind each. Pure: documents and their attributions in, claims out.
 *
 * Units are cut by clauses.ts, matched by claim-matching.ts, and credited by claim-origins.ts (which states the
 * origin rule). Grouping is greedy, not transitive: the unit matching units in the most other documents seeds a
 * claim; from each other document the unit matching the seed best joins it; then a unit matching more than half of
 * the claim's members joins (one per document, best first) until none does. A document's other units matching the
 * seed are repeats: counted once, neither a claim's source nor unique. Repeat until no unit matches another.
 */
import { createHash } from 'node:crypto';
import type { Attribution, CompareDocument } from './types';
import { addClaimUnits, DEFAULT_UNIT_OPTIONS, StoryWords, UnitTable, type ClaimUnit, type UnitOptions } from './clauses';
import { DEFAULT_GRAPH_LIMITS, DEFAULT_MATCH_OPTIONS, matchGraph, type GraphLimits, type MatchOptions } from './claim-matching';
import type { MatchGraph } from './claim-graph';
import { cosine, termVectors, type TermVectors } from './claim-vectors';
import {
  citationsOf,
  creditFor,
  DEFAULT_COPY_OPTIONS,
  resolveOrigins,
  storyCitation,
  type CopyOptions,
  type Credit,
  type OriginBasis,
} from './claim-origins';

export type { OriginBasis } from './claim-origins';

/** One document's unit in a claim: its exact slice, its resolved origin, what it credits itself and by which rule. */
export interface ClaimSource {
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** The independent origin this source counts for (an outlet, or a document's outlet or id). */
  origin: string;
  /** The outlet the source credits by itself (or its own document), before copies and chains merge origins. */
  credit: string;
  /** Which rule gave the origin: sentence, paragraph, document, own, or copy/chain when merged with another source. */
  basis: OriginBasis;
}

/** A claim: what several documents say, each document's unit, and how many independent origins stand behind it. */
export interface Claim {
  id: string;
  /** The most central source's text (ties: the earliest published). */
  text: string;
  /** One source per document, earliest published first (undated last), then by document id. */
  sources: ClaimSource[];
  /** Distinct origins, sorted. */
  originNames: string[];
  origins: number;
  singleOrigin: boolean;
}

/** A unit no other document matches: what only one document says. */
export interface UniqueUnit {
  documentId: string;
  start: number;
  end: number;
  text: string;
}

/** Claims (two documents or more), and the units only one document carries (see findUniqueUnits). */
export interface ClaimAnalysis {
  claims: Claim[];
  unique: UniqueUnit[];
}

/** Every tuning knob: unit cutting, matching, wire-copy detection, and the match graph's limits. */
export interface ClaimOptions {
  units: UnitOptions;
  matching: MatchOptions;
  copies: CopyOptions;
  limits: GraphLimits;
}

/** The defaults of each part. */
export const DEFAULT_CLAIM_OPTIONS: ClaimOptions = { units: DEFAULT_UNIT_OPTIONS, matching: DEFAULT_MATCH_OPTIONS, copies: DEFAULT_COPY_OPTIONS, limits: DEFAULT_GRAPH_LIMITS };

/** Overrides of some knobs; the rest keep their defaults. */
export interface ClaimOverrides {
  units?: Partial<UnitOptions>;
  matching?: Partial<MatchOptions>;
  copies?: Partial<CopyOptions>;
  limits?: Partial<GraphLimits>;
}

function settingsOf(overrides: ClaimOverrides): ClaimOptions {
  return {
    units: { ...DEFAULT_UNIT_OPTIONS, ...overrides.units },
    matching: { ...DEFAULT_MATCH_OPTIONS, ...overrides.matching },
    copies: { ...DEFAULT_COPY_OPTIONS, ...overrides.copies },
    limits: { ...DEFAULT_GRAPH_LIMITS, ...overrides.limits },
  };
}

/** A claim's stable id: "c" and 10 hex digits of the SHA-256 of its seed unit's document id and start. */
export function claimIdFor(documentId: string, start: number): string {
  return `c${createHash('sha256').update(`${documentId}:${start}`).digest('hex').slice(0, 10)}`;
}

/** Claims carried by two documents or more, most documents first; see analyzeClaims. */
export function findClaims(documents: readonly CompareDocument[], attributions: ReadonlyMap<string, readonly Attribution[]>, options?: ClaimOverrides): Claim[] {
  return analyzeClaims(documents, attributions, options).claims;
}

/**
 * Units only one document carries: no other document's unit matches them (a unit that matches but lost its claim
 * to a better match from its document is neither unique nor a source). By document id, then start.
 */
export function findUniqueUnits(documents: readonly CompareDocument[], options?: ClaimOverrides): UniqueUnit[] {
  return analyzeClaims(documents, new Map(), options).unique;
}

/** The story's state of one grouping run. */
interface Story {
  documents: CompareDocument[];
  units: UnitTable;
  /** The document (index in `documents`) of each unit. */
  unitDocuments: Int32Array;
  vectors: TermVectors;
  graph: MatchGraph;
  /** 0 free, 1 a claim's member, 2 a repeat of a claim in a document already holding it. */
  state: Uint8Array;
  /** Seed candidates (a max-heap) and scratch space for counting documents. */
  queue: SeedKey[];
  seen: Int32Array;
  stamp: number;
}

/**
 * Groups a story's units into claims and credits each source. Deterministic: documents are sorted by id first, so
 * the result does not depend on their order; `attributions` maps a document id to its attributions. Throws
 * TooManyMatches (claim-matching.ts) when the story holds more matching pairs than `limits.maxMatches`.
 */
export function analyzeClaims(
  documents: readonly CompareDocument[],
  attributions: ReadonlyMap<string, readonly Attribution[]>,
  options: ClaimOverrides = {},
): ClaimAnalysis {
  const settings = settingsOf(options);
  const story = prepareStory(documents, settings);
  const claims: Claim[] = [];
  for (let seed = nextSeed(story); seed !== undefined; seed = nextSeed(story)) {
    const members = growClaim(story, seed);
    claims.push(describeClaim(story, seed, members, attributions, settings.copies));
  }
  const alone: number[] = [];
  for (let index = 0; index < story.units.count; index++) if (story.state[index] === 0 && story.graph.start[index] === story.graph.start[index + 1]) alone.push(index);
  claims.sort((left, right) => right.sources.length - left.sources.length || compareSources(left.sources[0], right.sources[0]));
  const { units, unitDocuments, documents: sorted } = story;
  let unique: UniqueUnit[] | undefined;
  return {
    claims,
    /** Built when first read (half a million in a story of 10,000 articles, which listing claims does not need). */
    get unique(): UniqueUnit[] {
      unique ??= alone.map((index) => ({ documentId: sorted[unitDocuments[index]!]!.id, start: units.start(index), end: units.end(index), text: units.text(index) }));
      return unique;
    },
  };
}

/** Documents sorted by id, their units in order, vectors and the match graph. */
function prepareStory(documents: readonly CompareDocument[], settings: ClaimOptions): Story {
  const sorted = [...documents].sort((left, right) => compareText(left.id, right.id));
  const units = new UnitTable(new StoryWords());
  const owners: number[] = [];
  sorted.forEach((document, index) => {
    addClaimUnits(units, document.text, settings.units);
    while (owners.length < units.count) owners.push(index);
  });
  const unitDocuments = Int32Array.from(owners);
  const vectors = termVectors(units);
  const graph = matchGraph({ units, documents: unitDocuments }, vectors, settings.matching, settings.limits);
  const story: Story = { documents: sorted, units, unitDocuments, vectors, graph, state: new Uint8Array(units.count), queue: [], seen: new Int32Array(sorted.length), stamp: 0 };
  for (let unit = 0; unit < units.count; unit++) {
    const key = seedKey(story, unit);
    if (key.documents > 0) heapPush(story.queue, key);
  }
  return story;
}

/** A seed candidate's standing: free documents it matches, the total weight of those matches, its index. */
interface SeedKey {
  unit: number;
  documents: number;
  weight: number;
}

/** True when `left` makes the better seed: more documents, then more weight, then the earlier unit. */
function outranks(left: SeedKey, right: SeedKey): boolean {
  if (left.documents !== right.documents) return left.documents > right.documents;
  if (left.weight !== right.weight) return left.weight > right.weight;
  return left.unit < right.unit;
}

/** A unit's standing now, counting only free units it matches. */
function seedKey(story: Story, unit: number): SeedKey {
  const stamp = (story.stamp += 1);
  let documents = 0;
  let weight = 0;
  const { start, other, weight: weights } = story.graph;
  for (let entry = start[unit]!; entry < start[unit + 1]!; entry++) {
    if (story.state[other[entry]!] !== 0) continue;
    const document = story.unitDocuments[other[entry]!]!;
    if (story.seen[document] !== stamp) {
      story.seen[document] = stamp;
      documents++;
    }
    weight += weights[entry]!;
  }
  return { unit, documents, weight };
}

/**
 * The free unit matching free units in the most other documents (ties: larger total weight, then first), or none.
 * Standings only fall as units are taken, so a max-heap of stale standings is re-checked lazily: a popped unit whose
 * fresh standing still outranks the next stored one is the best.
 */
function nextSeed(story: Story): number | undefined {
  for (let top = heapPop(story.queue); top; top = heapPop(story.queue)) {
    if (story.state[top.unit] !== 0) continue;
    const fresh = seedKey(story, top.unit);
    if (fresh.documents === 0) continue;
    const next = story.queue[0];
    if (!next || outranks(fresh, next)) return fresh.unit;
    heapPush(story.queue, fresh);
  }
  return undefined;
}

function heapPush(heap: SeedKey[], key: SeedKey): void {
  heap.push(key);
  for (let index = heap.length - 1; index > 0; ) {
    const parent = (index - 1) >> 1;
    if (!outranks(heap[index]!, heap[parent]!)) break;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
}

function heapPop(heap: SeedKey[]): SeedKey | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || !last) return top;
  heap[0] = last;
  for (let index = 0; ; ) {
    const left = 2 * index + 1;
    const right = left + 1;
    let best = index;
    if (left < heap.length && outranks(heap[left]!, heap[best]!)) best = left;
    if (right < heap.length && outranks(heap[right]!, heap[best]!)) best = right;
    if (best === index) break;
    [heap[index], heap[best]] = [heap[best]!, heap[index]!];
    index = best;
  }
  return top;
}

/**
 * Members of the claim seeded by `seed` (seed first), marking members and repeats as taken. A member is marked as it
 * joins, so joiners are looked for among free units only.
 */
function growClaim(story: Story, seed: number): number[] {
  const members = [seed];
  story.state[seed] = 1;
  const documents = new Set([story.unitDocuments[seed]!]);
  for (const other of bestPerDocument(story, seed, documents)) {
    members.push(other);
    story.state[other] = 1;
    documents.add(story.unitDocuments[other]!);
  }
  for (let joiner = majorityJoiner(story, members, documents); joiner !== undefined; joiner = majorityJoiner(story, members, documents)) {
    members.push(joiner);
    story.state[joiner] = 1;
    documents.add(story.unitDocuments[joiner]!);
  }
  const { start, other } = story.graph;
  for (let entry = start[seed]!; entry < start[seed + 1]!; entry++) if (story.state[other[entry]!] === 0) story.state[other[entry]!] = 2;
  return members;
}

/** From each document not yet in the claim, the free unit matching `unit` with the greatest weight (ties: first), by document. */
function bestPerDocument(story: Story, unit: number, taken: ReadonlySet<number>): number[] {
  const { start, other, weight } = story.graph;
  const best = new Map<number, number>();
  for (let entry = start[unit]!; entry < start[unit + 1]!; entry++) {
    const document = story.unitDocuments[other[entry]!]!;
    if (story.state[other[entry]!] !== 0 || taken.has(document)) continue;
    const current = best.get(document);
    if (current === undefined || weight[entry]! > weight[current]!) best.set(document, entry);
  }
  return [...best.entries()].sort(([left], [right]) => left - right).map(([, entry]) => other[entry]!);
}

/** A free unit of a document not yet in the claim matching more than half of its members (most, then heaviest, first). */
function majorityJoiner(story: Story, members: readonly number[], documents: ReadonlySet<number>): number | undefined {
  const counts = new Map<number, { count: number; weight: number }>();
  const { start, other, weight } = story.graph;
  for (const member of members) {
    for (let entry = start[member]!; entry < start[member + 1]!; entry++) {
      const unit = other[entry]!;
      if (story.state[unit] !== 0 || documents.has(story.unitDocuments[unit]!)) continue;
      const tally = counts.get(unit) ?? { count: 0, weight: 0 };
      counts.set(unit, { count: tally.count + 1, weight: tally.weight + weight[entry]! });
    }
  }
  let best: number | undefined;
  for (const [unit, tally] of [...counts.entries()].sort(([left], [right]) => left - right)) {
    if (tally.count * 2 <= members.length) continue;
    const current = best === undefined ? undefined : counts.get(best);
    if (!current || tally.count > current.count || (tally.count === current.count && tally.weight > current.weight + 1e-9)) best = unit;
  }
  return best;
}

/** Sorts member indexes earliest published first (undated last), then by document id and start. */
function byPublication(story: Story): (left: number, right: number) => number {
  return (left, right) => {
    const a = story.documents[story.unitDocuments[left]!]!;
    const b = story.documents[story.unitDocuments[right]!]!;
    return comparePublished(a.publishedAt, b.publishedAt) || compareText(a.id, b.id) || story.units.start(left) - story.units.start(right);
  };
}

function comparePublished(left: string | null, right: string | null): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  return compareText(left, right);
}

/** The member with the greatest total similarity to the others (ties: earliest published). */
function centralMember(story: Story, ordered: readonly number[]): number {
  let best = ordered[0]!;
  let bestScore = -1;
  for (const member of ordered) {
    let score = 0;
    for (const other of ordered) if (other !== member) score += cosine(story.vectors, member, other);
    if (score > bestScore + 1e-9) {
      best = member;
      bestScore = score;
    }
  }
  return best;
}

/** A claim's record: sources with their origins, its text and its id. */
function describeClaim(story: Story, seed: number, members: readonly number[], attributions: ReadonlyMap<string, readonly Attribution[]>, copies: CopyOptions): Claim {
  const ordered = [...members].sort(byPublication(story));
  const originMembers = ordered.map((member) => {
    const document = story.documents[story.unitDocuments[member]!]!;
    const unit = story.units.unit(member);
    return { document, unit, credit: creditOf(document, unit, attributions) };
  });
  const origins = resolveOrigins(originMembers, copies);
  const sources = originMembers.map(({ document, unit, credit }, index): ClaimSource => ({
    documentId: document.id,
    start: unit.start,
    end: unit.end,
    text: unit.text,
    origin: origins[index]!.origin,
    credit: credit.outlet,
    basis: origins[index]!.basis,
  }));
  const originNames = [...new Set(sources.map((source) => source.origin))].sort(compareText);
  return {
    id: claimIdFor(story.documents[story.unitDocuments[seed]!]!.id, story.units.start(seed)),
    text: story.units.text(centralMember(story, ordered)),
    sources,
    originNames,
    origins: originNames.length,
    singleOrigin: originNames.length === 1,
  };
}

/** What a unit credits by itself, given its document's attributions. */
function creditOf(document: CompareDocument, unit: ClaimUnit, attributions: ReadonlyMap<string, readonly Attribution[]>): Credit {
  const citations = citationsOf(document, attributions.get(document.id) ?? []);
  return creditFor(unit, document, citations, storyCitation(citations));
}

/** Orders claims of equal size by their first source: document id, then start. */
function compareSources(left: ClaimSource | undefined, right: ClaimSource | undefined): number {
  return compareText(left?.documentId ?? '', right?.documentId ?? '') || (left?.start ?? 0) - (right?.start ?? 0);
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
