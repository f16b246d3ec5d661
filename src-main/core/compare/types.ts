/** Shapes shared by the compare modules (provenance, claims, shared passages across a library). Pure data. */

/** How a source credits another outlet or agency. */
export type AttributionKind =
  | 'according-to' // "according to NBC News", "according to a report by NBC News"
  | 'reported' // "NBC News reported", "as NBC News first reported", "the broadcaster reported" (when named earlier)
  | 'told' // "two officials told NBC News"
  | 'citing' // "citing NBC News", "NBC News, citing U.S. officials" (the cited outlet is the object of "citing")
  | 'wire-tag' // "(AP)", "(Reuters)", "WASHINGTON (AP) —"
  | 'contributed' // "The Associated Press contributed to this report."
  | 'first-reported'; // "first reported by NBC News", "NBC News, who first reported the development"

/** One credit to another outlet: its span in the reading text and the outlet's normalized name. */
export interface Attribution {
  /** The outlet as one name for all its spellings ("NBC", "NBC News", "nbcnews.com" → "NBC News"). */
  source: string;
  kind: AttributionKind;
  /** [start, end) of the attributing phrase in the reading text; `text` is exactly that slice. */
  start: number;
  end: number;
  text: string;
}

/** A document as the compare modules see it: its id, reading text, outlet and publication date when known. */
export interface CompareDocument {
  id: string;
  text: string;
  /** The document's own outlet, when extraction found one ("News18"); a credit to it is not a citation. */
  outlet: string | null;
  /** ISO date or null. */
  publishedAt: string | null;
}
