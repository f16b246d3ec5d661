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

/**
 * Normalizes text to the canonical shape every offset refers to: NFC, LF line ends, controls removed, each run of
 * spaces, tabs or no-break spaces made one space, lines trimmed, at most one blank line in a row, trimmed.
 * Idempotent, so normalized text can be normalized again without moving any offset.
 */
export function normalizeText(text: string): string {
  return text
    .replace(LINE_BREAKS, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(CONTROLS, '')
    .normalize('NFC')
    .replace(SPACE_RUNS, ' ')
    .replace(EDGE_SPACES, '')
    .replace(BLANK_RUNS, '\n\n')
    .trim();
}

/** Whether the text is already in canonical shape (normalizing it would change nothing). */
export function isNormalized(text: string): boolean {
  return normalizeText(text) === text;
}
