/**
 * Claim units of a reading text: sentences, cut into clauses at strong boundaries when long, each with exact offsets
 * and its content terms (stemmed, stop words and reporting verbs left out, negations kept). Pure.
 */
import { sentenceEnd } from '../quotes/sentences';
import { tokenizeWords, type WordToken } from '../reader/normalize-words';
import { termOf } from '../reader/related-paragraphs';

/** A [start, end) range of a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A sentence or clause that may carry a claim: its slice, the sentence and paragraph holding it, its words and terms. */
export interface ClaimUnit extends TextSpan {
  text: string;
  sentence: TextSpan;
  paragraph: TextSpan;
  /** Normalized words of the unit, offsets in the whole text. */
  tokens: WordToken[];
  /** Content terms in order (repeats kept) outside speech tags: lunr stems, negations as "not". */
  terms: string[];
}

/** How units are cut and which are kept. */
export interface UnitOptions {
  /** Units with fewer content terms are skipped (too little to be a claim)… */
  minTerms: number;
  /** …and so are units with fewer content terms outside their speech tags. */
  minClaimTerms: number;
  /** Sentences with at least this many words are cut into clauses. */
  longSentenceWords: number;
  /** Paragraphs (lines) with fewer words are skipped as page furniture ("Read More", "Location :"). */
  minParagraphWords: number;
}

/** Defaults: 4 content terms a unit (3 outside speech tags), clauses from 14-word sentences, lines of 5 words or more. */
export const DEFAULT_UNIT_OPTIONS: UnitOptions = { minTerms: 4, minClaimTerms: 3, longSentenceWords: 14, minParagraphWords: 5 };

/** Negations, the words that turn a claim around: all one term, so "not imminent" and "never imminent" agree. */
const NEGATIONS = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot', 'cant', 'dont', 'doesnt', 'didnt',
  'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'hasnt', 'havent', 'hadnt', 'aint',
]);
/** Reporting words: who said a thing is not what was said, so they never make two units alike. */
const REPORTING = new Set([
  'said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'according', 'report', 'reports', 'reported', 'reportedly',
  'citing', 'cited', 'added', 'stated', 'noted',
]);

/** Mid-sentence clause boundaries: "; ", ", but", " but ", ", though", ", although", " while ", ", whereas", " and that ". */
const CLAUSE_BOUNDARY = /;\s+|,?\s+(?:but|though|although|whereas|while)\s+|,?\s+and\s+that\s+/giu;
/** A leading subordinate clause ("While discussions are ongoing, …"): the main clause starts after its comma. */
const LEADING_CLAUSE = /^[“"‘']?(?:while|although|though|whereas)\b[^,;]{1,200},\s+/iu;
/** Verbs introducing what someone said. */
const SPEECH_VERB = String.raw`(?:said|says|say|told(?:\s+[\p{L}\p{N}.’']+){0,3}|reported|added|stated|noted|emphasi[sz]ed|highlighted|insisted|stressed|confirmed|pointed\s+out)`;
/**
 * A leading speech tag: "According to NBC News, …", "citing U.S. officials, …", then up to eight words and a speech
 * verb ("Officials said that …").
 */
const LEADING_TAG = new RegExp(String.raw`^[“"‘']?(?:according\s+to\s+[^,;]{1,80},\s*)?(?:citing\s+[^,;]{1,60},\s*)?(?:(?:[\p{L}\p{N}.’'-]+\s+){0,8}${SPEECH_VERB}\s+(?:that\s+)?)?`, 'iu');
/**
 * A trailing speech tag after the last comma ("…, the two current U.S. officials said.", "…, according to …",
 * "…, citing …"), or an embedded post's credit line ("pic.twitter.com/… — Name (@handle) November 3, 2025").
 */
const TRAILING_TAG = new RegExp(
  String.raw`(?:,\s*(?:(?:according\s+to|citing)\s+[^,;]{1,120}|[^,;“”"]{0,100}?\b${SPEECH_VERB})\s*[.!?]?|\s*(?:pic\.twitter\.com\/\S+\s*)?—\s*[^—]{1,80}\(@\w+\)[^—]{0,30})$`,
  'iu',
);
/** A sentence end sentenceEnd does not see: a stop inside closing quotes, then a capital or an opening quote. */
const QUOTED_STOP = /[.!?][”"’]+\s+(?=[\p{Lu}“"‘])/gu;

const termCache = new Map<string, string | undefined>();

/** The content term of a normalized word: "not" for a negation, undefined for a stop or reporting word, else its stem. */
export function contentTerm(word: string): string | undefined {
  if (termCache.has(word)) return termCache.get(word);
  const term = NEGATIONS.has(word) ? 'not' : REPORTING.has(word) ? undefined : termOf(word);
  if (termCache.size < 100_000) termCache.set(word, term);
  return term;
}

/** Content terms of some words, in order. */
export function contentTerms(tokens: readonly WordToken[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    const term = contentTerm(token.word);
    if (term !== undefined) terms.push(term);
  }
  return terms;
}

/** Lines of a text, trimmed, empty ones left out: the paragraphs attribution looks back through. */
export function paragraphSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let cursor = 0;
  while (cursor <= text.length) {
    const found = text.indexOf('\n', cursor);
    const lineEnd = found === -1 ? text.length : found;
    const span = trimSpan(text, { start: cursor, end: lineEnd });
    if (span.end > span.start) spans.push(span);
    cursor = lineEnd + 1;
  }
  return spans;
}

