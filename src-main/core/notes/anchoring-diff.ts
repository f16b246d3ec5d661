/**
 * Following a passage through an edit when the text it was noted in is still at hand: the old and new texts are
 * diffed (words first, then characters inside each changed stretch) and the passage's characters are carried to where
 * the diff says they went. This is the position step made exact — it tells an edited original from a copy elsewhere,
 * which context alone cannot — and it only ever answers with characters that really are the passage's, so a passage
 * the edit moved away or rewrote is left to the selector search (`resolveAnchor`).
 */
import DiffMatchPatch from 'diff-match-patch';

/** Stretches of characters the edit kept: `oldStart[i]`..+`length[i]` in the old text is `newStart[i]`.. in the new. */
export interface TextMapping {
  oldStart: number[];
  newStart: number[];
  length: number[];
}

/** A passage carried through the edit: its range now, and how much of it the edit kept. */
export interface MappedPassage {
  start: number;
  end: number;
  /** Characters of the passage found, in order, in [start, end). */
  kept: number;
}

/** Share of a passage's characters that must be kept for its mapped range to be taken. */
export const MIN_KEPT_RATE = 0.7;
/** Most share of the mapped range that may be new characters (insertions inside the passage). */
export const MAX_INSERTED_RATE = 0.3;
/**
 * Time the word diff may take before it settles for a coarser answer (seconds, diff-match-patch's unit). Far above what
 * real edits need (a 300 KB text with 5% of it edited diffs in about 0.4 s), so answers do not depend on the machine's
 * load; it only bounds pathological inputs.
 */
const DIFF_TIMEOUT_SECONDS = 15;
/** Distinct tokens beyond which words no longer fit one UTF-16 unit each: the texts are too large to diff by words. */
const MAX_DISTINCT_TOKENS = 0xd000;
/** Changed stretches longer than this (either side) are not diffed by characters: they were rewritten, not touched. */
const MAX_REFINED_STRETCH = 20_000;
/** Shortest run of characters a changed stretch must share to count as kept: single letters in common are chance. */
const MIN_REFINED_EQUALITY = 3;
const DELETE = -1;
const INSERT = 1;
const EQUAL = 0;

/** Where the characters of `before` went in `after`, or null when the texts are too large to diff by words. */
export function mapText(before: string, after: string): TextMapping | null {
  const differ = new DiffMatchPatch();
  differ.Diff_Timeout = DIFF_TIMEOUT_SECONDS;
  const tokens = new Map<string, string>();
  const tokenTexts: string[] = [];
  const encode = (text: string): string | null => {
    let encoded = '';
    for (const token of text.match(/\s+|[^\s]+/g) ?? []) {
      let code = tokens.get(token);
      if (code === undefined) {
        if (tokens.size >= MAX_DISTINCT_TOKENS) return null;
        // Codes skip the surrogate range so every token is one whole UTF-16 unit.
        const next = tokens.size < 0xd800 ? tokens.size : tokens.size + 0x800;
        code = String.fromCharCode(next);
        tokens.set(token, code);
        tokenTexts[next] = token;
      }
      encoded += code;
    }
    return encoded;
  };
  const encodedBefore = encode(before);
  const encodedAfter = encode(after);
  if (encodedBefore === null || encodedAfter === null) return null;
  const decode = (encoded: string): string => {
    let text = '';
    for (let index = 0; index < encoded.length; index++) text += tokenTexts[encoded.charCodeAt(index)]!;
    return text;
  };

  const mapping: TextMapping = { oldStart: [], newStart: [], length: [] };
  const keep = (oldAt: number, newAt: number, length: number): void => {
    if (length <= 0) return;
    mapping.oldStart.push(oldAt);
    mapping.newStart.push(newAt);
    mapping.length.push(length);
  };
  let oldAt = 0;
  let newAt = 0;
  let deleted = '';
  let inserted = '';
  // A changed stretch (words deleted and inserted between two kept runs) is diffed again by characters.
  const settle = (): void => {
    if (deleted && inserted && deleted.length <= MAX_REFINED_STRETCH && inserted.length <= MAX_REFINED_STRETCH) {
      const characters = differ.diff_main(deleted, inserted, false);
      differ.diff_cleanupSemantic(characters);
      let oldOffset = oldAt;
      let newOffset = newAt;
      for (const [operation, text] of characters) {
        if (operation === EQUAL && text.length >= MIN_REFINED_EQUALITY) keep(oldOffset, newOffset, text.length);
        if (operation !== INSERT) oldOffset += text.length;
        if (operation !== DELETE) newOffset += text.length;
      }
    }
    oldAt += deleted.length;
    newAt += inserted.length;
    deleted = '';
    inserted = '';
  };
  for (const [operation, encoded] of differ.diff_main(encodedBefore, encodedAfter, false)) {
    const text = decode(encoded);
    if (operation === DELETE) deleted += text;
    else if (operation === INSERT) inserted += text;
    else {
      settle();
      keep(oldAt, newAt, text.length);
      oldAt += text.length;
      newAt += text.length;
    }
  }
  settle();
  return mapping;
}

