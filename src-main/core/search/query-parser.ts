/**
 * Parses the Lucene-like syntax reporters type into a QueryNode tree. Hand-written recursive descent,
 * precedence NOT > AND > OR, bare words joined by AND. It never throws: a malformed query comes back
 * as a sentence with a position, plus a plain all-words query to run instead. Syntax: ./README.md.
 */
import type { AndNode, LeafNode, ParseOutcome, QueryError, QueryNode } from './query-ast';
import { defaultSearchFields } from './query-ast';

/** The longest query accepted, in UTF-16 code units; longer input gets an error and a fallback. */
export const maxQueryLength = 1000;

/** How deeply parentheses may nest before the query is refused (keeps recursion and FTS5 depth small). */
export const maxQueryDepth = 32;

/** Options for parseQuery: the field names `field:` may use (default title, outlet, byline, text). */
export interface ParseOptions {
  fields?: readonly string[];
}

class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
  }
}

interface Clause {
  node: QueryNode;
  negated: boolean;
  plus: boolean;
  linked: boolean;
  position: number;
}

/** Parses a query typed by a user; never throws (see ParseOutcome for what comes back). */
export function parseQuery(input: string, options: ParseOptions = {}): ParseOutcome {
  const fields = options.fields ?? defaultSearchFields;
  try {
    if (input.length > maxQueryLength) {
      fail(`The query is too long (${input.length.toLocaleString('en-US')} characters): keep it under ${maxQueryLength.toLocaleString('en-US')}`, maxQueryLength);
    }
    const warnings: string[] = [];
    const tokens = lexQuery(input, fields, warnings);
    const query = new Parser(tokens).parseQuery();
    return { ok: true, query, warnings };
  } catch (error) {
    // Anything but a syntax error is a bug here; the user still gets a sentence and the fallback.
    const detail = error instanceof QuerySyntaxError ? error.detail : { message: unreadable, position: 0 };
    return { ok: false, error: detail, fallback: literalFallback(input) };
  }
}

function fail(message: string, position: number): never {
  throw new QuerySyntaxError({ message, position });
}

/** The message parseQuery gives if it ever fails for a reason other than the query's syntax. */
export const unreadable = 'This query could not be read: try plain words';

