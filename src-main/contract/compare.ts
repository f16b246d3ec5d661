/** Data shapes of comparing sources: shared passages, each source's unique passages, claims and provenance. */
/** One side of a shared passage: the document and the exact slice of its reading text. */
export interface ComparedSide {
  id: string;
  path: string;
  start: number;
  end: number;
  text: string;
}

/** A passage two documents share, the shape `parallax compare --json` prints (each pair reported once). */
export interface ComparedPassage {
  a: ComparedSide;
  b: ComparedSide;
  /** Aligned words over the longer side's words: 1 = the same words. */
  similarity: number;
}

/** Part of the shared passages of a scope: `total` in the whole list, this part from `offset`, in the list's order. */
export interface ComparedPassagePage {
  total: number;
  offset: number;
  passages: ComparedPassage[];
}

/** A passage of one document that no other compared document has. */
export interface UniquePassage {
  start: number;
  end: number;
  text: string;
}

/** One source carrying a claim: where the claim's sentence is in it, and the origin it rests on. */
export interface ClaimSource {
  id: string;
  path: string;
  start: number;
  end: number;
  /** Who this source's version rests on: the outlet it credits ("NBC News") or, when it credits none, itself. */
  origin: string;
}

/** Matching sentences across sources: the shape `parallax claims --json` prints (plus `origin` per source). */
export interface Claim {
  id: string;
  text: string;
  sources: ClaimSource[];
  /** Independent origins behind the claim: copies of the same wire text and sources citing the same outlet count once. */
  origins: number;
  singleOrigin: boolean;
}

/** One credit from a source to another outlet: the shape `parallax provenance --json` prints. */
export interface ProvenanceEdge {
  from: { id: string; path: string };
  /** The cited outlet, one name for all its spellings ("NBC" and "NBC News" are "NBC News"). */
  to: string;
  start: number;
  end: number;
  text: string;
}

/** One document of a comparison with what only it reports. */
export interface ComparedDocument {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** Passages no other document of the comparison shares, verbatim or nearly (in text order). */
  unique: UniquePassage[];
  /** Share of its reading text's characters that other documents share. */
  sharedShare: number;
}

/** A story's comparison for the Compare view: its documents, claims and who cites whom. */
export interface StoryComparison {
  documents: ComparedDocument[];
  claims: Claim[];
  /** Why claims were not found (the scope repeats itself too much to group its sentences), null when they were. */
  claimsSkipped?: string | null;
  provenance: ProvenanceEdge[];
}
