/** JSON text that is also safe to embed in HTML. */

/**
 * Pretty-printed JSON (2 spaces, trailing newline) with <, >, &, U+2028 and U+2029 written as \u escapes: the same
 * value for any JSON reader, but a passage's "</script>" cannot end a `<script type="application/ld+json">` it is
 * embedded in. These characters only occur inside strings, where the escapes are valid.
 */
export function safeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
