/**
 * Paragraphs related to a selection by its distinctive words: BM25 over the paragraphs of the documents searched,
 * stemmed, stop words left out. Pure: paragraphs and their tokens come in, scored paragraphs go out.
 */
import lunr from 'lunr';
import type { WordToken } from './normalize-words';

/** A paragraph to score: which text it belongs to, its [start, end) and its words. */
export interface ParagraphUnit {
  source: number;
  start: number;
  end: number;
  tokens: readonly WordToken[];
}

/** A scored paragraph; `score` is 0..RELATED_CEILING, so related passages always rank under near matches. */
export interface ScoredParagraph {
  unit: ParagraphUnit;
  score: number;
}

/** Highest score of a related passage: below every verbatim (1) and near (≥ 0.7) match. */
export const RELATED_CEILING = 0.69;
/** A paragraph must hold at least this share of the selection's word weight to be related. */
const MINIMUM_SHARE = 0.2;
const K1 = 1.2;
const B = 0.75;

/** The stem of a normalized word, or undefined for a stop word or a lone character. */
export function termOf(word: string): string | undefined {
  if (word.length < 2 && !/\p{N}/u.test(word)) return undefined;
  if (lunr.stopWordFilter(new lunr.Token(word, {})) === undefined) return undefined;
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/** Terms by normalized word: stemming each distinct word once instead of each occurrence. */
type TermCache = Map<string, string | undefined>;

function cachedTermOf(word: string, cache: TermCache): string | undefined {
  if (cache.has(word)) return cache.get(word);
  const term = termOf(word);
  cache.set(word, term);
  return term;
}

function termCounts(tokens: readonly WordToken[], cache: TermCache): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>();
  let length = 0;
  for (const token of tokens) {
    const term = cachedTermOf(token.word, cache);
    if (term === undefined) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    length++;
  }
  return { counts, length };
}

/**
 * Scores paragraphs against the selection's words with BM25 and normalizes by the score of a paragraph of average
 * length holding every selection term once, scaled to RELATED_CEILING. Keeps paragraphs sharing at least two terms
 * (one when the selection has one) and MINIMUM_SHARE of that weight; best first.
 */
export function relatedParagraphs(selection: readonly WordToken[], units: readonly ParagraphUnit[]): ScoredParagraph[] {
  const cache: TermCache = new Map();
  const query = [...termCounts(selection, cache).counts.keys()];
  if (query.length === 0 || units.length === 0) return [];
  const documents = units.map((unit) => termCounts(unit.tokens, cache));
  const averageLength = documents.reduce((sum, document) => sum + document.length, 0) / documents.length || 1;
  const inverse = new Map<string, number>();
  for (const term of query) {
    const frequency = documents.filter((document) => document.counts.has(term)).length;
    inverse.set(term, Math.log(1 + (units.length - frequency + 0.5) / (frequency + 0.5)));
  }
  const ideal = query.reduce((sum, term) => sum + (inverse.get(term) ?? 0), 0);
  if (ideal <= 0) return [];
  const needed = Math.min(2, query.length);
  const scored: ScoredParagraph[] = [];
  documents.forEach((document, index) => {
    let score = 0;
    let shared = 0;
    for (const term of query) {
      const frequency = document.counts.get(term) ?? 0;
      if (frequency === 0) continue;
      shared++;
      const norm = K1 * (1 - B + (B * document.length) / averageLength);
      score += ((inverse.get(term) ?? 0) * frequency * (K1 + 1)) / (frequency + norm);
    }
    const share = Math.min(1, score / ideal);
    if (shared < needed || share < MINIMUM_SHARE) return;
    scored.push({ unit: units[index]!, score: Math.round(share * RELATED_CEILING * 1000) / 1000 });
  });
  return scored.sort((left, right) => right.score - left.score || left.unit.source - right.unit.source || left.unit.start - right.unit.start);
}
