/** Data shapes of the quote ledger: quotes, clusters of the same quote across sources, verification. */

/** A quote's kind: words in quotation marks, a fragment inside reported speech, or a transcript turn. */
export type QuoteKind = 'direct' | 'partial' | 'transcript';

/** One quote in one document; the shape `parallax quotes --json` prints. */
export interface Quote {
  id: string;
  docId: string;
  path: string;
  /** The words inside the quotation marks, without the marks. */
  text: string;
  /** Canonical full name, an unnamed source's description, an organization, or null when the evidence is weak. */
  speaker: string | null;
  /** Offsets of `text` in the document's reading text. */
  start: number;
  end: number;
  kind: QuoteKind;
  clusterId: string | null;
}

/** A word-level difference between a cluster's text and one variant. */
export interface WordDiff {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** The same quote followed across sources. */
export interface QuoteCluster {
  id: string;
  /** The longest version's text. */
  text: string;
  /** The speaker most sources credit (null when none does). */
  speaker: string | null;
  /** Every distinct speaker credited, for spotting disagreement. */
  speakers: string[];
  speakerAgrees: boolean;
  /** The document that has it first by published date (null when no source has a date). */
  firstAppearance: { docId: string; published: string } | null;
  /** One entry per quote in the cluster, with its difference from the cluster's text. */
  variants: { quoteId: string; docId: string; path: string; published: string | null; speaker: string | null; text: string; exact: boolean; diff: WordDiff[] }[];
}

/** Where a quote appears: verbatim, altered (with the diff), or nowhere (an empty list), and whom each source credits. */
export interface QuoteVerification {
  text: string;
  matches: { docId: string; path: string; quoteId: string | null; kind: 'verbatim' | 'altered'; start: number; end: number; text: string; speaker: string | null; diff: WordDiff[] }[];
}