/** Carries old range [start, end) through a mapping: the span of its kept characters now, or null when none are kept. */
export function mapPassage(mapping: TextMapping, start: number, end: number): MappedPassage | null {
  const { oldStart, newStart, length } = mapping;
  // The first kept stretch that ends after `start`.
  let low = 0;
  let high = oldStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (oldStart[middle]! + length[middle]! <= start) low = middle + 1;
    else high = middle;
  }
  let kept = 0;
  let from = -1;
  let to = -1;
  for (let index = low; index < oldStart.length && oldStart[index]! < end; index++) {
    const overlapStart = Math.max(start, oldStart[index]!);
    const overlapEnd = Math.min(end, oldStart[index]! + length[index]!);
    if (overlapEnd <= overlapStart) continue;
    const shift = newStart[index]! - oldStart[index]!;
    if (from < 0) from = overlapStart + shift;
    to = overlapEnd + shift;
    kept += overlapEnd - overlapStart;
  }
  return from < 0 ? null : { start: from, end: to, kept };
}

/** Share of a context side's characters the edit must keep for that context to have come along. */
export const MIN_CONTEXT_KEPT_RATE = 0.5;
/** Most characters (new ones, inserted at the passage's edge) between a mapped passage and its mapped context. */
export const MAX_CONTEXT_GAP = 32;

/**
 * Whether the edit carried the passage's context along with it, on each side: most of the context kept, right beside
 * the passage. A diff aligns repeated words with whichever copy is cheapest — a copy of the paragraph set just before
 * the original, a moved paragraph that opens with the same words — and then the context lands elsewhere.
 */
export function contextCarried(mapping: TextMapping, start: number, end: number, prefixLength: number, suffixLength: number, mapped: MappedPassage): { prefix: boolean; suffix: boolean } {
  const carried = (from: number, to: number, beside: (context: MappedPassage) => number): boolean => {
    if (to <= from) return true;
    const context = mapPassage(mapping, from, to);
    if (!context || context.kept < MIN_CONTEXT_KEPT_RATE * (to - from) || context.end - context.start - context.kept > MAX_CONTEXT_GAP) return false;
    const gap = beside(context);
    return gap >= 0 && gap <= MAX_CONTEXT_GAP;
  };
  return {
    prefix: carried(start - prefixLength, start, (context) => mapped.start - context.end),
    suffix: carried(end, end + suffixLength, (context) => context.start - mapped.end),
  };
}

/** Share of a passage's characters that must be kept when its context on both sides came along with it. */
export const MIN_KEPT_RATE_IN_CONTEXT = 0.6;
/** Most share of new characters in the mapped range when its context on both sides came along with it. */
export const MAX_INSERTED_RATE_IN_CONTEXT = 0.4;

/**
 * Whether a mapped passage is the noted one, edited: most of its characters kept, few new ones among them; half of
 * each is enough when its context on both sides came along with it (`inContext`), which a copy's would not have.
 */
export function keptEnough(mapped: MappedPassage, passageLength: number, inContext = false): boolean {
  const span = mapped.end - mapped.start;
  const minKept = inContext ? MIN_KEPT_RATE_IN_CONTEXT : MIN_KEPT_RATE;
  const maxInserted = inContext ? MAX_INSERTED_RATE_IN_CONTEXT : MAX_INSERTED_RATE;
  return mapped.kept >= minKept * passageLength && span - mapped.kept <= maxInserted * span;
}
