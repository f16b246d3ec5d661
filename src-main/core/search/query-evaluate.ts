/**
 * Evaluates a parsed query over an in-memory collection (a story's passages in lunr) by set algebra
 * on the ids each leaf matches. The caller supplies the leaf matcher, so this module knows nothing
 * about lunr: it only applies AND / OR / NOT, Lucene must/should rules and boosts.
 */
import type { LeafNode, QueryNode } from './query-ast';

/** Matches one leaf: ids of the items it finds with their scores, without applying `node.boost`. */
export type LeafMatcher = (node: LeafNode) => Map<string, number>;

/**
 * Returns the ids the query matches with their scores. AND intersects and adds scores, OR unites and
 * adds the scores of the branches that match, NOT removes; optional (should) clauses add their score
 * to items that already match, and boosts multiply. `universe` (every id) is only asked for when a
 * group has nothing but exclusions, which parsed queries never do.
 */
export function evaluateQuery(query: QueryNode, leaf: LeafMatcher, universe: () => Iterable<string>): Map<string, number> {
  let everything: Map<string, number> | null = null;
  const allItems = (): Map<string, number> => {
    everything ??= new Map([...universe()].map((id) => [id, 0]));
    return everything;
  };
  const cache = new Map<LeafNode, Map<string, number>>();
  const evaluate = (node: QueryNode): Map<string, number> => {
    switch (node.kind) {
      case 'not':
        return difference(allItems(), evaluate(node.child));
      case 'or':
        return scaled(union(node.children.map(evaluate)), node.boost);
      case 'and':
        return scaled(evaluateAnd(node.children, node.should, evaluate, allItems), node.boost);
      default: {
        let found = cache.get(node);
        if (!found) {
          found = leaf(node);
          cache.set(node, found);
        }
        return scaled(found, node.boost);
      }
    }
  };
  return evaluate(query);
}

function evaluateAnd(
  children: QueryNode[],
  should: QueryNode[],
  evaluate: (node: QueryNode) => Map<string, number>,
  allItems: () => Map<string, number>,
): Map<string, number> {
  const positive = children.filter((child) => child.kind !== 'not');
  const excluded = children.flatMap((child) => (child.kind === 'not' ? [child.child] : []));
  let result: Map<string, number>;
  if (positive.length > 0) {
    result = intersection(positive.map(evaluate));
    if (result.size > 0 && should.length > 0) result = addScores(result, should.map(evaluate));
  } else if (should.length > 0) {
    result = union(should.map(evaluate));
  } else {
    result = new Map(allItems());
  }
  for (const node of excluded) {
    if (result.size === 0) break;
    result = difference(result, evaluate(node));
  }
  return result;
}

/** Items present in every map, scores summed; walks the smallest map. */
export function intersection(maps: Map<string, number>[]): Map<string, number> {
  const sorted = [...maps].sort((a, b) => a.size - b.size);
  const [smallest, ...others] = sorted;
  const result = new Map<string, number>();
  if (!smallest) return result;
  for (const [id, score] of smallest) {
    let total = score;
    let everywhere = true;
    for (const other of others) {
      const value = other.get(id);
      if (value === undefined) {
        everywhere = false;
        break;
      }
      total += value;
    }
    if (everywhere) result.set(id, total);
  }
  return result;
}

/** Items present in any map, scores summed over the maps that hold them. */
export function union(maps: Map<string, number>[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const map of maps) {
    for (const [id, score] of map) result.set(id, (result.get(id) ?? 0) + score);
  }
  return result;
}

/** Items of `from` that are not in `without`, scores kept. */
export function difference(from: Map<string, number>, without: Map<string, number>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, score] of from) if (!without.has(id)) result.set(id, score);
  return result;
}

function addScores(base: Map<string, number>, extras: Map<string, number>[]): Map<string, number> {
  const result = new Map(base);
  for (const extra of extras) {
    for (const [id, score] of extra) {
      const current = result.get(id);
      if (current !== undefined) result.set(id, current + score);
    }
  }
  return result;
}

function scaled(map: Map<string, number>, boost: number): Map<string, number> {
  if (boost === 1) return map;
  const result = new Map<string, number>();
  for (const [id, score] of map) result.set(id, score * boost);
  return result;
}
