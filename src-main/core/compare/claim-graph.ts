/**
 * A story's match graph in flat arrays, built from its matching pairs: a story of 10,000 articles holds a million of
 * them, so no object per match. Pure.
 */
import type { UnitMatch } from './claim-matching';

/**
 * The match graph in flat arrays (a story of 10,000 articles holds a million matching pairs: no object per match).
 * Unit x's matches, both directions listed, ordered by the other unit, lie at [start[x], start[x + 1]).
 */
export interface MatchGraph {
  start: Int32Array;
  other: Int32Array;
  similarity: Float64Array;
  coverage: Float64Array;
  weight: Float64Array;
}

/** Unit `unit`'s matches as objects, ordered by the other unit. */
export function matchesOf(graph: MatchGraph, unit: number): UnitMatch[] {
  const matches: UnitMatch[] = [];
  for (let entry = graph.start[unit]!; entry < graph.start[unit + 1]!; entry++) {
    matches.push({ other: graph.other[entry]!, similarity: graph.similarity[entry]!, coverage: graph.coverage[entry]!, weight: graph.weight[entry]! });
  }
  return matches;
}

/** Matching pairs as they are found, in growing flat arrays; `graph` lays them out as a MatchGraph. */
export class PairList {
  count = 0;
  private ends = new Int32Array(2048);
  private values = new Float64Array(3072);

  /** Adds the pair (left, right) and its figures. */
  add(left: number, right: number, similarity: number, coverage: number, weight: number): void {
    if (this.count * 2 === this.ends.length) {
      const ends = new Int32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
    }
    const at = this.count++;
    this.ends[at * 2] = left;
    this.ends[at * 2 + 1] = right;
    this.values[at * 3] = similarity;
    this.values[at * 3 + 1] = coverage;
    this.values[at * 3 + 2] = weight;
  }

  /**
   * The graph of `units` units. Each unit's pairs are listed first as they come; then, taking units v in ascending
   * order, each pair of v is appended to its other end's row, so every row ends up ordered by the other unit.
   */
  graph(units: number): MatchGraph {
    const { ends, values } = this;
    const start = new Int32Array(units + 1);
    for (let pair = 0; pair < this.count; pair++) {
      start[ends[pair * 2]! + 1]! += 1;
      start[ends[pair * 2 + 1]! + 1]! += 1;
    }
    for (let unit = 0; unit < units; unit++) start[unit + 1]! += start[unit]!;
    const entries = start[units]!;
    const incident = new Int32Array(entries);
    const fill = start.slice(0, units);
    for (let pair = 0; pair < this.count; pair++) {
      incident[fill[ends[pair * 2]!]!++] = pair;
      incident[fill[ends[pair * 2 + 1]!]!++] = pair;
    }
    const graph: MatchGraph = {
      start,
      other: new Int32Array(entries),
      similarity: new Float64Array(entries),
      coverage: new Float64Array(entries),
      weight: new Float64Array(entries),
    };
    fill.set(start.subarray(0, units));
    for (let unit = 0; unit < units; unit++) {
      for (let entry = start[unit]!; entry < start[unit + 1]!; entry++) {
        const pair = incident[entry]!;
        const row = ends[pair * 2] === unit ? ends[pair * 2 + 1]! : ends[pair * 2]!;
        const at = fill[row]!++;
        graph.other[at] = unit;
        graph.similarity[at] = values[pair * 3]!;
        graph.coverage[at] = values[pair * 3 + 1]!;
        graph.weight[at] = values[pair * 3 + 2]!;
      }
    }
    return graph;
  }
}
