/** Quoted words nobody says: titles, nicknames, programme names, scare quotes and words used as nouns. */

const NAMING_BEFORE = /(?:so-called|dubbed|nicknamed|self-styled|self-described|titled|entitled|(?:the|a|its|their)\s+title|headlined|known(?:\s+\S+){0,3}\s+as|the\s+(?:word|words|term|phrase|label|slogan|hashtag)|branded)\s*$/iu;
const MINOR_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'de', 'la', 'with', 'by', 'vs']);

/** Nouns for works (books, films, shows…) that announce a title before or after its quotation marks. */
const WORKS = String.raw`(?:book|books|memoir|novel|biography|film|movie|documentary|song|album|show|series|programme|program|podcast|play|poem|essay|episode|column|op-ed|headline|article|report|study|bill|act|campaign)`;
const WORK_BEFORE = new RegExp(String.raw`(?:\b${WORKS}|\bcopies\s+of|\bcopy\s+of)\s*,?\s*$`, 'iu');
const WORK_AFTER = new RegExp(String.raw`^[\s,”"»]*(?:an?|the|his|her|their|its)\s+(?:[\p{L}\-]+\s+){0,2}${WORKS}\b`, 'iu');

/** True when the text has more than `count` runs of non-space characters (stops counting there). Trimming the
 * final punctuation removes one run at most, so a span with more than maximumWords + 1 runs is never title-like. */
function hasMoreWords(text: string, count: number): boolean {
  const runs = /\S+/gu;
  for (let found = 0; runs.exec(text) !== null; ) if (++found > count) return true;
  return false;
}

/** True when every word of the span is capitalized (minor words aside) or a number: a title or a name. */
export function isTitleLike(inner: string, maximumWords = 7): boolean {
  if (hasMoreWords(inner, maximumWords + 1)) return false;
  const words = inner.replace(/[,.;:!?]+$/u, '').split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0 || words.length > maximumWords) return false;
  return words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && MINOR_WORDS.has(word.toLowerCase())));
}

/**
 * True when the quoted span is not a quote: preceded by "so-called", "known as"…; or title-like with no cue;
 * or a short fragment (three words or fewer) in a sentence that reports no speech (`cueInSentence`, asked last as it
 * reads the sentence).
 */
export function isScareQuote(text: string, start: number, end: number, open: number, cued: boolean, cueInSentence: () => boolean): boolean {
  const before = text.slice(Math.max(0, open - 40), open);
  if (NAMING_BEFORE.test(before)) return true;
  const inner = text.slice(start, end);
  if (isTitleLike(inner) && !cued) return true;
  if (isTitleLike(inner, 14) && (WORK_BEFORE.test(before) || WORK_AFTER.test(text.slice(end, end + 60)))) return true;
  return !cued && !hasMoreWords(inner, 3) && !cueInSentence();
}
