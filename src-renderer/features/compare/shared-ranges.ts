import type { PassageRef, SharedPassage } from '../../../src-main/contract/reader';

/** Where a passage of one document appears in another. */
export interface Partner {
  docId: string;
  start: number;
  end: number;
  similarity: number;
}

/** A passage of one document that other documents share, with where each of them has it. */
export interface SharedRange {
  start: number;
  end: number;
  partners: Partner[];
}

/** The shared passages of one document, merged by position and sorted, each with its partners in `others`. */
export function sharedRangesOf(docId: string, passages: readonly SharedPassage[], others: ReadonlySet<string>): SharedRange[] {
  const byPosition = new Map<string, SharedRange>();
  const add = (own: PassageRef, other: PassageRef, similarity: number) => {
    if (own.docId !== docId || !others.has(other.docId) || other.docId === docId) return;
    const key = `${own.start}:${own.end}`;
    const range = byPosition.get(key) ?? { start: own.start, end: own.end, partners: [] };
    range.partners.push({ docId: other.docId, start: other.start, end: other.end, similarity });
    byPosition.set(key, range);
  };
  for (const passage of passages) {
    add(passage.a, passage.b, passage.similarity);
    add(passage.b, passage.a, passage.similarity);
  }
  return [...byPosition.values()].sort((left, right) => left.start - right.start || left.end - right.end);
}

/** The range after (step 1) or before (step -1) an offset, or null at either end. */
export function neighbourRange(ranges: readonly SharedRange[], from: number | null, step: 1 | -1): SharedRange | null {
  if (ranges.length === 0) return null;
  if (from === null) return step === 1 ? ranges[0]! : ranges.at(-1)!;
  if (step === 1) return ranges.find((range) => range.start > from) ?? null;
  return ranges.findLast((range) => range.start < from) ?? null;
}

/** A similarity as words ("identical", "92% alike"). */
export function describeSimilarity(similarity: number): string {
  return similarity >= 0.999 ? 'identical' : `${Math.round(similarity * 100)}% alike`;
}
