/**
 * fast-check generators of search queries, shared by the parser fuzz (tests/unit/query-fuzz.test.ts) and the engine
 * fuzz (tests/db/search-fuzz.test.ts): random strings over the syntax's characters, grammar-shaped queries, and
 * corruptions of them (dropped quotes, dangling operators, unbalanced parentheses).
 */
import fc from 'fast-check';

/** Characters the query syntax gives a meaning to, plus ones that break naive code (NUL, a lone surrogate). */
export const SPECIALS = ['"', '“', '”', '„', '(', ')', ':', '*', '~', '^', '{', '}', '-', '+', '\\', '[', ']', "'", '’', '.', ',', '/', '_', '\u0000', '\u0301', '😀', '\uD800'];
/** Operators, FTS5 keywords and field names, in both cases. */
export const KEYWORDS = ['NEAR', 'NEAR(', 'NEAR/2', 'AND', 'OR', 'NOT', 'and', 'or', 'not', 'title', 'text', 'outlet', 'byline', 'rank', 'rowid', 'speaker', 'story'];

/** What the generators are built from: the words queries use (weighted over made-up ones) and the field prefixes. */
export interface QueryVocabulary {
  words: readonly string[];
  fields: readonly string[];
  /** Weight of the listed words against made-up ones (1). */
  wordWeight?: number;
}

/** The generators over a vocabulary. */
export function queryArbitraries({ words, fields, wordWeight = 3 }: QueryVocabulary) {
  const word = fc.oneof(
    { weight: wordWeight, arbitrary: fc.constantFrom(...words) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'é', '-', '.', "'", '1', 'Ω'), minLength: 1, maxLength: 6 }) },
  );
  const modifier = fc.constantFrom('', '', '', '*', '~', '~1', '~2', '~7', '^2', '^0.5', '^', '^30', '*^2', '~1^3');
  const leaf = fc.oneof(
    fc.tuple(word, modifier).map(([text, suffix]) => text + suffix),
    fc.tuple(fc.array(word, { maxLength: 4 }), fc.constantFrom('', '', '^3', '~2', '*')).map(([list, suffix]) => `"${list.join(' ')}"${suffix}`),
  );
  const field = fc.constantFrom(...fields);
  const grammar = fc.letrec<{ query: string; clause: string; atom: string; group: string }>((tie) => ({
    query: fc.oneof(
      { depthIdentifier: 'query', maxDepth: 4 },
      tie('clause'),
      fc.tuple(tie('query'), fc.constantFrom(' AND ', ' OR ', ' ', ' NOT ', ' AND NOT ', ' '), tie('query')).map(([left, operator, right]) => left + operator + right),
    ),
    clause: fc.oneof(tie('atom'), fc.tuple(fc.constantFrom('+', '-', 'NOT '), tie('atom')).map(([prefix, atom]) => prefix + atom)),
    atom: fc.oneof(
      { depthIdentifier: 'query', maxDepth: 4 },
      leaf,
      fc.tuple(field, fc.oneof(leaf, tie('group'))).map(([name, body]) => name + body),
      tie('group'),
    ),
    group: fc.tuple(tie('query'), fc.constantFrom('', '', '^2')).map(([inner, boost]) => `(${inner})${boost}`),
  })).query;
  /** Drops, inserts or replaces characters. */
  const corruption = fc.array(
    fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom(...SPECIALS, ...KEYWORDS.map((keyword) => ` ${keyword} `), ' ')),
    { minLength: 1, maxLength: 4 },
  );
  return { grammar, corruption };
}

/** Applies a corruption's edits to a query. */
export function corrupt(input: string, edits: [number, string, string][]): string {
  let text = input;
  for (const [at, kind, piece] of edits) {
    const index = at % (text.length + 1);
    if (kind === 'delete') text = text.slice(0, index) + text.slice(index + 1);
    else if (kind === 'insert') text = text.slice(0, index) + piece + text.slice(index);
    else text = text.slice(0, index) + piece + text.slice(index + 1);
  }
  return text;
}
