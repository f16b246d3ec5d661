/** Finds spans between quotation marks: curly, straight, guillemets and mixed pairs, across paragraph breaks. */

/** One span between marks; `start`/`end` bound the words inside (whitespace trimmed). */
export interface MarkedSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
}

const OPENERS = new Set(['“', '„', '«', '"']);
const CLOSERS = new Set(['”', '»', '"']);

function isSpace(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\n' || char === '\u00a0' || char === '\r';
}

/** True when a straight quote at `index` opens: nothing or a space/bracket before it, a word after it. */
function straightOpens(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  if (isSpace(after)) return false;
  return before === undefined || isSpace(before) || '([{—–-/:'.includes(before);
}

/** True when a straight quote at `index` closes an open quote: a word before it, or a space/punctuation after it. */
function straightCloses(text: string, index: number): boolean {
  const before = text[index - 1];
  const after = text[index + 1];
  if (!isSpace(before)) return true;
  return after === undefined || isSpace(after) || '.,;:!?)]'.includes(after);
}

/** The offset of the next paragraph's first character and the character there, skipping blank lines. */
function nextParagraphStart(text: string, newline: number): number {
  let index = newline;
  while (index < text.length && isSpace(text[index])) index += 1;
  return index;
}

function trimmed(text: string, open: number, close: number): MarkedSpan | null {
  let start = open + 1;
  let end = close;
  while (start < end && isSpace(text[start])) start += 1;
  while (end > start && isSpace(text[end - 1])) end -= 1;
  return end > start ? { start, end, open, close } : null;
}

/**
 * Every span between an opening and a closing mark, in order. Single quotes are never marks (they are apostrophes
 * or nested quotes, which stay inside their outer quote). A quote left open at a paragraph's end continues when the
 * next paragraph opens with a mark; otherwise it is dropped.
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let open = -1;
  let openMark = '';
  const interesting = /[“”„«»"\n]/gu;
  for (let index = 0; index < text.length; index += 1) {
    interesting.lastIndex = index;
    const hit = interesting.exec(text);
    if (hit === null) break;
    index = hit.index;
    const char = hit[0];
    if (char === '\n') {
      if (open < 0) continue;
      const next = nextParagraphStart(text, index);
      const nextChar = text[next];
      if (nextChar !== undefined && OPENERS.has(nextChar) && (nextChar !== '"' || straightOpens(text, next))) {
        index = next;
        continue;
      }
      open = -1;
      continue;
    }
    if (open >= 0) {
      if (openMark === '«' && char !== '»') continue;
      const closes = char === '”' || char === '»' || (char === '"' && straightCloses(text, index));
      if (closes) {
        const span = trimmed(text, open, index);
        if (span !== null) spans.push(span);
        open = -1;
        continue;
      }
      if (char === '“' || char === '„' || char === '«' || (char === '"' && straightOpens(text, index))) {
        open = index;
        openMark = char;
      }
      continue;
    }
    if (char === '"' ? straightOpens(text, index) : OPENERS.has(char)) {
      open = index;
      openMark = char;
    }
  }
  return spans;
}

/** True when the character is a closing mark. */
export function isClosingMark(char: string | undefined): boolean {
  return char !== undefined && CLOSERS.has(char);
}
