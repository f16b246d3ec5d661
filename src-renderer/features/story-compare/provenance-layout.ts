/**
 * The provenance graph's layout, pure and without a graph library: two layers, the story's sources on the left and
 * the outlets they credit on the right, one curve per (source, outlet) pair. Outlets are ordered by how many sources
 * cite them; sources by where their outlets stand (fewer crossings), then by how many outlets they credit.
 */
import type { ProvenanceEdge } from '../../../src-main/contract/compare';
import { clipText } from './clip-text';

/** A source as the graph receives it. */
export interface GraphSource {
  id: string;
  /** Short label (outlet or file). */
  label: string;
  /** Published day as shown, or empty. */
  date: string;
  /** The source's own outlet, to mark an outlet node that is also one of the sources. */
  outlet: string | null;
}

/** A source node on the left. */
export interface SourceNode {
  id: string;
  /** Label and date on one line. */
  label: string;
  /** The same cut to fit beside the node: the label is shortened, the date kept. */
  shortLabel: string;
  x: number;
  y: number;
  /** How many outlets it credits, and how many credits in all. */
  outlets: number;
  credits: number;
}

/** A cited outlet on the right, its size by how many sources cite it. */
export interface OutletNode {
  name: string;
  shortName: string;
  x: number;
  y: number;
  r: number;
  /** How many sources cite it, and how many credits in all. */
  sources: number;
  credits: number;
  /** Whether one of the story's sources is this outlet's own article. */
  inStory: boolean;
}

/** Every credit from one source to one outlet, drawn as one curve. */
export interface GraphLink {
  key: string;
  from: string;
  to: string;
  /** The attributing phrases, in text order. */
  phrases: ProvenanceEdge[];
  /** SVG path data of the curve. */
  path: string;
  width: number;
  /** Where the credit count ("×3") stands, when there are several credits and room for it. */
  label: { x: number; y: number; text: string } | null;
}

/** The whole picture: its size, nodes and curves. */
export interface GraphLayout {
  width: number;
  height: number;
  sources: SourceNode[];
  outlets: OutletNode[];
  links: GraphLink[];
}

/** Sizes, in SVG pixels (the picture is drawn at its natural size and scrolls when larger than its box). */
export const GRAPH = {
  width: 950,
  sourceX: 320,
  outletX: 670,
  row: 30,
  padding: 26,
  sourceChars: 40,
  outletChars: 28,
  minSlot: 44,
} as const;

/** An outlet's radius: grows with the square root of how many sources cite it, so 1 and 30 both fit. */
export function outletRadius(sources: number): number {
  return Math.round((5 + 3.2 * Math.sqrt(Math.max(1, sources))) * 10) / 10;
}

/** A curve's stroke: one credit is a hairline, each further credit thicker, up to a limit. */
export function linkWidth(credits: number): number {
  return Math.min(8, 1.6 + 1.4 * (credits - 1));
}

