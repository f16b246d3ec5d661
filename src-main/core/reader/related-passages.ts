/**
 * Passages of other texts that match a selection: verbatim, near, then related by distinctive words, each region
 * reported once. Pure: texts come in with their ids, offsets into those texts go out.
 */
import type { RelatedPassage } from '../../contract/reader';
import { tokenizeWords, type WordToken } from './normalize-words';
import { passageRangesOf } from './paragraphs';
import { relatedParagraphs, type ParagraphUnit } from './related-paragraphs';
import { nearRegions, verbatimRegions, type WordRegion } from './selection-matches';

/** A document to search or to select in: its id, reading text and words. */
export interface SearchedText {
  id: string;
  text: string;
  tokens: readonly WordToken[];
}

/** A selection [start, end) of `source` and the documents to look in. */
export interface RelatedQuery {
  source: SearchedText;
  start: number;
  end: number;
  within: readonly SearchedText[];
  limit: number;
}

const KIND_ORDER: Record<RelatedPassage['kind'], number> = { verbatim: 0, near: 1, related: 2 };

/** A document's reading text ready for related-passage search (tokenized here unless its words are given). */
export function searchedText(id: string, text: string, tokens: readonly WordToken[] = tokenizeWords(text)): SearchedText {
  return { id, text, tokens };
}

/** The words a selection touches: a word cut by either end counts whole, so a sloppy selection still finds its words. */
export function selectionTokens(tokens: readonly WordToken[], start: number, end: number): WordToken[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  let stop = low;
  while (stop < tokens.length && tokens[stop]!.start < end) stop++;
  return tokens.slice(low, stop);
}

/** Passages matching the selection, verbatim first, then near, then related; by score, capped at `limit`. */
export function findRelatedInTexts(query: RelatedQuery): RelatedPassage[] {
  const selected = selectionTokens(query.source.tokens, query.start, query.end);
  if (selected.length === 0) return [];
  const words = selected.map((token) => token.word);
  const taken = new Map<string, Array<{ start: number; end: number }>>();
  const first = selected[0]!;
  const last = selected.at(-1)!;
  taken.set(query.source.id, [{ start: first.start, end: last.end }]);
  const found: Array<RelatedPassage & { order: number }> = [];
  const accept = (order: number, kind: RelatedPassage['kind'], start: number, end: number, score: number) => {
    const doc = query.within[order]!;
    const regions = taken.get(doc.id) ?? [];
    if (regions.some((region) => region.start < end && start < region.end)) return;
    regions.push({ start, end });
    taken.set(doc.id, regions);
    found.push({ docId: doc.id, start, end, text: doc.text.slice(start, end), kind, score, order });
  };
  const acceptRegions = (order: number, kind: RelatedPassage['kind'], regions: readonly WordRegion[]) => {
    const tokens = query.within[order]!.tokens;
    for (const region of regions) {
      const score = kind === 'verbatim' ? 1 : Math.min(0.99, Math.round(region.score * 1000) / 1000);
      accept(order, kind, tokens[region.first]!.start, tokens[region.last]!.end, score);
    }
  };
  query.within.forEach((doc, order) => acceptRegions(order, 'verbatim', verbatimRegions(words, doc.tokens)));
  if (words.length < 2) return finish(found, query.limit);
  query.within.forEach((doc, order) => {
    const regions = nearRegions(words, doc.tokens).sort((left, right) => right.score - left.score);
    acceptRegions(order, 'near', regions);
  });
  const units: ParagraphUnit[] = query.within.flatMap((doc, order) =>
    passageRangesOf(doc.text).map((range) => ({ source: order, ...range, tokens: selectionTokens(doc.tokens, range.start, range.end) })),
  );
  for (const { unit, score } of relatedParagraphs(selected, units)) accept(unit.source, 'related', unit.start, unit.end, score);
  return finish(found, query.limit);
}

function finish(found: Array<RelatedPassage & { order: number }>, limit: number): RelatedPassage[] {
  return found
    .sort((left, right) => KIND_ORDER[left.kind] - KIND_ORDER[right.kind] || right.score - left.score || left.order - right.order || left.start - right.start)
    .slice(0, limit)
    .map(({ order: _order, ...passage }) => passage);
}
