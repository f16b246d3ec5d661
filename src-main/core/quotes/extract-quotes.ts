/** Finds every quote in a reading text, its kind and who said it. Pure, never throws, linear in the text. */
import type { QuoteKind } from '../../contract/quotes';
import { buildModel, type DocumentModel } from './mentions';
import { nameSpans } from './names';
import { findMarkedSpans, type MarkedSpan } from './quote-marks';
import { isScareQuote } from './scare-quotes';
import { paragraphStart } from './sentences';
import { attributionAfter, attributionBefore, sentenceHasCue } from './speakers';
import { findTranscriptTurns } from './transcripts';

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
    if (isScareQuote(text, span.start, span.end, span.open, adjacent, sentenceHasCue(text, span))) continue;
    let speaker = after ?? before ?? null;
    if (!cued && samePara && previous !== null && span.open - previous.span.close < 250) speaker = previous.quote.speaker;
    const quote: ExtractedQuote = { start: span.start, end: span.end, text: text.slice(span.start, span.end), speaker, kind };
    quotes.push(quote);
    previous = { quote, span };
  }
  return quotes;
}

function transcriptQuotes(text: string, model: DocumentModel): { quotes: ExtractedQuote[]; ranges: [number, number][] } {
  const turns = findTranscriptTurns(text);
  const quotes = turns.map((turn) => {
    const words = turn.label === null ? [] : (nameSpans(turn.label)[0]?.words ?? []);
    const speaker = words.length === 0 ? null : model.registry.canonical(words);
    return { start: turn.start, end: turn.end, text: text.slice(turn.start, turn.end), speaker, kind: 'transcript' as const };
  });
  return { quotes, ranges: turns.map((turn) => [turn.start, turn.end] as [number, number]) };
}

function extract(text: string): ExtractedQuote[] {
  const turns = findTranscriptTurns(text);
  const turnRanges = turns.map((turn) => [turn.start, turn.end] as [number, number]);
  let turnIndex = 0;
  const spans = findMarkedSpans(text).filter((span) => {
    while (turnIndex < turnRanges.length && (turnRanges[turnIndex] as [number, number])[1] <= span.open) turnIndex += 1;
    const turn = turnRanges[turnIndex];
    return turn === undefined || span.open < turn[0];
  });
  const quoted = spans.map((span) => [span.start, span.end] as [number, number]);
  const model = buildModel(text, [...quoted, ...turnRanges].sort((left, right) => left[0] - right[0]));
  const quotes = attributeAll(text, spans, model);
  if (turns.length > 0) quotes.push(...transcriptQuotes(text, model).quotes);
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