/** Lays out the graph of who cites whom for the given sources (all shown, citing or not) and their credits. */
export function layoutProvenance(sources: readonly GraphSource[], edges: readonly ProvenanceEdge[]): GraphLayout {
  const known = new Set(sources.map((source) => source.id));
  const byPair = new Map<string, ProvenanceEdge[]>();
  for (const edge of edges) {
    if (!known.has(edge.from.id)) continue;
    const key = pairKey(edge.from.id, edge.to);
    byPair.set(key, [...(byPair.get(key) ?? []), edge]);
  }
  const pairs = [...byPair.values()].map((phrases) => ({
    from: phrases[0]!.from.id,
    to: phrases[0]!.to,
    phrases: [...phrases].sort((left, right) => left.start - right.start),
  }));

  // Outlets: most citing sources first, then most credits, then by name.
  const outletStats = new Map<string, { sources: number; credits: number }>();
  for (const pair of pairs) {
    const stats = outletStats.get(pair.to) ?? { sources: 0, credits: 0 };
    stats.sources += 1;
    stats.credits += pair.phrases.length;
    outletStats.set(pair.to, stats);
  }
  const outletNames = [...outletStats.keys()].sort((left, right) => {
    const a = outletStats.get(left)!;
    const b = outletStats.get(right)!;
    return b.sources - a.sources || b.credits - a.credits || left.localeCompare(right);
  });
  const outletIndex = new Map(outletNames.map((name, index) => [name, index]));

  // Sources: by the mean position of the outlets they credit, then by how many; those crediting none go last.
  const order = new Map(sources.map((source, index) => [source.id, index]));
  const sourceStats = new Map(sources.map((source) => [source.id, { outlets: 0, credits: 0, sum: 0 }]));
  for (const pair of pairs) {
    const stats = sourceStats.get(pair.from)!;
    stats.outlets += 1;
    stats.credits += pair.phrases.length;
    stats.sum += outletIndex.get(pair.to)!;
  }
  const barycenter = (id: string) => {
    const stats = sourceStats.get(id)!;
    return stats.outlets === 0 ? Number.POSITIVE_INFINITY : stats.sum / stats.outlets;
  };
  const orderedSources = [...sources].sort((left, right) => {
    const a = barycenter(left.id);
    const b = barycenter(right.id);
    if (a !== b) return a < b ? -1 : 1;
    return sourceStats.get(right.id)!.outlets - sourceStats.get(left.id)!.outlets || order.get(left.id)! - order.get(right.id)!;
  });

  // Heights: a row per source; a slot per outlet big enough for its circle and two lines of label.
  const radii = outletNames.map((name) => outletRadius(outletStats.get(name)!.sources));
  const slots = radii.map((r) => Math.max(GRAPH.minSlot, 2 * r + 16));
  const sourceHeight = orderedSources.length * GRAPH.row;
  const slotHeight = slots.reduce((sum, slot) => sum + slot, 0);
  const inner = Math.max(sourceHeight, slotHeight, GRAPH.row);
  const height = inner + 2 * GRAPH.padding;

  const sourceTop = GRAPH.padding + (inner - sourceHeight) / 2;
  const sourceNodes: SourceNode[] = orderedSources.map((source, index) => ({
    id: source.id,
    label: source.date ? `${source.label} · ${source.date}` : source.label,
    shortLabel: source.date ? `${clipText(source.label, GRAPH.sourceChars - source.date.length - 3)} · ${source.date}` : clipText(source.label, GRAPH.sourceChars),
    x: GRAPH.sourceX,
    y: round(sourceTop + index * GRAPH.row + GRAPH.row / 2),
    outlets: sourceStats.get(source.id)!.outlets,
    credits: sourceStats.get(source.id)!.credits,
  }));

  const storyOutlets = new Set(sources.map((source) => source.outlet?.trim().toLowerCase()).filter((name): name is string => Boolean(name)));
  const extra = outletNames.length > 0 ? (inner - slotHeight) / outletNames.length : 0;
  let cursor = GRAPH.padding;
  const outletNodes: OutletNode[] = outletNames.map((name, index) => {
    const slot = slots[index]! + extra;
    const node: OutletNode = {
      name,
      shortName: clipText(name, GRAPH.outletChars),
      x: GRAPH.outletX,
      y: round(cursor + slot / 2),
      r: radii[index]!,
      sources: outletStats.get(name)!.sources,
      credits: outletStats.get(name)!.credits,
      inStory: storyOutlets.has(name.trim().toLowerCase()),
    };
    cursor += slot;
    return node;
  });

  const sourceById = new Map(sourceNodes.map((node) => [node.id, node]));
  const outletByName = new Map(outletNodes.map((node) => [node.name, node]));
  const placed: Box[] = [];
  const links: GraphLink[] = pairs
    .map((pair) => ({ pair, source: sourceById.get(pair.from)!, outlet: outletByName.get(pair.to)! }))
    // Thin curves first, so thick ones draw over them; count labels placed in the same order.
    .sort((left, right) => left.pair.phrases.length - right.pair.phrases.length || left.source.y - right.source.y || left.outlet.y - right.outlet.y)
    .map(({ pair, source, outlet }) => {
      const curve = curveBetween(source.x + 5, source.y, outlet.x - outlet.r - 2, outlet.y);
      const count = pair.phrases.length;
      return {
        key: pairKey(pair.from, pair.to),
        from: pair.from,
        to: pair.to,
        phrases: pair.phrases,
        path: curve.path,
        width: linkWidth(count),
        label: count > 1 ? placeCount(curve, `×${count}`, placed) : null,
      };
    });

  return { width: GRAPH.width, height: round(height), sources: sourceNodes, outlets: outletNodes, links };
}

/** A key for one (source, outlet) pair. */
export function pairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** A cubic curve leaving and arriving horizontally. */
interface Curve {
  path: string;
  at(t: number): { x: number; y: number };
}

function curveBetween(x1: number, y1: number, x2: number, y2: number): Curve {
  const bend = (x2 - x1) * 0.5;
  const points = [
    { x: x1, y: y1 },
    { x: x1 + bend, y: y1 },
    { x: x2 - bend, y: y2 },
    { x: x2, y: y2 },
  ] as const;
  return {
    path: `M ${round(x1)} ${round(y1)} C ${round(x1 + bend)} ${round(y1)}, ${round(x2 - bend)} ${round(y2)}, ${round(x2)} ${round(y2)}`,
    at(t) {
      const u = 1 - t;
      const weights = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
      return {
        x: round(weights.reduce((sum, weight, index) => sum + weight * points[index]!.x, 0)),
        y: round(weights.reduce((sum, weight, index) => sum + weight * points[index]!.y, 0)),
      };
    },
  };
}

/** A label's box, centred on (x, y). */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where along the curve a count label fits without covering another; null when nowhere does. */
function placeCount(curve: Curve, text: string, placed: Box[]): GraphLink['label'] {
  const w = 10 + 7 * text.length;
  const h = 16;
  for (const t of [0.5, 0.38, 0.62, 0.27, 0.73]) {
    const point = curve.at(t);
    const box = { x: point.x, y: point.y, w, h };
    if (placed.some((other) => Math.abs(other.x - box.x) < (other.w + box.w) / 2 + 2 && Math.abs(other.y - box.y) < (other.h + box.h) / 2 + 1)) continue;
    placed.push(box);
    return { x: point.x, y: point.y, text };
  }
  return null;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
