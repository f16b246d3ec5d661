/**
 * Where each source of a claim got it, and how many independent origins a claim has. The rule, in the order tried:
 *
 * 1. sentence  — an outlet credited in the same sentence ("…, two current officials told NBC News, though a
 *                deployment to Mexico is not considered imminent" → NBC News);
 * 2. paragraph — else the nearest credit earlier in the same paragraph (line);
 * 3. document  — else the outlet the document credits for the story as a whole: the outlet it credits most often
 *                (ties: the one credited first), when it credits any;
 * 4. own       — else the document itself: its outlet, or its id when the outlet is unknown.
 *
 * A credit to the document's own outlet is not a citation and is ignored. Then sources are merged into one origin:
 * - copy  — their units are near-verbatim copies (an aligned passage of ≥ 12 words at ≥ 0.9 similarity), even when
 *           neither credits anyone: wire copy or copy-paste has one origin;
 * - chain — a source credits an outlet whose own document is also a source of the claim, so it shares that
 *           document's origin (001 "according to News18" + News18's article crediting NBC News → NBC News).
 * Each merged group is one origin, named by the outlet its sources credit most often (ties: the earliest published
 * source's), or by the earliest published source's own outlet when none credits anyone. A claim says "1 origin"
 * when every source credits the same outlet, copies a source that does, or credits a source that does.
 */
import type { Attribution, CompareDocument } from './types';
import type { ClaimUnit } from './clauses';
import { sharedWording } from './claim-matching';
import { DEFAULT_SHARED_PASSAGES, prepareText, sharedPassagesBetween } from '../reader/shared-passages';

/** How a source's origin was found: by the first rule that applied, or by merging with another source. */
export type OriginBasis = 'sentence' | 'paragraph' | 'document' | 'own' | 'copy' | 'chain';

/** What a source credits by itself, before any merging: the outlet (or its own document) and the rule that found it. */
export interface Credit {
  outlet: string;
  basis: Exclude<OriginBasis, 'copy' | 'chain'>;
}

/** Wire-copy thresholds: an aligned passage of at least `minWords` words with at least `minSimilarity`. */
export interface CopyOptions {
  minWords: number;
  minSimilarity: number;
}

/** Defaults: 12 words at 0.9. */
export const DEFAULT_COPY_OPTIONS: CopyOptions = { minWords: 12, minSimilarity: 0.9 };

/** A claim source as origin resolution sees it. */
export interface OriginMember {
  document: CompareDocument;
  unit: ClaimUnit;
  credit: Credit;
}

/** A source's resolved origin and how it was reached. */
export interface ResolvedOrigin {
  origin: string;
  basis: OriginBasis;
}

/** Outlet names compare without case or surrounding spaces. */
function sameOutlet(left: string | null, right: string | null): boolean {
  return left !== null && right !== null && left.trim().toLowerCase() === right.trim().toLowerCase();
}

/** The document's citations: its attributions to outlets other than its own, by start. */
export function citationsOf(document: CompareDocument, attributions: readonly Attribution[]): Attribution[] {
  return attributions
    .filter((attribution) => !sameOutlet(attribution.source, document.outlet))
    .sort((left, right) => left.start - right.start || left.end - right.end || compareText(left.source, right.source));
}

