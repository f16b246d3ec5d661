/**
 * The reply history, signatures and legal footers of an e-mail's text, found line by line and marked as boilerplate
 * (kept in the text, hidden from the reading text, restorable).
 */
import type { BoilerplateReason, BoilerplateSpan } from './types';

/*
 * Reasons, from the closest of the existing ones (the reader shows them when offering to restore a span):
 * - quoted reply history (">" lines, the "On … wrote:" line introducing them, Outlook's "-----Original Message-----"
 *   or "From:/Sent:" block and everything after it) → 'metadata-line': it is correspondence apparatus, like a byline
 *   or a dateline, not the message's own text;
 * - the signature ("-- " line and what follows, up to any quoted history) → 'author-bio': it says who the sender is;
 * - confidentiality footers ("This e-mail is confidential…") → 'disclaimer'.
 */
const QUOTE_REASON: BoilerplateReason = 'metadata-line';
const SIGNATURE_REASON: BoilerplateReason = 'author-bio';
const FOOTER_REASON: BoilerplateReason = 'disclaimer';

/** Lines longer than this are prose, never an attribution, separator or header line (keeps every regex cheap). */
const MAX_CUE_LINE = 400;
const QUOTED_LINE = /^>/;
const SIGNATURE_LINE = /^--$/;
/** "On Mon, 3 Nov 2025 at 10:00, Dana Ortiz <dana@example.org> wrote:", possibly wrapped over two lines. */
const ATTRIBUTION_START = /^On\s/;
const ATTRIBUTION_END = /\bwrote:$/;
/** A strong attribution names an address or a time, so "On Monday the mayor wrote:" in prose never matches. */
const ATTRIBUTION_EVIDENCE = /@|\b\d{1,2}:\d{2}\b/;
const ORIGINAL_MESSAGE = /^-{2,}\s*(?:Original Message|Forwarded by .{0,80}|Reply message)\s*-{2,}$/i;
const OUTLOOK_FROM = /^From:\s.{1,300}$/;
const OUTLOOK_NEXT = /^(?:Sent|Date):\s/;
const CONFIDENTIAL_FOOTER =
  /^(?:\*{0,2}\s*)?(?:confidentiality notice|confidential(?:ity)? (?:statement|disclaimer)|this (?:e-?mail|message|communication|transmission)\b[^.]{0,160}\b(?:is|are|may be|may contain|contains?)\b[^.]{0,160}\b(?:confidential|privileged))/i;

/** Line starts and ends (end excludes the line feed) of LF text, computed once. */
function lineBounds(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    lines.push({ start, end: newline === -1 ? text.length : newline });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** Whether lines[index], alone or joined with the next line (clients wrap it), is an "On … wrote:" attribution. */
function attributionLength(lines: readonly string[], index: number): number {
  const first = lines[index] ?? '';
  if (first.length > MAX_CUE_LINE || !ATTRIBUTION_START.test(first)) return 0;
  if (ATTRIBUTION_END.test(first)) return 1;
  const second = lines[index + 1] ?? '';
  return second.length <= MAX_CUE_LINE && ATTRIBUTION_END.test(second) ? 2 : 0;
}

function nextNonBlank(lines: readonly string[], from: number): string {
  for (let index = from; index < lines.length; index += 1) if (lines[index] !== '') return lines[index] ?? '';
  return '';
}

/** Whether the line opens an Outlook history block: "-----Original Message-----", or "From: …" then "Sent: …". */
function opensHistory(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  if (line.length > MAX_CUE_LINE) return false;
  if (ORIGINAL_MESSAGE.test(line)) return true;
  return OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[index + 1] ?? '');
}

/** Marks each line's reason (or null): quoted history, then signatures, then confidentiality footers. */
function markLines(lines: readonly string[]): Array<BoilerplateReason | null> {
  const marks: Array<BoilerplateReason | null> = lines.map(() => null);
  const markFrom = (from: number, to: number, reason: BoilerplateReason): void => {
    for (let index = from; index < to; index += 1) marks[index] = reason;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (QUOTED_LINE.test(line)) {
      marks[index] = QUOTE_REASON;
      continue;
    }
    if (opensHistory(lines, index)) {
      markFrom(index, lines.length, QUOTE_REASON);
      break;
    }
    const attribution = attributionLength(lines, index);
    if (attribution === 0) continue;
    if (QUOTED_LINE.test(nextNonBlank(lines, index + attribution))) {
      markFrom(index, index + attribution, QUOTE_REASON);
      index += attribution - 1;
    } else if (ATTRIBUTION_EVIDENCE.test(lines.slice(index, index + attribution).join(' '))) {
      // No ">" markers (HTML mail, Outlook): the history is everything after the attribution.
      markFrom(index, lines.length, QUOTE_REASON);
      break;
    }
  }
  for (let index = 0; index < lines.length; index += 1) {
    if (marks[index] !== null || !SIGNATURE_LINE.test(lines[index] ?? '')) continue;
    let end = index + 1;
    while (end < lines.length && marks[end] === null) end += 1;
    markFrom(index, end, SIGNATURE_REASON);
    index = end;
  }
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (marks[index] !== null || (index > 0 && lines[index - 1] !== '') || !CONFIDENTIAL_FOOTER.test(line.slice(0, MAX_CUE_LINE))) continue;
    let end = index;
    while (end < lines.length && lines[end] !== '' && marks[end] === null) end += 1;
    markFrom(index, end, FOOTER_REASON);
  }
  return marks;
}

/**
 * Boilerplate spans of an e-mail body (normalized text): quoted reply history, signatures and confidentiality
 * footers. Spans cover whole lines with their line feed; lines of one reason separated only by blank lines form one
 * span. Linear in the text's length.
 */
export function replyBoilerplate(text: string): BoilerplateSpan[] {
  if (text === '') return [];
  const bounds = lineBounds(text);
  const lines = bounds.map((bound) => text.slice(bound.start, bound.end));
  const marks = markLines(lines);
  const spans: BoilerplateSpan[] = [];
  let open: BoilerplateSpan | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const bound = bounds[index];
    if (bound === undefined || lines[index] === '') continue;
    const reason = marks[index] ?? null;
    const end = Math.min(text.length, bound.end + 1);
    if (open !== null && reason === open.reason) {
      open.end = end;
      continue;
    }
    if (open !== null) spans.push(open);
    open = reason === null ? null : { start: bound.start, end, reason };
  }
  if (open !== null) spans.push(open);
  return spans;
}
