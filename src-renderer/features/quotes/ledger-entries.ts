/** The quote ledger's rows: clusters and single quotes as one shape, filtered by speaker and grouped by speaker. */
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { Quote, QuoteCluster, WordDiff } from '../../../src-main/contract/quotes';

/** One source of a ledger row: the document, its version of the words, whom it credits, and where they stand. */
export interface LedgerSource {
  quoteId: string;
  docId: string;
  path: string;
  published: string | null;
  speaker: string | null;
  text: string;
  exact: boolean;
  diff: WordDiff[];
  /** Offsets of the words in the document, when the quote is known. */
  start: number | null;
  end: number | null;
}

/** A row of the ledger: one quote followed across its sources (a cluster), or a quote found in one source only. */
export interface LedgerEntry {
  key: string;
  text: string;
  speaker: string | null;
  speakers: string[];
  speakerAgrees: boolean;
  sources: LedgerSource[];
  /** How many distinct documents carry it. */
  sourceCount: number;
  /** Where it appears first by published date, or null when no source has a date. */
  first: { docId: string; published: string | null } | null;
  /** Whether some source's words differ from the longest version. */
  altered: boolean;
  clustered: boolean;
}

/** A speaker's quotes in the ledger (speaker null: nobody identified). */
export interface SpeakerGroup {
  speaker: string | null;
  entries: LedgerEntry[];
}

/** Ledger rows from the quotes and clusters of one scope: every cluster, then every quote no cluster holds. */
export function ledgerEntries(quotes: readonly Quote[], clusters: readonly QuoteCluster[], summaries: ReadonlyMap<string, DocumentSummary>): LedgerEntry[] {
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  const held = new Set<string>();
  const entries: LedgerEntry[] = clusters.map((cluster) => {
    const sources = cluster.variants.map((variant): LedgerSource => {
      held.add(variant.quoteId);
      const quote = byId.get(variant.quoteId);
      return { ...variant, start: quote?.start ?? null, end: quote?.end ?? null };
    });
    return {
      key: `cluster:${cluster.id}`,
      text: cluster.text,
      speaker: cluster.speaker,
      speakers: cluster.speakers,
      speakerAgrees: cluster.speakerAgrees,
      sources,
      sourceCount: new Set(sources.map((source) => source.docId)).size,
      first: cluster.firstAppearance,
      altered: sources.some((source) => !source.exact),
      clustered: true,
    };
  });
  for (const quote of quotes) {
    if (held.has(quote.id)) continue;
    const published = summaries.get(quote.docId)?.published ?? null;
    const source: LedgerSource = { quoteId: quote.id, docId: quote.docId, path: quote.path, published, speaker: quote.speaker, text: quote.text, exact: true, diff: [], start: quote.start, end: quote.end };
    entries.push({
      key: `quote:${quote.id}`,
      text: quote.text,
      speaker: quote.speaker,
      speakers: quote.speaker ? [quote.speaker] : [],
      speakerAgrees: true,
      sources: [source],
      sourceCount: 1,
      first: { docId: quote.docId, published },
      altered: false,
      clustered: false,
    });
  }
  return entries;
}

/** The rows whose speaker (or any speaker a source credits) contains the words typed, case-insensitive. */
export function filterBySpeaker(entries: readonly LedgerEntry[], words: string): LedgerEntry[] {
  const wanted = words.trim().toLowerCase();
  if (wanted === '') return [...entries];
  const matches = (name: string | null) => (name ?? '').toLowerCase().includes(wanted);
  return entries.filter((entry) => matches(entry.speaker) || entry.speakers.some(matches) || entry.sources.some((source) => matches(source.speaker)));
}

/** Most sources first, then the earliest first appearance, then the words. */
export function compareEntries(left: LedgerEntry, right: LedgerEntry): number {
  return right.sourceCount - left.sourceCount || (left.first?.published ?? '9999').localeCompare(right.first?.published ?? '9999') || left.text.localeCompare(right.text);
}

/** Rows grouped by the speaker most sources credit: speakers with most quotes first, the unidentified last. */
export function groupBySpeaker(entries: readonly LedgerEntry[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const entry of entries) {
    const key = entry.speaker?.toLowerCase() ?? '';
    const group = groups.get(key) ?? { speaker: entry.speaker, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.entries.sort(compareEntries);
  return [...groups.values()].sort(
    (left, right) =>
      Number(left.speaker === null) - Number(right.speaker === null) ||
      right.entries.length - left.entries.length ||
      (left.speaker ?? '').localeCompare(right.speaker ?? ''),
  );
}
