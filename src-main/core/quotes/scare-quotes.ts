/** Quoted words nobody says: titles, nicknames, programme names, scare quotes and words used as nouns. */

const NAMING_BEFORE = /(?:so-called|dubbed|nicknamed|self-styled|self-described|titled|entitled|known(?:\s+\S+){0,3}\s+as|the\s+(?:word|words|term|phrase|label|slogan|hashtag)|branded)\s*$/iu;
const MINOR_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'de', 'la', 'with', 'by', 'vs']);

/** True when every word of the span is capitalized (minor words aside) or a number: a title or a name. */
export function isTitleLike(inner: string): boolean {
  const words = inner.replace(/[,.;:!?]+$/u, '').split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > 7) return false;
  return words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && MINOR_WORDS.has(word.toLowerCase())));
}

/**
 * True when the quoted span is not a quote: preceded by "so-called", "known as"…; or title-like with no cue;
 * or a short fragment (three words or fewer) in a sentence that reports no speech.
 */
export function isScareQuote(text: string, start: number, end: number, open: number, cued: boolean, cueInSentence: boolean): boolean {
  const before = text.slice(Math.max(0, open - 40), open);
  if (NAMING_BEFORE.test(before)) return true;
  const inner = text.slice(start, end);
  if (isTitleLike(inner) && !cued) return true;
  const words = inner.split(/\s+/u).filter((word) => word !== '').length;
  return words <= 3 && !cued && !cueInSentence;
}
