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

/** A MATCH string plus notes for the user (such as a fuzzy word with no close words), or why not. */
export type FtsCompileResult = { match: string; warnings: string[] } | { error: string };

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
    const match = compileNode(query, 1, options, warnings);
    if (match.length > maxMatchLength) {
      return { error: 'This query is too complex to run: use fewer words, boosts or fuzzy searches' };
    }
    return { match, warnings };
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

function compileNode(node: QueryNode, weight: number, options: FtsCompileOptions, warnings: string[]): string {
  switch (node.kind) {
    case 'not':
      throw new CompileError('A query needs at least one word to look for besides the excluded ones');
    case 'or':
      return group(node.children.map((child) => compileNode(child, weight * node.boost, options, warnings)), 'OR');
    case 'and': {
      const inner = weight * node.boost;
      const compile = (child: QueryNode): string => compileNode(child, inner, options, warnings);
      const positive = node.children.filter((child) => child.kind !== 'not').map(compile);
      const should = node.should.map(compile);
      let core: string;
      if (positive.length === 0) {
        if (should.length === 0) throw new CompileError('A query needs at least one word to look for besides the excluded ones');
        core = group(should, 'OR');
      } else {
        core = group(positive, 'AND');
        // Optional clauses must not change which documents match, only their rank: bm25 sums over
        // every phrase of the expression, so "must AND (should OR must)" matches exactly "must".
        if (should.length > 0) core = `(${core} AND ${group([...should, core], 'OR')})`;
      }
      // Excluded clauses never occur in a matching row, so they add nothing to bm25: no repeats.
      const excluded = node.children.flatMap((child) => (child.kind === 'not' ? [compileNode(child.child, 1, options, warnings)] : []));
      return excluded.length === 0 ? core : `(${core} NOT ${group(excluded, 'OR')})`;
    }
    default: {
      const clause = compileLeaf(node, options, warnings);
      const repeats = boostRepeats(weight * node.boost);
      // bm25 sums over phrases, so "(x AND x)" matches what x matches and counts it twice.
      return repeats === 1 ? clause : `(${Array.from({ length: repeats }, () => clause).join(' AND ')})`;
    }
  }
}

function group(parts: string[], operator: 'AND' | 'OR'): string {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return only;
  return `(${parts.join(` ${operator} `)})`;
}

function compileLeaf(node: LeafNode, options: FtsCompileOptions, warnings: string[]): string {
  let column = '';
  if (node.field !== null) {
    const field = node.field.toLowerCase();
    const name = options.columns.find((candidate) => candidate.toLowerCase() === field);
    if (name === undefined) throw new CompileError(`The library index cannot search by "${node.field}"`);
    column = `${quoteFts(name)} : `;
  }
  switch (node.kind) {
    case 'term':
      return column + quoteFts(node.text);
    case 'phrase':
      return column + quoteFts(node.words.join(' '));
    case 'prefix':
      return `${column}${quoteFts(node.text)} *`;
    case 'fuzzy': {
      // The typed word always stands for itself, so "word~" finds at least what "word" finds. When
      // the vocabulary has nothing close, that word alone remains and simply matches nothing.
      const expansion = node.distance > 0 ? options.fuzzyTerms(node.text, node.distance) : [];
      const words = [...new Set([node.text, ...expansion])].slice(0, maxFuzzyExpansion + 1);
      if (expansion.length === 0) warnings.push(`No word in the library is close to "${node.text}"`);
      const [only] = words;
      if (words.length === 1 && only !== undefined) return column + quoteFts(only);
      return `${column}(${words.map(quoteFts).join(' OR ')})`;
    }
  }
}