const needsWordBothSides = (operator: string): string => `"${operator}" needs a word on both sides`;
const extraClose = 'Extra closing parenthesis: remove this ")" or add a "(" before it';
const onlyExclusions = 'A query needs at least one word to look for besides the excluded ones';

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): QueryNode {
    const first = this.peek();
    if (first.type === 'end') fail('Type a word to search for', 0);
    const { node, exclusionAt } = this.parseOr();
    const next = this.peek();
    if (next.type === 'close') fail(extraClose, next.position);
    if (isOnlyExclusions(node)) fail(onlyExclusions, exclusionAt);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { type: 'end', position: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private parseOr(): { node: QueryNode; exclusionAt: number } {
    const branches = [this.parseAnd()];
    while (this.peek().type === 'or') {
      const operator = this.next();
      if (endsClause(this.peek())) fail(needsWordBothSides('OR'), operator.position);
      branches.push(this.parseAnd());
    }
    const first = branches[0];
    if (branches.length === 1 && first) return first;
    const children: QueryNode[] = [];
    for (const branch of branches) {
      if (isOnlyExclusions(branch.node)) fail(onlyExclusions, branch.exclusionAt);
      if (branch.node.kind === 'or' && branch.node.boost === 1) children.push(...branch.node.children);
      else children.push(branch.node);
    }
    return { node: { kind: 'or', children, boost: 1 }, exclusionAt: 0 };
  }

  private parseAnd(): { node: QueryNode; exclusionAt: number } {
    const clauses: Clause[] = [];
    let linked = false;
    for (let token = this.peek(); !['end', 'close', 'or'].includes(token.type); token = this.peek()) {
      if (token.type === 'and') {
        this.next();
        const last = clauses[clauses.length - 1];
        if (!last || endsClause(this.peek())) fail(needsWordBothSides('AND'), token.position);
        last.linked = true;
        linked = true;
        continue;
      }
      const clause = this.parseClause();
      clause.linked = linked;
      linked = false;
      clauses.push(clause);
    }
    const start = this.peek();
    if (clauses.length === 0) {
      if (start.type === 'close') fail(extraClose, start.position);
      fail(start.type === 'or' ? needsWordBothSides('OR') : 'Type a word to search for', start.position);
    }
    const exclusion = clauses.find((clause) => clause.negated || isOnlyExclusions(clause.node));
    return { node: buildAnd(clauses), exclusionAt: exclusion?.position ?? start.position };
  }

  private parseClause(): Clause {
    const start = this.peek().position;
    let negated = false;
    let plus = false;
    for (let token = this.peek(); ['not', 'plus', 'minus'].includes(token.type); token = this.peek()) {
      this.next();
      if (token.type === 'plus') plus = true;
      else negated = !negated;
      const next = this.peek().type;
      if (next !== 'leaf' && next !== 'field' && next !== 'open' && next !== 'not' && next !== 'plus' && next !== 'minus') {
        fail(token.type === 'not' ? '"NOT" needs a word after it' : `"${token.type === 'plus' ? '+' : '-'}" needs a word right after it`, token.position);
      }
    }
    return { node: this.parsePrimary(null), negated, plus, linked: false, position: start };
  }

  private parsePrimary(field: string | null): QueryNode {
    const token = this.next();
    switch (token.type) {
      case 'leaf':
        return withField(token.node, field);
      case 'field': {
        const next = this.peek();
        if (next.type !== 'leaf' && next.type !== 'open') fail(`"${token.name}:" needs a word or a quoted phrase after it`, token.position);
        return this.parsePrimary(field ?? token.name);
      }
      case 'open': {
        if (this.depth >= maxQueryDepth) fail(`Too many nested parentheses (at most ${maxQueryDepth})`, token.position);
        if (this.peek().type === 'close') fail('Empty parentheses: put a word between "(" and ")"', token.position);
        if (this.peek().type === 'end') fail('Missing closing parenthesis: every "(" needs a matching ")"', token.position);
        this.depth += 1;
        const { node } = this.parseOr();
        this.depth -= 1;
        if (this.peek().type !== 'close') fail('Missing closing parenthesis: every "(" needs a matching ")"', token.position);
        this.next();
        const boost = this.peek();
        if (boost.type === 'boost') {
          this.next();
          return withField(withBoost(node, boost.value), field);
        }
        return withField(node, field);
      }
      case 'and':
      case 'or':
        return fail(needsWordBothSides(token.type.toUpperCase()), token.position);
      case 'not':
        return fail('"NOT" needs a word after it', token.position);
      default:
        return fail('Something is missing here: add a word', token.position);
    }
  }
}

function endsClause(token: Token): boolean {
  return token.type === 'end' || token.type === 'close' || token.type === 'or' || token.type === 'and';
}

function isOnlyExclusions(node: QueryNode): boolean {
  return node.kind === 'and' && node.should.length === 0 && node.children.every((child) => child.kind === 'not');
}

/** Lucene rules: with a +clause present, plain clauses are optional (should); otherwise all are required. */
function buildAnd(clauses: Clause[]): QueryNode {
  const hasPlus = clauses.some((clause) => clause.plus && !clause.negated);
  const children: QueryNode[] = [];
  const should: QueryNode[] = [];
  for (const clause of clauses) {
    const node = clause.node;
    if (node.kind === 'and' && isOnlyExclusions(node)) {
      // "(-a -b)" adds its exclusions to this group; "-(-a -b)" is NOT(NOT a AND NOT b): "a OR b".
      const excluded = node.children.flatMap((child) => (child.kind === 'not' ? [child.child] : []));
      const [single] = excluded;
      if (!clause.negated) children.push(...node.children);
      else if (single && excluded.length === 1) children.push(single);
      else children.push({ kind: 'or', children: excluded, boost: 1 });
    } else if (clause.negated) {
      children.push({ kind: 'not', child: node });
    } else if (clause.plus || clause.linked || !hasPlus) {
      if (node.kind === 'and' && node.boost === 1 && node.should.length === 0) children.push(...node.children);
      else children.push(node);
    } else {
      should.push(node);
    }
  }
  const only = children[0];
  if (children.length === 1 && should.length === 0 && only && only.kind !== 'not') return only;
  return { kind: 'and', children, should, boost: 1 };
}

function withBoost(node: QueryNode, boost: number): QueryNode {
  if (node.kind === 'not') return node;
  return { ...node, boost: node.boost * boost };
}

/** Applies `field:` to every leaf below that has no field of its own (an inner field wins). */
function withField(node: QueryNode, field: string | null): QueryNode {
  if (field === null) return node;
  switch (node.kind) {
    case 'not':
      return { kind: 'not', child: withField(node.child, field) };
    case 'or':
      return { ...node, children: node.children.map((child) => withField(child, field)) };
    case 'and':
      return {
        ...node,
        children: node.children.map((child) => withField(child, field)),
        should: node.should.map((child) => withField(child, field)),
      };
    default:
      return node.field === null ? { ...node, field } : node;
  }
}

const fallbackWord = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*(?:['’ʼ][\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*)*/gu;

/** The input's words as plain required terms, minus operators, field names and excluded words. */
export function literalFallback(input: string): QueryNode | null {
  const text = input.slice(0, maxQueryLength);
  const terms: LeafNode[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(fallbackWord)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    if (word === 'AND' || word === 'OR' || word === 'NOT') continue;
    if (text[end] === ':' && /^\p{L}+$/u.test(word) && text[end + 1] !== '/') continue;
    const before = text.slice(Math.max(0, start - 6), start);
    if (/(?:^-|[\s(]-)$/.test(before) || /(?:^|[\s(])NOT\s+$/.test(before)) continue;
    const clean = cleanWord(word);
    const key = clean.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ kind: 'term', text: clean, field: null, boost: 1 });
    if (terms.length >= 32) break;
  }
  const first = terms[0];
  if (!first) return null;
  return terms.length === 1 ? first : { kind: 'and', children: terms, should: [], boost: 1 };
}

type Token =
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

function cleanWord(word: string): string {
  return word.normalize('NFC').replace(/[’ʼ]/g, "'");
}

/** Splits the input into tokens; words and phrases arrive as ready leaf nodes. */
function lexQuery(input: string, fields: readonly string[], warnings: string[]): Token[] {
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