/** Sentences of one paragraph: sentence ends as the quote finder sees them, plus stops inside closing quotes. */
export function sentenceSpans(text: string, paragraph: TextSpan): TextSpan[] {
  const spans: TextSpan[] = [];
  let cursor = paragraph.start;
  while (cursor < paragraph.end) {
    const end = sentenceEnd(text, cursor, paragraph.end - cursor);
    const span = trimSpan(text, { start: cursor, end: Math.max(end, cursor + 1) });
    spans.push(...splitAtQuotedStops(text, span));
    cursor = Math.max(end, cursor + 1);
  }
  return spans.filter((span) => span.end > span.start);
}

function splitAtQuotedStops(text: string, sentence: TextSpan): TextSpan[] {
  const slice = text.slice(sentence.start, sentence.end);
  const spans: TextSpan[] = [];
  let start = sentence.start;
  for (const match of slice.matchAll(QUOTED_STOP)) {
    const stop = sentence.start + match.index + match[0].trimEnd().length;
    spans.push(trimSpan(text, { start, end: stop }));
    start = sentence.start + match.index + match[0].length;
  }
  spans.push(trimSpan(text, { start, end: sentence.end }));
  return spans;
}

/** Whitespace trimmed off both ends of a span. */
function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Content terms of the tokens inside a span. */
function termCountIn(tokens: readonly WordToken[], span: TextSpan): number {
  let count = 0;
  for (const token of tokens) if (token.start >= span.start && token.end <= span.end && contentTerm(token.word) !== undefined) count++;
  return count;
}

/**
 * Clauses of a long sentence: cut after a leading subordinate clause (its fragment stays a candidate unit), and at
 * each strong boundary leaving at least `minTerms` content terms on both sides. The connective itself is dropped, so
 * "… is not imminent but early stages … has begun" gives "… is not imminent" and "early stages … has begun".
 */
export function clauseSpans(text: string, sentence: TextSpan, tokens: readonly WordToken[], options: UnitOptions): TextSpan[] {
  if (tokens.length < options.longSentenceWords) return [sentence];
  const spans: TextSpan[] = [];
  let start = sentence.start;
  const leading = LEADING_CLAUSE.exec(text.slice(sentence.start, sentence.end));
  if (leading) {
    const rest = { start: sentence.start + leading[0].length, end: sentence.end };
    if (termCountIn(tokens, rest) >= options.minTerms) {
      spans.push(trimSpan(text, { start, end: sentence.start + leading[0].trimEnd().length - 1 }));
      start = rest.start;
    }
  }
  const boundary = new RegExp(CLAUSE_BOUNDARY.source, CLAUSE_BOUNDARY.flags);
  boundary.lastIndex = start - sentence.start;
  const body = text.slice(sentence.start, sentence.end);
  for (let match = boundary.exec(body); match; match = boundary.exec(body)) {
    const before = { start, end: sentence.start + match.index };
    const after = { start: sentence.start + match.index + match[0].length, end: sentence.end };
    if (termCountIn(tokens, before) < options.minTerms || termCountIn(tokens, after) < options.minTerms) continue;
    spans.push(trimSpan(text, before));
    start = after.start;
  }
  spans.push(trimSpan(text, { start, end: sentence.end }));
  return spans.filter((span) => span.end > span.start);
}

/**
 * Speech tags of a unit: who said it, not what was said. Their words stay in the unit but not in its terms, so two
 * sentences do not look alike because "two U.S. officials said" both.
 */
export function speechTagSpans(text: string, unit: TextSpan): TextSpan[] {
  const slice = text.slice(unit.start, unit.end);
  const spans: TextSpan[] = [];
  const leading = LEADING_TAG.exec(slice);
  if (leading && leading[0].length > 0) spans.push({ start: unit.start, end: unit.start + leading[0].length });
  const trailing = TRAILING_TAG.exec(slice);
  if (trailing && unit.start + trailing.index >= (spans[0]?.end ?? unit.start)) spans.push({ start: unit.start + trailing.index, end: unit.end });
  return spans;
}

/** The claim units of a reading text, in order: clauses of sentences of lines, without furniture or tiny fragments. */
export function claimUnitsOf(text: string, options: UnitOptions = DEFAULT_UNIT_OPTIONS): ClaimUnit[] {
  const units: ClaimUnit[] = [];
  const words = tokenizeWords(text);
  let cursor = 0;
  for (const paragraph of paragraphSpans(text)) {
    while (cursor < words.length && (words[cursor]?.start ?? 0) < paragraph.start) cursor++;
    const first = cursor;
    while (cursor < words.length && (words[cursor]?.end ?? 0) <= paragraph.end) cursor++;
    if (cursor - first < options.minParagraphWords) continue;
    const paragraphWords = words.slice(first, cursor);
    for (const sentence of sentenceSpans(text, paragraph)) {
      const sentenceWords = tokensIn(paragraphWords, sentence);
      for (const clause of clauseSpans(text, sentence, sentenceWords, options)) {
        const tokens = tokensIn(sentenceWords, clause);
        if (contentTerms(tokens).length < options.minTerms) continue;
        const tags = speechTagSpans(text, clause);
        const terms = contentTerms(tokens.filter((token) => !tags.some((tag) => token.start >= tag.start && token.end <= tag.end)));
        if (terms.length < options.minClaimTerms) continue;
        units.push({ ...clause, text: text.slice(clause.start, clause.end), sentence, paragraph, tokens, terms });
      }
    }
  }
  return units;
}

/** The tokens lying inside a span. */
function tokensIn(tokens: readonly WordToken[], span: TextSpan): WordToken[] {
  return tokens.filter((token) => token.start >= span.start && token.end <= span.end);
}
