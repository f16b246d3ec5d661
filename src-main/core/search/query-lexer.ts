/**
 * Splits a typed query into tokens for the parser: words, phrases, fields, boosts and operators. Words and phrases
 * arrive as ready leaf nodes; problems (an unclosed quote, an unknown field) stop it with a positioned message.
 */
import type { LeafNode, QueryError, QueryNode } from './query-ast';

/** A syntax problem found while reading the query, with its position; caught by parseQuery. */
export class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
  }
}

/** Stops reading the query with a message for the reporter and the position it refers to. */
export function fail(message: string, position: number): never {
  throw new QuerySyntaxError({ message, position });
}

/** A word of the input, for phrases and the literal fallback (letters and digits, inner apostrophes). */
export const fallbackWord = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*(?:['’ʼ][\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*)*/gu;

/** One token of a query, with its position in the input. */
export type Token =
  | { type: 'leaf'; node: QueryNode; position: number }
  | { type: 'field'; name: string; position: number }
  | { type: 'boost'; value: number; position: number }
  | { type: 'and' | 'or' | 'not' | 'open' | 'close' | 'plus' | 'minus' | 'end'; position: number };

const wordStart = /[\p{L}\p{N}\p{Co}]/u;
const wordPart = /[\p{L}\p{N}\p{Co}\p{M}]/u;
const quotes = '"“”„';
const notJoiners = '"“”„()*~^';
const numberPattern = /\d+(?:\.\d+)?/y;

function charAt(input: string, index: number): string {
  const code = input.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

function readNumber(input: string, index: number): { value: number; end: number } | null {
  numberPattern.lastIndex = index;
  const match = numberPattern.exec(input);
  return match ? { value: Number(match[0]), end: index + match[0].length } : null;
}

/** A word as the index sees it: NFC, typographic apostrophes made plain. */
export function cleanWord(word: string): string {
  return word.normalize('NFC').replace(/[’ʼ]/g, "'");
}

/** Splits the input into tokens; words and phrases arrive as ready leaf nodes. */
export function lexQuery(input: string, fields: readonly string[], warnings: string[]): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < input.length) {
    const char = charAt(input, index);
    const after = charAt(input, index + char.length);
    if (/\s/u.test(char)) {
      index += char.length;
    } else if (quotes.includes(char)) {
      index = lexPhrase(input, index, tokens, warnings);
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', position: index });
      index += 1;
      const boost = char === ')' && input[index] === '^' ? readNumber(input, index + 1) : null;
      if (boost) {
        tokens.push({ type: 'boost', value: clampBoost(boost.value, input.slice(index - 1, boost.end), warnings), position: index });
        index = boost.end;
      }
    } else if ((char === '+' || char === '-') && after !== '' && (wordStart.test(after) || quotes.includes(after) || after === '(')) {
      tokens.push({ type: char === '+' ? 'plus' : 'minus', position: index });
      index += 1;
    } else if (wordStart.test(char)) {
      index = lexWord(input, index, fields, tokens, warnings);
    } else {
      if ('*~^:'.includes(char)) warnings.push(`Ignored "${char}" at position ${index}: it only works right after a word`);
      index += char.length;
      if (char === '~' || char === '^') index = readNumber(input, index)?.end ?? index;
    }
  }
  tokens.push({ type: 'end', position: input.length });
  return tokens;
}

function lexPhrase(input: string, open: number, tokens: Token[], warnings: string[]): number {
  let close = open + 1;
  while (close < input.length && !quotes.includes(input[close] ?? '')) close += 1;
  if (close >= input.length) {
    const rest = input.slice(open).trimEnd();
    const shown = rest.length > 40 ? `…${rest.slice(-30)}` : rest;
    fail(`Unclosed quote: add a closing " after ${shown}`, open);
  }
  const words = [...input.slice(open + 1, close).matchAll(fallbackWord)].map((match) => cleanWord(match[0]));
  let index = close + 1;
  let boost = 1;
  for (let char = input[index]; char === '^' || char === '~' || char === '*'; char = input[index]) {
    const number = char === '*' ? null : readNumber(input, index + 1);
    const end = number?.end ?? index + 1;
    if (char === '^' && number) boost = clampBoost(number.value, input.slice(open, end), warnings);
    else if (char === '~') warnings.push(`Proximity search is not supported: ${input.slice(open, end)} searches the exact phrase`);
    else warnings.push(`Ignored "${char}" after the phrase at position ${index}`);
    index = end;
  }
  const [first] = words;
  if (first === undefined) warnings.push(`Ignored empty quotes at position ${open}`);
  else if (words.length === 1) tokens.push({ type: 'leaf', node: { kind: 'term', text: first, field: null, boost }, position: open });
  else tokens.push({ type: 'leaf', node: { kind: 'phrase', words, field: null, boost }, position: open });
  return index;
}

function lexWord(input: string, start: number, fields: readonly string[], tokens: Token[], warnings: string[]): number {
  const parts: string[] = [];
  let index = start;
  for (;;) {
    let part = '';
    for (let char = charAt(input, index); char !== ''; char = charAt(input, index)) {
      const apostrophe = "'’ʼ".includes(char) && wordStart.test(charAt(input, index + 1));
      if (!wordPart.test(char) && !apostrophe) break;
      part += char;
      index += char.length;
    }
    parts.push(part);
    const separator = charAt(input, index);
    if (separator === ':' && parts.length === 1 && /^\p{L}+$/u.test(part) && input[index + 1] !== '/') {
      const name = fields.find((field) => field.toLowerCase() === part.toLowerCase());
      if (name === undefined) fail(`Unknown field "${part}": use ${listWords(fields)}`, start);
      tokens.push({ type: 'field', name, position: start });
      return index + 1;
    }
    const joins = separator !== '' && !/\s/u.test(separator) && !notJoiners.includes(separator) && !wordPart.test(separator);
    if (!joins || !wordStart.test(charAt(input, index + separator.length))) break;
    index += separator.length;
  }
  const wordEnd = index;
  let prefix = false;
  let distance: number | null = null;
  let boost = 1;
  for (let char = input[index]; char === '*' || char === '~' || char === '^'; char = input[index]) {
    const number = char === '*' ? null : readNumber(input, index + 1);
    const end = number?.end ?? index + 1;
    const written = input.slice(start, end);
    if (char === '*') prefix = true;
    else if (char === '~') distance = clampDistance(number?.value ?? 2, written, warnings);
    else if (number) boost = clampBoost(number.value, written, warnings);
    else warnings.push(`Ignored "^" at position ${index}: a boost needs a number, as in ${input.slice(start, index)}^2`);
    index = end;
  }
  const written = input.slice(start, index);
  if (index > wordEnd && wordStart.test(charAt(input, index))) {
    warnings.push(`"*", "~" and "^" only work at the end of a word: read "${written}" and what follows as two words`);
  }
  const [only] = parts;
  if (only !== undefined && parts.length === 1 && written === only && (only === 'AND' || only === 'OR' || only === 'NOT')) {
    tokens.push({ type: only === 'AND' ? 'and' : only === 'OR' ? 'or' : 'not', position: start });
    return index;
  }
  tokens.push({ type: 'leaf', node: wordNode(parts.map(cleanWord), prefix, distance, boost, written, warnings), position: start });
  return index;
}

/** One word gives a leaf; joined parts (drug-cart, U.S.) give a phrase, or an AND when * or ~ is used. */
function wordNode(parts: string[], prefix: boolean, distance: number | null, boost: number, written: string, warnings: string[]): QueryNode {
  const last = parts[parts.length - 1] ?? '';
  if (prefix && distance !== null) warnings.push(`"${written}": "*" and "~" cannot be combined, so the "~" was ignored`);
  if (prefix && [...last].length < 2) {
    warnings.push(`"${written}": a "*" needs at least 2 letters before it, so it was ignored`);
    prefix = false;
  }
  const leaf = (text: string, isLast: boolean): LeafNode => {
    if (prefix && isLast) return { kind: 'prefix', text, field: null, boost: 1 };
    if (!prefix && distance) return { kind: 'fuzzy', text, distance, field: null, boost: 1 };
    return { kind: 'term', text, field: null, boost: 1 };
  };
  if (parts.length === 1) return { ...leaf(last, true), boost };
  if (!prefix && !distance) return { kind: 'phrase', words: parts, field: null, boost };
  return { kind: 'and', children: parts.map((part, index) => leaf(part, index === parts.length - 1)), should: [], boost };
}

function clampDistance(value: number, written: string, warnings: string[]): number {
  const distance = Math.min(2, Math.round(value));
  if (value > 2) warnings.push(`"${written}": fuzzy search allows at most 2 differences, so 2 was used`);
  else if (distance !== value) warnings.push(`"${written}": the fuzzy distance must be 0, 1 or 2, so ${distance} was used`);
  return distance;
}

function clampBoost(value: number, written: string, warnings: string[]): number {
  if (value > 0 && value <= 10) return value;
  warnings.push(`"${written}": a boost must be above 0 and at most 10, so ${value > 10 ? 10 : 1} was used`);
  return value > 10 ? 10 : 1;
}

function listWords(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
