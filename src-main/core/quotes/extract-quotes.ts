/** Finds every quote in a reading text, its kind and who said it. Pure, never throws, linear in the text. */
import type { QuoteKind } from '../../contract/quotes';
import { buildModel, type DocumentModel } from './mentions';
import { nameSpans } from './names';
import { findMarkedSpans, type MarkedSpan } from './quote-marks';
import { isScareQuote } from './scare-quotes';
import { paragraphStart } from './sentences';
import { attributionAfter, attributionBefore, sentenceHasCue } from './speakers';
import { findTranscriptTurns, type TranscriptTurn } from './transcripts';
import { isCueVerb } from './cue-verbs';

/** One quote found in a text: offsets of the words inside the marks, the speaker (or null) and the kind. */
export interface ExtractedQuote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  kind: QuoteKind;
}

/** Partial when the mark follows a word directly ("would “use all…”") rather than a comma, colon or cue verb. */
function kindOf(text: string, span: MarkedSpan): QuoteKind {
  let cursor = span.open - 1;
  while (cursor >= 0 && (text[cursor] === ' ' || text[cursor] === '\u00a0')) cursor -= 1;
  const before = text[cursor];
  if (before === undefined || !/[\p{L}\p{N}’']/u.test(before)) return 'direct';
  const first = text[span.start] ?? '';
  if (/\p{Lu}/u.test(first) && /\b(?:said|says|stated|added|asked|replied|wrote|tweeted|posted|told\s+\S+)\s*$/iu.test(text.slice(Math.max(0, span.open - 30), span.open))) return 'direct';
  return 'partial';
}

/** A nickname between a first name and a surname: Robert “Bobby” Kline. The marks and the nickname are blanked
 * (same length) so the name reads as one, and the span is never a quote. Sticky: it is tried only where a mark
 * opens before a capital (NICKNAME_START), as a scan from every offset would find the same matches far slower. */
const NICKNAME = /(?<=\p{Lu}[\p{L}\p{M}'’\-]+\.?[ \u00a0]+)[“"‘'«]\p{Lu}[\p{L}\p{M}.'’\- ]{0,24}?[”"’'»](?=[ \u00a0]+\p{Lu})/uy;
const NICKNAME_START = /[“"‘'«]\p{Lu}/gu;

/** The text with nicknames blanked out (offsets unchanged) and the ranges blanked. */
function blankNicknames(text: string): { text: string; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  NICKNAME_START.lastIndex = 0;
  for (let start = NICKNAME_START.exec(text); start !== null; start = NICKNAME_START.exec(text)) {
    NICKNAME.lastIndex = start.index;
    const nickname = NICKNAME.exec(text);
    if (nickname === null) {
      NICKNAME_START.lastIndex = start.index + 1;
      continue;
    }
    ranges.push([start.index, start.index + nickname[0].length]);
    NICKNAME_START.lastIndex = start.index + nickname[0].length;
  }
  if (ranges.length === 0) return { text, ranges };
  let blanked = '';
  let done = 0;
  for (const [from, to] of ranges) {
    blanked += text.slice(done, from) + ' '.repeat(to - from);
    done = to;
  }
  return { text: blanked + text.slice(done), ranges };
}

/** True when the quote continues the sentence of the previous one through "and"/"but"/"or" with no new subject:
 * "called the cuts “painful” and promised to restore hours “the moment the numbers allow it.”" */
function continuesPrevious(text: string, previousClose: number, open: number): boolean {
  const between = text.slice(previousClose + 1, open);
  if (between.length > 160 || /[.!?]\s/u.test(between) || between.includes('\n')) return false;
  const verb = /^[\s,]*(?:and|but|or|then)\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)\b/u.exec(between)?.[1];
  return verb !== undefined && (isCueVerb(verb) || /(?:ed|s)$/u.test(verb)) && !['he', 'she', 'they', 'it', 'we', 'his', 'this', 'its'].includes(verb);
}

function attributeAll(text: string, spans: MarkedSpan[], model: DocumentModel): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = [];
  let previous: { quote: ExtractedQuote; span: MarkedSpan } | null = null;
  for (const span of spans) {
    const kind = kindOf(text, span);
    const paragraph = paragraphStart(text, span.open);
    const samePara = previous !== null && previous.span.close >= paragraph;
    const floor = samePara && previous !== null ? previous.span.close + 1 : paragraph;
    const after = attributionAfter(text, span, model);
    const before = after === undefined ? attributionBefore(text, span, model, floor, kind === 'partial') : undefined;
    const cued = after !== undefined || before !== undefined;
    const adjacent = after !== undefined || (before !== undefined && /[,:]\s*$/u.test(text.slice(Math.max(0, span.open - 4), span.open)));
    if (isScareQuote(text, span.start, span.end, span.open, adjacent, () => sentenceHasCue(text, span))) continue;
    let speaker = after ?? before ?? null;
    if (speaker === null && samePara && previous !== null && continuesPrevious(text, previous.span.close, span.open)) speaker = previous.quote.speaker;
    if (!cued && samePara && previous !== null && span.open - previous.span.close < 250) speaker = previous.quote.speaker;
    const quote: ExtractedQuote = { start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, kind };
    quotes.push(quote);
    previous = { quote, span };
  }
  return quotes;
}

/** The person a role label ("ANCHOR", "HOST") stands for: the one person the text gives that title ("anchor Maria
 * Delgado"), or null. */
function roleHolder(model: DocumentModel, role: string | null): string | null {
  return role === null ? null : model.registry.holderOf(role);
}

function transcriptQuotes(text: string, turns: readonly TranscriptTurn[], model: DocumentModel): ExtractedQuote[] {
  return turns.map((turn) => {
    const words = turn.label === null ? [] : (nameSpans(turn.label)[0]?.words ?? []);
    const speaker = words.length === 0 ? roleHolder(model, turn.role) : model.registry.canonical(words);
    return { start: turn.start, end: turn.end, text: text.slice(turn.start, turn.end), speaker, kind: 'transcript' as const };
  });
}

function extract(original: string): ExtractedQuote[] {
  const nicknames = blankNicknames(original);
  const text = nicknames.text;
  const turns = findTranscriptTurns(text);
  const turnRanges = turns.map((turn) => [turn.start, turn.end] as [number, number]);
  let turnIndex = 0;
  const spans = findMarkedSpans(text).filter((span) => {
    while (turnIndex < turnRanges.length && (turnRanges[turnIndex] as [number, number])[1] <= span.open) turnIndex += 1;
    const turn = turnRanges[turnIndex];
    if (nicknames.ranges.some(([start, end]) => span.open >= start && span.open < end)) return false;
    return turn === undefined || span.open < turn[0];
  });
  if (spans.length === 0 && turns.length === 0) return [];
  const quoted = spans.map((span) => [span.start, span.end] as [number, number]);
  const model = buildModel(text, [...quoted, ...turnRanges].sort((left, right) => left[0] - right[0]));
  const quotes = attributeAll(text, spans, model);
  if (turns.length > 0) quotes.push(...transcriptQuotes(text, turns, model));
  if (nicknames.ranges.length > 0) for (const quote of quotes) quote.text = original.slice(quote.start, quote.end);
  return quotes.sort((left, right) => left.start - right.start);
}

/** Every quote in `text`, sorted by start; `text` of each equals `input.slice(start, end)`. */
export function extractQuotes(text: string): ExtractedQuote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return extract(text);
  } catch {
    return [];
  }
}
