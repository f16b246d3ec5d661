/**
 * Claim units of a reading text: sentences, cut into clauses at strong boundaries when long, each with exact offsets
 * and its content terms (stemmed, stop words and reporting verbs left out, negations kept). Pure.
 */
import { sentenceEnd } from '../quotes/sentences';
import { scanWordsTransient } from './word-scan';
import { CLAUSE_FLAG, StoryWords, TAG_FLAG, TERM_FLAG } from './claim-words';
import { UnitTable, type ClaimUnit, type TextSpan } from './claim-units';

export { StoryWords } from './claim-words';
export { ClaimUnit, UnitTable, type TextSpan } from './claim-units';

/** Whether a character occurs in spans of a text visited in ascending order (amortized: one scan of the text). */
class CharacterFinder {
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly character: string,
  ) {}

  /** True when the character occurs in [start, end); starts must not decrease from call to call. */
  within(start: number, end: number): boolean {
    if (this.next < start && this.next !== Infinity) {
      const found = this.text.indexOf(this.character, start);
      this.next = found === -1 ? Infinity : found;
    }
    return this.next < end;
  }
}

/** The words of a sentence as clause cutting needs them: how many, and how many content terms lie inside a span. */
export interface SentenceWords {
  count: number;
  termsIn(span: TextSpan): number;
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

/** Mid-sentence clause boundaries: "; ", ", but", " but ", ", though", ", although", " while ", ", whereas", " and that ". */
const CLAUSE_BOUNDARY = /;\s+|,?\s+(?:but|though|although|whereas|while)\s+|,?\s+and\s+that\s+/giu;
/** A leading subordinate clause ("While discussions are ongoing, …"): the main clause starts after its comma. */
const LEADING_CLAUSE = /^[“"‘']?(?:while|although|though|whereas)\b[^,;]{1,200},\s+/iu;
/**
 * Verbs introducing what someone said. Every tag holding a word has a word of TAG_WORDS (claim-words.ts) and every
 * clause boundary one of CLAUSE_WORDS or a semicolon, which lets units without them skip these patterns: change both.
 */
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
  if (!slice.includes('”') && !slice.includes('"') && !slice.includes('’')) return [trimSpan(text, sentence)];
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

/**
 * Clauses of a long sentence: cut after a leading subordinate clause (its fragment stays a candidate unit), and at
 * each strong boundary leaving at least `minTerms` content terms on both sides. The connective itself is dropped, so
 * "… is not imminent but early stages … has begun" gives "… is not imminent" and "early stages … has begun".
 */
export function clauseSpans(text: string, sentence: TextSpan, words: SentenceWords, options: UnitOptions): TextSpan[] {
  if (words.count < options.longSentenceWords) return [sentence];
  const spans: TextSpan[] = [];
  let start = sentence.start;
  const leading = LEADING_CLAUSE.exec(text.slice(sentence.start, sentence.end));
  if (leading) {
    const rest = { start: sentence.start + leading[0].length, end: sentence.end };
    if (words.termsIn(rest) >= options.minTerms) {
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
    if (words.termsIn(before) < options.minTerms || words.termsIn(after) < options.minTerms) continue;
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

/**
 * The claim units of a reading text, in order: clauses of sentences of lines, without furniture or tiny fragments.
 * `story` numbers the words of a story's texts once for all of them; a text on its own gets its own.
 */
export function claimUnitsOf(text: string, options: UnitOptions = DEFAULT_UNIT_OPTIONS, story: StoryWords = new StoryWords()): ClaimUnit[] {
  const table = new UnitTable(story);
  addClaimUnits(table, text, options);
  return Array.from({ length: table.count }, (_, unit) => table.unit(unit));
}

/** Appends the claim units of a reading text to a story's table (see claimUnitsOf), without an object per unit. */
export function addClaimUnits(table: UnitTable, text: string, options: UnitOptions = DEFAULT_UNIT_OPTIONS): void {
  const story = table.words;
  const { starts, ends, words } = scanWordsTransient(text, story.dictionary);
  const count = words.length;
  // Content terms among the first i words, so a span's terms are a difference.
  const termsBefore = new Int32Array(count + 1);
  for (let index = 0; index < count; index++) termsBefore[index + 1] = termsBefore[index]! + ((story.flagsOf(words[index]!) & TERM_FLAG) >> 2);
  const termIds: number[] = [];
  // Units wait for the text's arrays: span, sentence and paragraph objects, then words and terms as numbers.
  const spans: TextSpan[] = [];
  const numbers: number[] = [];
  const semicolons = new CharacterFinder(text, ';');
  const dashes = new CharacterFinder(text, '—');
  const flagged = (from: number, to: number, flag: number) => {
    for (let index = from; index < to; index++) if ((story.flagsOf(words[index]!) & flag) !== 0) return true;
    return false;
  };
  let cursor = 0;
  for (const paragraph of paragraphSpans(text)) {
    while (cursor < count && starts[cursor]! < paragraph.start) cursor++;
    const first = cursor;
    while (cursor < count && ends[cursor]! <= paragraph.end) cursor++;
    if (cursor - first < options.minParagraphWords) continue;
    for (const sentence of sentenceSpans(text, paragraph)) {
      const [sentenceFrom, sentenceTo] = wordRange(starts, ends, first, cursor, sentence);
      const sentenceWords: SentenceWords = {
        count: sentenceTo - sentenceFrom,
        termsIn: (span) => {
          const [from, to] = wordRange(starts, ends, sentenceFrom, sentenceTo, span);
          return termsBefore[to]! - termsBefore[from]!;
        },
      };
      // A sentence without a boundary's word or a semicolon is one clause, as clauseSpans would find.
      const clauses =
        sentenceWords.count >= options.longSentenceWords && (flagged(sentenceFrom, sentenceTo, CLAUSE_FLAG) || semicolons.within(sentence.start, sentence.end))
          ? clauseSpans(text, sentence, sentenceWords, options)
          : [sentence];
      for (const clause of clauses) {
        const [from, to] = wordRange(starts, ends, sentenceFrom, sentenceTo, clause);
        if (termsBefore[to]! - termsBefore[from]! < options.minTerms) continue;
        // A clause without a tag's word or an em dash has no speech tag holding a word.
        const tags = flagged(from, to, TAG_FLAG) || dashes.within(clause.start, clause.end) ? speechTagSpans(text, clause) : [];
        const termStart = termIds.length;
        for (let index = from; index < to; index++) {
          const term = story.termOf(words[index]!);
          if (term >= 0 && (tags.length === 0 || !insideAny(tags, starts[index]!, ends[index]!))) termIds.push(term);
        }
        if (termIds.length - termStart < options.minClaimTerms) {
          termIds.length = termStart;
          continue;
        }
        spans.push(clause, sentence, paragraph);
        numbers.push(from, to - from, termStart, termIds.length);
      }
    }
  }
  if (spans.length === 0) return;
  const textIndex = table.addText(text, wordHashesOf(words, story.dictionary), Int32Array.from(termIds));
  for (let unit = 0; unit * 3 < spans.length; unit++) {
    const at = unit * 4;
    table.add(textIndex, spans[unit * 3]!, spans[unit * 3 + 1]!, spans[unit * 3 + 2]!, numbers[at]!, numbers[at + 1]!, numbers[at + 2]!, numbers[at + 3]!);
  }
}

/** True when [start, end) lies inside one of the spans. */
function insideAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  for (const span of spans) if (start >= span.start && end <= span.end) return true;
  return false;
}

/** The FNV-1a hash of each word of a text, by position. */
function wordHashesOf(words: Int32Array, dictionary: StoryWords['dictionary']): Int32Array {
  const hashes = new Int32Array(words.length);
  for (let index = 0; index < words.length; index++) hashes[index] = dictionary.rawHashOf(words[index]!);
  return hashes;
}

/**
 * The words among [from, to) lying inside a span, as a range: words ascend and never overlap, so those starting at or
 * after the span's start and ending by its end are consecutive.
 */
function wordRange(starts: Int32Array, ends: Int32Array, from: number, to: number, span: TextSpan): [number, number] {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < span.start) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < to && ends[end]! <= span.end) end++;
  return [low, end];
}
