/**
 * Keeping untrusted text from changing a Markdown document's structure: passages and metadata come from articles, and
 * a quoted "# heading", "[^1]", "<script>" or "---" must read as text, not become a heading, footnote, HTML or rule.
 */

/** Backslash-escapes characters that start inline Markdown or HTML (emphasis, code, links, footnotes, tags, entities, tables). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** Text on one line: every run of white space (line breaks included) becomes one space, ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Untrusted text as an inline code span on one line (for file paths): shown exactly, nothing inside is Markdown. */
export function codeSpan(text: string): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  // CommonMark drops one space at each end when both ends have one, and a tick at an end would join the fence.
  const pad = /^`|`$/.test(line) || (/^ [^]*[^ ][^]* $/.test(line)) ? ' ' : '';
  return `${ticks}${pad}${line}${pad}${ticks}`;
}

/** Untrusted text as one inline run: one line, escaped. */
export function inlineText(text: string): string {
  return escapeInline(oneLine(text));
}

/** Escapes what would start a block at the beginning of a line: headings, list items, setext underlines, rules, table rows. */
function escapeLineStart(line: string): string {
  if (/^[#+=-]/.test(line)) return `\\${line}`;
  // A GFM table's delimiter row (":--", ": - :") is only colons, hyphens and spaces (pipes are already escaped).
  if (/^[:\- \t]*-[:\- \t]*$/.test(line)) return line.replace('-', '\\-');
  return line.replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Untrusted text as the lines of a block quote, each prefixed "> " (">" alone for an empty line); never empty. */
export function quoteLines(text: string): string[] {
  const lines = normalizeNewlines(text)
    .split('\n')
    .map((line) => escapeLineStart(escapeInline(line.trim())));
  while (lines.length > 1 && lines[0] === '') lines.shift();
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line === '' ? '>' : `> ${line}`));
}

/** CRLF and lone CR line ends as LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Heading level a body's own headings are moved down by, to stay below the notebook's "#" and the note's "##". */
const HEADING_SHIFT = 2;

/** HTML blocks that run until a closing marker rather than a blank line (CommonMark types 1–5), with that marker. */
const RUNAWAY_HTML: readonly { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, end: /<\/(script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
];

/** A line that starts a block rather than continuing a paragraph's text (for setext headings). */
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|[>#<|]))/;

/**
 * A note body (the reporter's own Markdown) kept as written, except what would reach outside the note: its headings
 * move two levels down (a one-line setext heading becomes an ATX one; any other "===" or "---" under text is
 * escaped), "[^" is escaped (footnote labels belong to the notebook's passages), a code fence left open is closed, and
 * an HTML block that never ends (`<script>`, `<!--` …) loses its opening `<`, as does a paragraph's "[" that never closes.
 */
export function containBody(body: string): string {
  const lines = normalizeNewlines(body).split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  // The lines of the paragraph text just before, as indexes into `out`; empty after a blank line or another block.
  let paragraph: number[] = [];
  // Where each line starts in the body, and where each runaway HTML block's closing marker last occurs (found once).
  const offsets: number[] = [];
  lines.reduce((offset, line) => (offsets.push(offset), offset + line.length + 1), 0);
  const lastEnds = new Map<number, number>();
  const lastEnd = (kind: number): number => {
    let found = lastEnds.get(kind);
    if (found === undefined) {
      found = lastMatch(lines.join('\n'), RUNAWAY_HTML[kind]?.end);
      lastEnds.set(kind, found);
    }
    return found;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      out.push(line);
      if (marker?.[1] && marker[1][0] === fence.char && marker[1].length >= fence.length && (marker[2] ?? '').trim() === '') fence = null;
      continue;
    }
    if (marker?.[1] && !(marker[1][0] === '`' && (marker[2] ?? '').includes('`'))) {
      fence = { char: marker[1][0] ?? '`', length: marker[1].length };
      out.push(line);
      paragraph = [];
      continue;
    }
    if (line.trim() === '') {
      out.push(line);
      paragraph = [];
      continue;
    }
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    if (underline && paragraph.length > 0) {
      const only = paragraph.length === 1 ? paragraph[0] : undefined;
      const text = only === undefined ? undefined : out[only];
      if (only !== undefined && text !== undefined && !BLOCK_START.test(text)) {
        const level = Math.min(6, (underline[1]?.startsWith('=') ? 1 : 2) + HEADING_SHIFT);
        out[only] = `${'#'.repeat(level)} ${text.trim()}`;
        paragraph = [];
      } else {
        // Escaped, the underline is more text of the paragraph (or a list item's), so a later one is escaped too.
        paragraph.push(out.length);
        out.push(`\\${line.trimStart()}`);
      }
      continue;
    }
    const heading = /^( {0,3})(#{1,6})(?=[ \t]|$)/.exec(line);
    let contained = heading ? line.replace(heading[0], `${heading[1]}${'#'.repeat(Math.min(6, (heading[2] ?? '').length + HEADING_SHIFT))}`) : line;
    const runaway = RUNAWAY_HTML.findIndex((html) => html.start.test(contained));
    const opener = runaway === -1 ? null : RUNAWAY_HTML[runaway]?.start.exec(line);
    if (opener && lastEnd(runaway) < offsets[index]! + opener[0].length) contained = contained.replace('<', '\\<');
    if (paragraph.length === 0 && /^ {0,3}\[/.test(contained) && !closesBeforeBlank(lines, index)) {
      // A "[" that never closes in its paragraph: marked would let it open a link definition across blank lines.
      contained = contained.replace('[', '\\[');
    }
    if (heading) paragraph = [];
    else paragraph.push(out.length);
    out.push(escapeFootnoteMarks(contained));
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/** Where the last match of a pattern starts in a text; -1 when none. */
function lastMatch(text: string, pattern: RegExp | undefined): number {
  if (!pattern) return -1;
  const global = new RegExp(pattern.source, `${pattern.flags}g`);
  let last = -1;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    last = match.index;
    global.lastIndex = match.index + 1;
  }
  return last;
}

/** Whether a "]" follows on the lines from `start` to the next blank line. */
function closesBeforeBlank(lines: readonly string[], start: number): boolean {
  for (let index = start; index < lines.length && (index === start || (lines[index] ?? '').trim() !== ''); index++) {
    if ((lines[index] ?? '').includes(']')) return true;
  }
  return false;
}

/** Escapes "[^" outside inline code spans, so body text can neither cite nor define one of the notebook's footnotes. */
function escapeFootnoteMarks(line: string): string {
  if (!line.includes('[^')) return line;
  const closers = backtickRuns(line);
  let out = '';
  let index = 0;
  while (index < line.length) {
    if (line[index] === '`') {
      let run = 1;
      while (line[index + run] === '`') run++;
      const close = nextRun(closers, run, index + run);
      const end = close === -1 ? index + run : close + run;
      out += line.slice(index, end);
      index = end;
    } else if (line.startsWith('[^', index) && !isEscaped(line, index)) {
      out += '\\[';
      index++;
    } else {
      out += line[index];
      index++;
    }
  }
  return out;
}

/** The backtick runs of a line: for each run length, where runs of exactly that length start (ascending), and a cursor. */
function backtickRuns(line: string): Map<number, { starts: number[]; next: number }> {
  const runs = new Map<number, { starts: number[]; next: number }>();
  for (let index = line.indexOf('`'); index !== -1; index = line.indexOf('`', index)) {
    let length = 1;
    while (line[index + length] === '`') length++;
    const group = runs.get(length) ?? { starts: [], next: 0 };
    group.starts.push(index);
    runs.set(length, group);
    index += length;
  }
  return runs;
}

/** Where the next run of exactly `length` backticks starts at or after `from` (a code span's end); -1 when none. Linear overall: cursors only advance. */
function nextRun(runs: Map<number, { starts: number[]; next: number }>, length: number, from: number): number {
  const group = runs.get(length);
  if (!group) return -1;
  while (group.next < group.starts.length && (group.starts[group.next] ?? 0) < from) group.next++;
  return group.starts[group.next] ?? -1;
}

/** Whether the character at `index` follows an odd number of backslashes. */
function isEscaped(line: string, index: number): boolean {
  let slashes = 0;
  while (index - slashes - 1 >= 0 && line[index - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}
