/**
 * Parses the Lucene-like syntax reporters type into a QueryNode tree. Hand-written recursive descent,
 * precedence NOT > AND > OR, bare words joined by AND. It never throws: a malformed query comes back
 * as a sentence with a position, plus a plain all-words query to run instead. Syntax: ./README.md.
 */
import type { AndNode, LeafNode, ParseOutcome, QueryError, QueryNode } from './query-ast';
import { defaultSearchFields } from './query-ast';
import { cleanWord, fail, fallbackWord, lexQuery, QuerySyntaxError, type Token } from './query-lexer';

/** The longest query accepted, in UTF-16 code units; longer input gets an error and a fallback. */
export const maxQueryLength = 1000;

/** How deeply parentheses may nest before the query is refused (keeps recursion and FTS5 depth small). */
export const maxQueryDepth = 32;

/** Options for parseQuery: the field names `field:` may use (default title, outlet, byline, text). */
export interface ParseOptions {
  fields?: readonly string[];
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
