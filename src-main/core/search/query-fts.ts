/**
 * Compiles a parsed query into an SQLite FTS5 MATCH expression for the library index
 * (`fts5(title, outlet, byline, text, tokenize='porter unicode61 remove_diacritics 2')`).
 * Every word the user typed is written as a double-quoted FTS5 string, so keywords (AND, NEAR…)
 * and punctuation in user input can never change the structure of the expression.
 * Design notes and the mapping of each feature: ./README.md.
 */
import type { LeafNode, QueryNode } from './query-ast';

/** What compileFts needs: the index's column names and a vocabulary lookup for `word~`. */
export interface FtsCompileOptions {
  /** Columns of the FTS5 table a `field:` may name (compared without regard to case). */
  columns: readonly string[];
  /**
   * Words of the index within `distance` edits of `word`, closest first, written so that the index
   * tokenizer turns them back into those vocabulary entries (see createFuzzyExpansion in ./fuzzy).
   */
  fuzzyTerms: (word: string, distance: number) => string[];
}

/**
 * The compiled query as a tree, the same expression the MATCH string writes: phrases (one FTS5 string, a prefix when
 * `prefix`, limited to `column` when it is set) under AND, OR and NOT. Search reads hits from it without FTS5.
 */
export type FtsExpression =
  | { kind: 'phrase'; text: string; prefix: boolean; column: string | null }
  | { kind: 'and' | 'or'; children: FtsExpression[] }
  | { kind: 'not'; include: FtsExpression; exclude: FtsExpression }
  | { kind: 'column'; column: string; child: FtsExpression };

/** A MATCH string and its tree, plus notes for the user (such as a fuzzy word with no close words), or why not. */
export type FtsCompileResult = { match: string; expression: FtsExpression; warnings: string[] } | { error: string };

/** Largest boost emulated by repetition; bigger weights are clamped. */
export const maxFtsBoost = 10;

/** Longest MATCH expression produced before the query is refused as too complex. */
export const maxMatchLength = 200_000;

/** Most vocabulary words one `word~` may expand to. */
export const maxFuzzyExpansion = 64;

class CompileError extends Error {}

/**
 * Turns a query into an FTS5 MATCH expression. Boosts are emulated by repeating a clause with AND,
 * Lucene "should" clauses by `must AND (should OR must)`, fuzzy words by an OR of close words.
 */
export function compileFts(query: QueryNode, options: FtsCompileOptions): FtsCompileResult {
  const warnings: string[] = [];
  try {
    const expression = compileNode(query, 1, options, warnings);
    const match = renderFts(expression);
    if (match.length > maxMatchLength) {
      return { error: 'This query is too complex to run: use fewer words, boosts or fuzzy searches' };
    }
    return { match, expression, warnings };
  } catch (error) {
    if (error instanceof CompileError) return { error: error.message };
    throw error;
  }
}

/** Writes one FTS5 string token: double quotes around it, inner quotes doubled. */
export function quoteFts(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** How many times a clause is repeated to emulate a boost: the weight rounded into 1..10. */
export function boostRepeats(weight: number): number {
  if (!Number.isFinite(weight)) return 1;
  return Math.min(maxFtsBoost, Math.max(1, Math.round(weight)));
}

/** Writes an expression as FTS5 MATCH syntax: every compound part parenthesized, every word a quoted string. */
export function renderFts(expression: FtsExpression): string {
  switch (expression.kind) {
    case 'phrase':
      return `${expression.column === null ? '' : `${quoteFts(expression.column)} : `}${quoteFts(expression.text)}${expression.prefix ? ' *' : ''}`;
    case 'and':
    case 'or':
      return `(${expression.children.map(renderFts).join(expression.kind === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(${renderFts(expression.include)} NOT ${renderFts(expression.exclude)})`;
    case 'column':
      return `${quoteFts(expression.column)} : ${renderFts(expression.child)}`;
  }
}

function compileNode(node: QueryNode, weight: number, options: FtsCompileOptions, warnings: string[]): FtsExpression {
  switch (node.kind) {
    case 'not':
      throw new CompileError('A query needs at least one word to look for besides the excluded ones');
    case 'or':
      return group(node.children.map((child) => compileNode(child, weight * node.boost, options, warnings)), 'or');
    case 'and': {
      const inner = weight * node.boost;
      const compile = (child: QueryNode): FtsExpression => compileNode(child, inner, options, warnings);
      const positive = node.children.filter((child) => child.kind !== 'not').map(compile);
      const should = node.should.map(compile);
      let core: FtsExpression;
      if (positive.length === 0) {
        if (should.length === 0) throw new CompileError('A query needs at least one word to look for besides the excluded ones');
        core = group(should, 'or');
      } else {
        core = group(positive, 'and');
        // Optional clauses must not change which documents match, only their rank: bm25 sums over
        // every phrase of the expression, so "must AND (should OR must)" matches exactly "must".
        if (should.length > 0) core = { kind: 'and', children: [core, group([...should, core], 'or')] };
      }
      // Excluded clauses never occur in a matching row, so they add nothing to bm25: no repeats.
      const excluded = node.children.flatMap((child) => (child.kind === 'not' ? [compileNode(child.child, 1, options, warnings)] : []));
      return excluded.length === 0 ? core : { kind: 'not', include: core, exclude: group(excluded, 'or') };
    }
    default: {
      const clause = compileLeaf(node, options, warnings);
      const repeats = boostRepeats(weight * node.boost);
      // bm25 sums over phrases, so "(x AND x)" matches what x matches and counts it twice.
      return repeats === 1 ? clause : { kind: 'and', children: Array.from({ length: repeats }, () => clause) };
    }
  }
}

function group(parts: FtsExpression[], kind: 'and' | 'or'): FtsExpression {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return only;
  return { kind, children: parts };
}

function compileLeaf(node: LeafNode, options: FtsCompileOptions, warnings: string[]): FtsExpression {
  let column: string | null = null;
  if (node.field !== null) {
    const field = node.field.toLowerCase();
    const name = options.columns.find((candidate) => candidate.toLowerCase() === field);
    if (name === undefined) throw new CompileError(`The library index cannot search by "${node.field}"`);
    column = name;
  }
  const phrase = (text: string, prefix = false): FtsExpression => ({ kind: 'phrase', text, prefix, column });
  switch (node.kind) {
    case 'term':
      return phrase(node.text);
    case 'phrase':
      return phrase(node.words.join(' '));
    case 'prefix':
      return phrase(node.text, true);
    case 'fuzzy': {
      // The typed word always stands for itself, so "word~" finds at least what "word" finds. When
      // the vocabulary has nothing close, that word alone remains and simply matches nothing.
      const expansion = node.distance > 0 ? options.fuzzyTerms(node.text, node.distance) : [];
      const words = [...new Set([node.text, ...expansion])].slice(0, maxFuzzyExpansion + 1);
      if (expansion.length === 0) warnings.push(`No word in the library is close to "${node.text}"`);
      const [only] = words;
      if (words.length === 1 && only !== undefined) return phrase(only);
      const alternatives: FtsExpression = { kind: 'or', children: words.map((word) => ({ kind: 'phrase', text: word, prefix: false, column: null })) };
      return column === null ? alternatives : { kind: 'column', column, child: alternatives };
    }
  }
}
