/**
 * A guard run on HTML source before any parser: tags nested absurdly deep are flattened, because the HTML parser and
 * Readability slow down quadratically (or exhaust the stack) on hostile pages nesting 100k elements.
 */

/** Deepest element nesting kept; deeper tags become spaces (hostile pages nest 100k deep to stall parsers). */
export const MAX_HTML_NESTING = 128;

/** Tags with optional end tags and void tags: they cannot nest on their own and are not counted. */
const UNCOUNTED_TAGS: ReadonlySet<string> = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'html', 'head', 'body',
]);
const TAG_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/gi;
const CLOSE_SEARCH_WINDOW = 256;
/** Placeholder of a flattened tag; NUL never survives normalization, so a stray one in the page is harmless. */
const FLATTENED = '\u0000';
const FLATTENED_RUN = /\u0000[\s\u0000]*/g;

/**
 * Replaces tags nested deeper than maxDepth with a space, before any parser sees them, so that parsing and
 * Readability stay fast on hostile input. Text is kept; only structure below the limit is flattened.
 */
export function limitNesting(html: string, maxDepth = MAX_HTML_NESTING): string {
  const stack: string[] = [];
  let overflow = 0;
  let foreign = 0;
  const result = html.replace(TAG_TOKEN, (token, raw: string | undefined, slash: string, rawName: string | undefined, selfClosing: string) => {
    if (raw !== undefined || rawName === undefined) return token;
    const name = rawName.toLowerCase();
    if (UNCOUNTED_TAGS.has(name) || (selfClosing === '/' && foreign > 0)) return token;
    if (slash === '/') {
      if (overflow > 0) {
        overflow -= 1;
        return FLATTENED;
      }
      const bottom = Math.max(0, stack.length - CLOSE_SEARCH_WINDOW);
      for (let index = stack.length - 1; index >= bottom; index -= 1) {
        if (stack[index] !== name) continue;
        stack.length = index;
        if (name === 'svg' || name === 'math') foreign = Math.max(0, foreign - 1);
        break;
      }
      return token;
    }
    if (stack.length >= maxDepth) {
      overflow += 1;
      return FLATTENED;
    }
    stack.push(name);
    if (name === 'svg' || name === 'math') foreign += 1;
    return token;
  });
  // A run of flattened tags (and the whitespace between them) becomes one space.
  return result.includes(FLATTENED) ? result.replace(FLATTENED_RUN, ' ') : result;
}
