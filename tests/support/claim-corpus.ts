/** Random stories for claim tests: short documents of sentences drawn from a small vocabulary, and copies of them. */
import type { CompareDocument } from '../../src-main/core/compare/types';
import { mulberry32 } from './mulberry32';

/** Words few enough that random sentences share terms often; some are stop or reporting words. */
const VOCABULARY = (
  'council budget harbor ferry terminal mayor deputy vote troops border mission training deployment officials ' +
  'report imminent not never agency drivers routes shortage winter festival farmers harvest valley storm bridge ' +
  'the of and to in said told according but while'
).split(' ');

/**
 * Documents whose sentences are random, copied from an earlier document, copied in part (a clause of a longer
 * sentence: near-verbatim pairs whose cosine is low), or copied with words swapped (paraphrases near the threshold).
 */
export function claimCorpus(seed: number, count: number): CompareDocument[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (length: number) => Array.from({ length }, () => pick(VOCABULARY)).join(' ');
  const written: string[] = [];
  return Array.from({ length: count }, (_, index) => {
    const lines = Array.from({ length: 3 + Math.floor(random() * 4) }, () => {
      const roll = random();
      let line: string;
      if (written.length === 0 || roll < 0.4) line = sentence(6 + Math.floor(random() * 14));
      else if (roll < 0.6) line = pick(written);
      else if (roll < 0.8) {
        const words = pick(written).split(' ');
        const from = Math.floor(random() * (words.length / 3));
        line = words.slice(from, from + Math.max(8, Math.floor(words.length * 0.6))).join(' ');
      } else line = pick(written).split(' ').map((word) => (random() < 0.25 ? pick(VOCABULARY) : word)).join(' ');
      written.push(line);
      return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
    });
    return { id: `d${String(index).padStart(3, '0')}`, text: lines.join('\n\n'), outlet: null, publishedAt: null };
  });
}