/** The outlet a document credits for the story as a whole: the most credited (ties: the first credited), or null. */
export function storyCitation(citations: readonly Attribution[]): string | null {
  const counts = new Map<string, number>();
  for (const citation of citations) counts.set(citation.source, (counts.get(citation.source) ?? 0) + 1);
  let best: string | null = null;
  for (const [outlet, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = outlet;
  return best;
}

/** What one unit credits by itself (rules 1–4 above); `citations` sorted by start, `story` from storyCitation. */
export function creditFor(unit: ClaimUnit, document: CompareDocument, citations: readonly Attribution[], story: string | null): Credit {
  const inSentence = citations.filter((citation) => citation.start < unit.sentence.end && citation.end > unit.sentence.start);
  if (inSentence.length > 0) return { outlet: nearest(inSentence, unit).source, basis: 'sentence' };
  const earlier = citations.filter((citation) => citation.start >= unit.paragraph.start && citation.end <= unit.sentence.start);
  const previous = earlier[earlier.length - 1];
  if (previous) return { outlet: previous.source, basis: 'paragraph' };
  if (story !== null) return { outlet: story, basis: 'document' };
  return { outlet: document.outlet ?? document.id, basis: 'own' };
}

/** The citation closest to the unit (inside it first), ties the earliest. */
function nearest(citations: readonly Attribution[], unit: ClaimUnit): Attribution {
  const distance = (citation: Attribution) => Math.max(0, unit.start - citation.end, citation.start - unit.end);
  return citations.reduce((best, citation) => (distance(citation) < distance(best) ? citation : best));
}

/** True when two units are near-verbatim copies: an aligned passage of `minWords`+ words at `minSimilarity`+. */
export function isCopy(left: ClaimUnit, right: ClaimUnit, options: CopyOptions = DEFAULT_COPY_OPTIONS): boolean {
  if (sharedWording(left, right).words < options.minWords) return false;
  const dictionary = new Map<string, number>();
  const a = prepareText(left.text, dictionary);
  const b = prepareText(right.text, dictionary);
  return sharedPassagesBetween(a, b, DEFAULT_SHARED_PASSAGES).some(
    (match) => match.similarity >= options.minSimilarity && wordsIn(a.tokens, match.a) >= options.minWords,
  );
}

function wordsIn(tokens: readonly { start: number; end: number }[], span: { start: number; end: number }): number {
  return tokens.filter((token) => token.start >= span.start && token.end <= span.end).length;
}

/** Union-find over member indexes. */
class Groups {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    this.parent[index] = root;
    return root;
  }
  union(left: number, right: number): void {
    const [a, b] = [this.find(left), this.find(right)].sort((x, y) => x - y) as [number, number];
    this.parent[b] = a;
  }
}

/**
 * Origins of a claim's members (given in a canonical order: earliest published first, then document id): each
 * member's credit, merged by chains and copies, each group named as the module comment says.
 */
export function resolveOrigins(members: readonly OriginMember[], options: CopyOptions = DEFAULT_COPY_OPTIONS): ResolvedOrigin[] {
  const groups = new Groups(members.length);
  const credits = members.map((member) => member.credit.outlet);
  for (let index = 0; index < members.length; index++) {
    for (let other = index + 1; other < members.length; other++) {
      if (sameOutlet(credits[index] ?? null, credits[other] ?? null)) groups.union(index, other);
    }
  }
  const chained = new Set<number>();
  members.forEach((member, index) => {
    if (member.credit.basis === 'own') return;
    members.forEach((other, otherIndex) => {
      if (otherIndex === index || !sameOutlet(other.document.outlet, member.credit.outlet)) return;
      groups.union(index, otherIndex);
      chained.add(index);
    });
  });
  const copied = new Set<number>();
  for (let index = 0; index < members.length; index++) {
    for (let other = index + 1; other < members.length; other++) {
      if (groups.find(index) === groups.find(other)) continue;
      if (!isCopy(members[index]!.unit, members[other]!.unit, options)) continue;
      groups.union(index, other);
      copied.add(index).add(other);
    }
  }
  const names = groupNames(members, groups);
  return members.map((member, index) => {
    const origin = names.get(groups.find(index)) ?? member.credit.outlet;
    if (sameOutlet(origin, member.credit.outlet)) return { origin, basis: member.credit.basis };
    return { origin, basis: chained.has(index) || !copied.has(index) ? 'chain' : 'copy' };
  });
}

/** Each group's name: its most credited outlet (ties: earliest member), else its earliest member's own outlet. */
function groupNames(members: readonly OriginMember[], groups: Groups): Map<number, string> {
  const tallies = new Map<number, Map<string, number>>();
  members.forEach((member, index) => {
    if (member.credit.basis === 'own') return;
    const tally = tallies.get(groups.find(index)) ?? new Map<string, number>();
    tally.set(member.credit.outlet, (tally.get(member.credit.outlet) ?? 0) + 1);
    tallies.set(groups.find(index), tally);
  });
  const names = new Map<number, string>();
  members.forEach((member, index) => {
    const root = groups.find(index);
    if (names.has(root)) return;
    const tally = tallies.get(root);
    if (!tally) return void names.set(root, member.credit.outlet);
    let best = '';
    for (const [outlet, count] of tally) if (best === '' || count > (tally.get(best) ?? 0)) best = outlet;
    names.set(root, best);
  });
  return names;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
