/**
 * Clusters of the same quote across sources, from stored quote records: which quotes group together (quote-groups),
 * the cluster's deterministic id, and what a reporter reads about it (text, speakers, first appearance, variants).
 */
import { createHash } from 'node:crypto';
import type { QuoteCluster } from '../../contract/quotes';
import { groupQuotes } from './quote-groups';
import { diffWords, quoteWords, sameWords } from './word-diff';

/** What clustering needs of one stored quote. */
export interface ClusterMember {
  quoteId: string;
  docId: string;
  path: string;
  /** The document's effective published date, or null. */
  published: string | null;
  start: number;
  text: string;
  speaker: string | null;
}

/** Clusters found among quotes: the cluster id of each input quote (null for singletons) and member lists. */
export interface QuoteClustering {
  clusterIds: (string | null)[];
  /** Members (input indexes) of each cluster by id, earliest first. */
  members: Map<string, number[]>;
}

/** Earliest first: by published date (undated last), then document id, then position. */
function compareAppearance(first: ClusterMember, second: ClusterMember): number {
  if (first.published !== second.published) {
    if (first.published === null) return 1;
    if (second.published === null) return -1;
    return first.published < second.published ? -1 : 1;
  }
  if (first.docId !== second.docId) return first.docId < second.docId ? -1 : 1;
  return first.start - second.start;
}

/** A cluster's id: "q" and 10 hex digits of the SHA-256 of its earliest member's document id and start. */
export function clusterIdFor(member: Pick<ClusterMember, 'docId' | 'start'>): string {
  return `q${createHash('sha256').update(`${member.docId}:${member.start}`).digest('hex').slice(0, 10)}`;
}

/** Groups quotes into clusters; a cluster needs two quotes or more from two documents or more. */
export function clusterQuotes(quotes: readonly ClusterMember[]): QuoteClustering {
  const groups = groupQuotes(quotes.length, (index) => quoteWords(quotes[index]!.text));
  const byGroup = new Map<number, number[]>();
  groups.forEach((group, index) => {
    const list = byGroup.get(group);
    if (list) list.push(index);
    else byGroup.set(group, [index]);
  });
  const clusterIds: (string | null)[] = quotes.map(() => null);
  const members = new Map<string, number[]>();
  for (const indexes of byGroup.values()) {
    if (indexes.length < 2 || new Set(indexes.map((index) => quotes[index]!.docId)).size < 2) continue;
    indexes.sort((a, b) => compareAppearance(quotes[a]!, quotes[b]!));
    const id = clusterIdFor(quotes[indexes[0]!]!);
    members.set(id, indexes);
    for (const index of indexes) clusterIds[index] = id;
  }
  return { clusterIds, members };
}

/** The speakers credited in a cluster, most credited first (ties: earliest credited), case-insensitively merged. */
function creditedSpeakers(members: readonly ClusterMember[]): string[] {
  const counts = new Map<string, { name: string; count: number; first: number }>();
  members.forEach((member, position) => {
    if (member.speaker === null) return;
    const key = member.speaker.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { name: member.speaker, count: 1, first: position });
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((entry) => entry.name);
}

/** Describes one cluster from its members (earliest first): the longest text, speakers, first appearance, variants. */
export function describeCluster(id: string, members: readonly ClusterMember[]): QuoteCluster {
  const words = members.map((member) => quoteWords(member.text));
  // The longest version; among equally long ones, the one most sources share, then the earliest.
  const keys = words.map((list) => list.join(' '));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const shared = keys.map((key) => counts.get(key)!);
  let longest = 0;
  words.forEach((list, index) => {
    const best = words[longest]!;
    if (list.length > best.length || (list.length === best.length && shared[index]! > shared[longest]!)) longest = index;
  });
  const text = members[longest]!.text;
  const speakers = creditedSpeakers(members);
  const dated = members.find((member) => member.published !== null);
  return {
    id,
    text,
    speaker: speakers[0] ?? null,
    speakers,
    speakerAgrees: speakers.length <= 1,
    firstAppearance: dated ? { docId: dated.docId, published: dated.published! } : null,
    variants: members.map((member, index) => ({
      quoteId: member.quoteId,
      docId: member.docId,
      path: member.path,
      published: member.published,
      speaker: member.speaker,
      text: member.text,
      exact: sameWords(words[index]!, words[longest]!),
      diff: diffWords(text, member.text),
    })),
  };
}

/** Every cluster described, most sources first (then most quotes, earliest first appearance, id). */
export function describeClusters(quotes: readonly ClusterMember[], clustering: QuoteClustering): QuoteCluster[] {
  const described = [...clustering.members].map(([id, indexes]) => ({
    cluster: describeCluster(id, indexes.map((index) => quotes[index]!)),
    sources: new Set(indexes.map((index) => quotes[index]!.docId)).size,
  }));
  described.sort(
    (a, b) =>
      b.sources - a.sources ||
      b.cluster.variants.length - a.cluster.variants.length ||
      (a.cluster.firstAppearance?.published ?? '\uffff').localeCompare(b.cluster.firstAppearance?.published ?? '\uffff') ||
      a.cluster.id.localeCompare(b.cluster.id),
  );
  return described.map((entry) => entry.cluster);
}
