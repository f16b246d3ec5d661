/**
 * The tree a search query parses into. It is shared by the FTS5 compiler (library search) and the
 * boolean evaluator (passage search), so it carries meaning only: no positions, no syntax details.
 *
 * Invariants the parser guarantees (hand-built trees should keep them too):
 * - `field` is null (search every column) or one of the field names the parser was given;
 * - `boost` is a positive number, 1 when the user gave none;
 * - a `not` node only appears as a child of an `and` node that has at least one positive child.
 */

/** The fields a query may name when the caller does not pass its own list. */
export const defaultSearchFields: readonly string[] = ['title', 'outlet', 'byline', 'text'];

/** One word to look for, as typed (NFC, case kept); may hold an inner apostrophe such as don't. */
export interface TermNode {
  kind: 'term';
  text: string;
  field: string | null;
  boost: number;
}

/** Words that must appear next to each other in this order ("drug cart", drug-cart, U.S.). */
export interface PhraseNode {
  kind: 'phrase';
  words: string[];
  field: string | null;
  boost: number;
}

/** Any word starting with `text` (cart* finds cart, carts, cartel). */
export interface PrefixNode {
  kind: 'prefix';
  text: string;
  field: string | null;
  boost: number;
}

/** Words within `distance` edits (1 or 2) of `text`: mayr~1 finds mayor. */
export interface FuzzyNode {
  kind: 'fuzzy';
  text: string;
  distance: number;
  field: string | null;
  boost: number;
}

/** A node that matches words by itself, without combining other nodes. */
export type LeafNode = TermNode | PhraseNode | PrefixNode | FuzzyNode;

/**
 * Every child must match, except `not` children, which must not. `should` children are optional:
 * they only raise the score of items that already match (Lucene's `+a b`). When `children` holds no
 * positive node, at least one `should` child has to match, as in Lucene.
 */
export interface AndNode {
  kind: 'and';
  children: QueryNode[];
  should: QueryNode[];
  boost: number;
}

/** At least one child must match; scores add up over the children that do. */
export interface OrNode {
  kind: 'or';
  children: QueryNode[];
  boost: number;
}

/** Excludes what `child` matches; meaningful as a child of an `and` node. */
export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

/** Any node of a parsed query. */
export type QueryNode = LeafNode | AndNode | OrNode | NotNode;

/** A problem in the query, in words for a reporter, with the UTF-16 offset in the input where it is. */
export interface QueryError {
  message: string;
  position: number;
}

/**
 * What parsing returns, never an exception: the query and notes about what was adjusted, or an
 * error plus, when the input had any words, a plain all-words query the caller may run instead.
 */
export type ParseOutcome =
  | { ok: true; query: QueryNode; warnings: string[] }
  | { ok: false; error: QueryError; fallback: QueryNode | null };

/** Tells whether a node matches by itself (term, phrase, prefix, fuzzy) rather than combining others. */
export function isLeafNode(node: QueryNode): node is LeafNode {
  return node.kind === 'term' || node.kind === 'phrase' || node.kind === 'prefix' || node.kind === 'fuzzy';
}

/** Writes a node back in query syntax, for debugging, tests and "searching for …" hints. */
export function describeQuery(node: QueryNode): string {
  const boost = (value: number): string => (value === 1 ? '' : `^${value}`);
  const field = (name: string | null): string => (name === null ? '' : `${name}:`);
  switch (node.kind) {
    case 'term':
      return `${field(node.field)}${node.text}${boost(node.boost)}`;
    case 'phrase':
      return `${field(node.field)}"${node.words.join(' ')}"${boost(node.boost)}`;
    case 'prefix':
      return `${field(node.field)}${node.text}*${boost(node.boost)}`;
    case 'fuzzy':
      return `${field(node.field)}${node.text}~${node.distance}${boost(node.boost)}`;
    case 'not':
      return `-${describeQuery(node.child)}`;
    case 'or':
      return `(${node.children.map(describeQuery).join(' OR ')})${boost(node.boost)}`;
    case 'and': {
      const must = node.children.map((child) => (child.kind === 'not' ? describeQuery(child) : `+${describeQuery(child)}`));
      return `(${[...must, ...node.should.map(describeQuery)].join(' ')})${boost(node.boost)}`;
    }
  }
}
