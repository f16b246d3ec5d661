/** Canonical text shape shared by every format: NFC, LF line ends, no control characters, tidy whitespace. */

/** Line breaks other than LF: CRLF, CR, vertical tab, form feed, NEL and the Unicode line separator. */
const LINE_BREAKS = /\r\n?|[\v\f\u0085\u2028]/g;
/** C0 controls except tab and LF, DEL, C1 controls and the byte order mark used as a zero-width space. */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g;
/**
 * Runs of horizontal whitespace (tab, space, no-break space, the other Unicode space separators) that are not already
 * one plain space: a run starting with a non-space character, or a space followed by more. Single spaces, the vast
 * majority, are left alone, which keeps this pass cheap.
 */
const SPACE_RUNS = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000][\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]*| [\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const EDGE_SPACES = /^ +| +$/gm;
const BLANK_RUNS = /\n{3,}/g;
/** Any character the line-break and control passes change: a quick test lets text without one skip all three. */
const LINE_BREAK_OR_CONTROL = /[\r\v\f\u0085\u2028\u2029\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/;
/** LINE_BREAK_OR_CONTROL or a blank other than the space (the characters SPACE_RUNS starts on), in one class. */
const BREAK_CONTROL_OR_BLANK = /[\r\v\f\u2028\u2029\u0000-\u0009\u000E-\u001F\u007F-\u00A0\uFEFF\u1680\u2000-\u200A\u202F\u205F\u3000]/;

/**
 * Whether a space starts or ends a line, the only thing EDGE_SPACES removes; once line breaks are LF, the line feeds
 * are few, so looking beside each of them is much cheaper than the multiline regex scanning every position.
 */
function hasSpaceAtLineEdge(text: string): boolean {
  if (text.startsWith(' ') || text.endsWith(' ')) return true;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    if (text.charCodeAt(newline - 1) === 0x20 || text.charCodeAt(newline + 1) === 0x20) return true;
  }
  return false;
}

/**
 * Normalizes text to the canonical shape every offset refers to: NFC, LF line ends, controls removed, each run of
 * spaces, tabs or no-break spaces made one space, lines trimmed, at most one blank line in a row, trimmed.
 * Idempotent, so normalized text can be normalized again without moving any offset. A pass is skipped only when a
 * cheaper test shows it has nothing to change, so the result is the same as running every pass.
 */
export function normalizeText(text: string): string {
  // Plain text, the usual case: LF line ends, no controls, no blank but the space. NFC makes none of these (checked
  // over every code point), so plain text needs SPACE_RUNS only for two spaces in a row.
  const plain = !BREAK_CONTROL_OR_BLANK.test(text);
  let normalized = text;
  if (!plain && LINE_BREAK_OR_CONTROL.test(normalized)) {
    normalized = normalized.replace(LINE_BREAKS, '\n').replace(/\u2029/g, '\n\n').replace(CONTROLS, '');
  }
  normalized = normalized.normalize('NFC');
  if (!plain || normalized.includes('  ')) normalized = normalized.replace(SPACE_RUNS, ' ');
  // From here the only line terminator is LF (NFC never makes CR, LS or PS), which hasSpaceAtLineEdge relies on.
  if (hasSpaceAtLineEdge(normalized)) normalized = normalized.replace(EDGE_SPACES, '');
  if (normalized.includes('\n\n\n')) normalized = normalized.replace(BLANK_RUNS, '\n\n');
  return normalized.trim();
}

/** Whether the text is already in canonical shape (normalizing it would change nothing). */
export function isNormalized(text: string): boolean {
  return normalizeText(text) === text;
}
