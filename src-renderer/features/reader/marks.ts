/** Marks over the reading text (quotes, notes, search hits, related and shared passages) and the runs they cut a paragraph into. */

/** Why a stretch of text is marked; `note-drifted` is a noted passage whose words changed since it was noted. */
export type MarkKind = 'quote' | 'note' | 'note-drifted' | 'hit' | 'related' | 'shared' | 'current';

/** A marked range of the reading text, [start, end), with an optional explanation shown on hover. */
export interface Mark {
  start: number;
  end: number;
  kind: MarkKind;
  note?: string;
  /** An extra CSS class for the run (a quote's speaker colour). */
  tone?: string;
  /** The notebook note a noted passage belongs to (its preview shows on hover, a click opens it). */
  noteId?: string;
  /** Flash the run once (a passage just opened from elsewhere); a new number flashes it again. */
  flash?: number;
}

/** A note in the margin beside one paragraph (what only this source has), drawn as a bar and named on hover. */
export interface MarginNote {
  /** Unique: nothing in the paragraph is shared; partly unique: a good part of it is not. */
  kind: 'unique' | 'partly-unique';
  note: string;
}

/** Decides the margin note beside a paragraph, given its range and the reading text; the opening view supplies it. */
export type MarginOf = (paragraph: { start: number; end: number }, text: string) => MarginNote | null;

/** A run of a paragraph whose marks are all the same. */
export interface Segment {
  start: number;
  end: number;
  kinds: MarkKind[];
  notes: string[];
  tones: string[];
  /** Notebook notes covering the run, in mark order. */
  noteIds: string[];
  /** The flash of the newest flashing mark covering the run, or null. */
  flash: number | null;
}

/** The order marks are layered in, weakest first (the CSS paints later kinds over earlier ones). */
const LAYERS: readonly MarkKind[] = ['quote', 'note', 'note-drifted', 'shared', 'related', 'hit', 'current'];

/** Cuts [start, end) into runs at every mark boundary, each run listing the marks that cover it. */
export function segmentsOf(start: number, end: number, marks: readonly Mark[]): Segment[] {
  const inside = marks.filter((mark) => mark.end > start && mark.start < end && mark.end > mark.start);
  if (inside.length === 0) return [{ start, end, kinds: [], notes: [], tones: [], noteIds: [], flash: null }];
  const cuts = new Set<number>([start, end]);
  for (const mark of inside) {
    cuts.add(Math.max(start, mark.start));
    cuts.add(Math.min(end, mark.end));
  }
  const points = [...cuts].sort((left, right) => left - right);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const from = points[index]!;
    const to = points[index + 1]!;
    const covering = inside.filter((mark) => mark.start <= from && mark.end >= to);
    const kinds = LAYERS.filter((kind) => covering.some((mark) => mark.kind === kind));
    const notes = [...new Set(covering.flatMap((mark) => (mark.note ? [mark.note] : [])))];
    // A run inside two quotes takes the first one's colour.
    const tones = covering.flatMap((mark) => (mark.tone ? [mark.tone] : [])).slice(0, 1);
    const noteIds = [...new Set(covering.flatMap((mark) => (mark.noteId ? [mark.noteId] : [])))];
    const flashes = covering.flatMap((mark) => (mark.flash === undefined ? [] : [mark.flash]));
    const flash = flashes.length > 0 ? Math.max(...flashes) : null;
    const previous = segments.at(-1);
    const same =
      previous &&
      previous.kinds.join() === kinds.join() &&
      previous.notes.join() === notes.join() &&
      previous.tones.join() === tones.join() &&
      previous.noteIds.join() === noteIds.join() &&
      previous.flash === flash;
    if (same) previous.end = to;
    else segments.push({ start: from, end: to, kinds, notes, tones, noteIds, flash });
  }
  return segments;
}

/** Hidden blocks grouped by the paragraph they stand before (paragraphs.length: after the last one). */
export function placeHidden<Block extends { at: number }>(blocks: readonly Block[], paragraphs: readonly { start: number }[]): Map<number, Block[]> {
  const placed = new Map<number, Block[]>();
  for (const block of blocks) {
    let index = paragraphs.findIndex((paragraph) => paragraph.start >= block.at);
    if (index < 0) index = paragraphs.length;
    placed.set(index, [...(placed.get(index) ?? []), block]);
  }
  return placed;
}
