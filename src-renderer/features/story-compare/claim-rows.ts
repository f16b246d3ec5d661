/** The claim matrix's logic: sorting claims, each source's place in a claim, origin colours, passages to open. */
import type { Claim, ClaimSource } from '../../../src-main/contract/compare';
import { clipText } from './clip-text';

/** The columns the matrix sorts by. */
export type ClaimSortKey = 'sources' | 'origins';

/** A sort column and direction. */
export interface ClaimSort {
  key: ClaimSortKey;
  direction: 'ascending' | 'descending';
}

/** The engine's own order: most sources first. */
export const DEFAULT_CLAIM_SORT: ClaimSort = { key: 'sources', direction: 'descending' };

/** How many colours origins cycle through (the theme's `--speaker-0` … `--speaker-7`). */
export const ORIGIN_TONES = 8;

/** How many distinct sources (documents) carry a claim; a sentence repeated in one source counts once. */
export function sourceCount(claim: Claim): number {
  return new Set(claim.sources.map((source) => source.id)).size;
}

/** Each source's first place in the claim, by document id. */
export function sourcesByDocument(claim: Claim): Map<string, ClaimSource[]> {
  const byDocument = new Map<string, ClaimSource[]>();
  for (const source of claim.sources) byDocument.set(source.id, [...(byDocument.get(source.id) ?? []), source]);
  for (const places of byDocument.values()) places.sort((left, right) => left.start - right.start);
  return byDocument;
}

/** The distinct origins of a claim, most sources first. */
export function originsOf(claim: Claim): string[] {
  const counts = new Map<string, number>();
  for (const source of claim.sources) counts.set(source.origin, (counts.get(source.origin) ?? 0) + 1);
  return [...counts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0])).map(([origin]) => origin);
}

/** Claims sorted by one column; ties keep the other column's natural order, then the engine's order. */
export function sortClaims(claims: readonly Claim[], sort: ClaimSort): Claim[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const indexed = claims.map((claim, index) => ({ claim, index, sources: sourceCount(claim), origins: claim.origins }));
  indexed.sort((left, right) => {
    const primary = sort.key === 'sources' ? left.sources - right.sources : left.origins - right.origins;
    if (primary !== 0) return sign * primary;
    // Ties: more sources first, then fewer origins (the claims most repeated from one place), then as given.
    return right.sources - left.sources || left.origins - right.origins || left.index - right.index;
  });
  return indexed.map((entry) => entry.claim);
}

/** The sort after a click on a column header: a new column starts descending, the same column flips. */
export function nextSort(current: ClaimSort, key: ClaimSortKey): ClaimSort {
  if (current.key !== key) return { key, direction: 'descending' };
  return { key, direction: current.direction === 'descending' ? 'ascending' : 'descending' };
}

/**
 * A colour index per origin, the same in every row and in the graph: origins carried by the most claim sources
 * get the first colours, so a story's few origins never share one.
 */
export function originTones(claims: readonly Claim[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const claim of claims) for (const source of claim.sources) counts.set(source.origin, (counts.get(source.origin) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]));
  return new Map(ranked.map(([origin], index) => [origin, index % ORIGIN_TONES]));
}

/** A place in one source's reading text to open in the reader. */
export interface SourcePlace {
  docId: string;
  start: number;
  end: number;
}

/**
 * The places to open side by side for a claim (one per source, at most `limit`): one source per origin first, so
 * the panes show the claim's independent versions, then the others in the given source order.
 */
export function placesToOpen(claim: Claim, order: readonly string[], limit = 4): SourcePlace[] {
  const byDocument = sourcesByDocument(claim);
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index < 0 ? order.length : index;
  };
  const ids = [...byDocument.keys()].sort((left, right) => rank(left) - rank(right) || left.localeCompare(right));
  const chosen: string[] = [];
  const origins = new Set<string>();
  for (const id of ids) {
    const origin = byDocument.get(id)![0]!.origin;
    if (!origins.has(origin)) {
      origins.add(origin);
      chosen.push(id);
    }
  }
  for (const id of ids) if (!chosen.includes(id)) chosen.push(id);
  return chosen
    .slice(0, limit)
    .sort((left, right) => rank(left) - rank(right))
    .map((id) => {
      const first = byDocument.get(id)![0]!;
      return { docId: id, start: first.start, end: first.end };
    });
}

/** A source's sentence for a tooltip: its slice of the reading text when known (else `fallback`), clipped. */
export function sentenceOf(text: string | undefined, start: number, end: number, fallback: string, limit = 280): string {
  return clipText(text !== undefined && end > start && end <= text.length ? text.slice(start, end) : fallback, limit);
}
