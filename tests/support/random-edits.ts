/**
 * Random edits with ground truth, for testing note anchoring: a seeded generator, long synthetic documents built from
 * the seed articles, random anchors, edits (insertions, deletions and substitutions over about 5% of the characters,
 * paragraph moves, copies of anchored paragraphs in other surroundings) that remember where every original character
 * went, and the classification of a resolved anchor against that truth.
 */
import type { PassageSelector } from '../../src-main/contract/notes';
import { normalizeText } from '../../src-main/core/extract/normalize';
import { mulberry32 } from './mulberry32';

/** A small seeded pseudo-random generator (mulberry32), so every run of the harness sees the same documents and edits. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  below(max: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<Item>(items: readonly Item[]): Item;
  chance(probability: number): boolean;
}

/** The seeded generator. */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const below = (max: number): number => Math.floor(next() * max);
  return {
    next,
    below,
    between: (min, max) => min + below(max - min + 1),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[below(items.length)]!;
    },
    chance: (probability) => next() < probability,
  };
}

/** A text after edits, with where each character came from: `origin[i]` is its offset in the original, or -1 if new. */
export interface EditedText {
  text: string;
  origin: Int32Array;
}

/** Words of some texts, for filler: made-up sentences that read like the seeds and share their phrases. */
export function vocabularyOf(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split(/\s+/)).filter((word) => /^[\p{L}\p{N}'’.,-]+$/u.test(word));
}

/** Lines that real pages repeat verbatim, many times: the duplicates an anchor must not jump to. */
export const BOILERPLATE = [
  'Advertisement',
  'Read More',
  'Subscribe to our newsletter to get the latest news delivered to your inbox every morning.',
  'Share this article on social media 👉 and follow us for updates.',
  'The views expressed in this article are the author’s own and do not necessarily reflect those of the publication.',
  'Click here to read the full story.',
  'Support independent journalism: donate today. 🙏',
  'This story has been updated with additional reporting.',
];

/** A made-up sentence: words of the vocabulary, each following on from the last one half the time, so it shares short phrases with the seeds. */
function fillerSentence(random: Random, vocabulary: readonly string[]): string {
  const length = random.between(6, 18);
  let at = random.below(vocabulary.length);
  const words: string[] = [];
  for (let index = 0; index < length; index++) {
    words.push(vocabulary[at % vocabulary.length]!.replace(/[.,]+$/, ''));
    at = random.chance(0.5) ? at + 1 : random.below(vocabulary.length);
  }
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}

/** A filler paragraph of a few made-up sentences. */
export function fillerParagraph(random: Random, vocabulary: readonly string[], sentences = random.between(2, 7)): string {
  return Array.from({ length: sentences }, () => fillerSentence(random, vocabulary)).join(' ');
}

/** Sentences of a paragraph as [start, end) ranges covering it (ends at . ! ? and closing quotes, spaces after kept). */
export function sentenceRanges(paragraph: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of paragraph.matchAll(/[^.!?]*(?:[.!?]+["”’)]*|$)\s*/g)) {
    if (match[0].length === 0) continue;
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges.length > 0 ? ranges : [[0, paragraph.length]];
}

/**
 * A long document of about `length` characters, in blocks shuffled together: every seed paragraph once, made-up filler
 * paragraphs (runs of the seeds' words, so they share short phrases with them), and boilerplate lines repeated
 * throughout (one block in seven). The seeds' own overlaps (passages several articles share) are the near-duplicates.
 */
export function syntheticDocument(seeds: readonly string[], length: number, random: Random): string {
  const blocks = seeds.flatMap((seed) => seed.split(/\n+/)).filter((paragraph) => paragraph.trim().length > 0);
  const vocabulary = vocabularyOf(seeds);
  let size = blocks.reduce((sum, block) => sum + block.length + 2, 0);
  while (size < length) {
    const block = random.chance(1 / 7) ? random.pick(BOILERPLATE) : fillerParagraph(random, vocabulary);
    blocks.push(block);
    size += block.length + 2;
  }
  for (let index = blocks.length - 1; index > 0; index--) {
    const other = random.below(index + 1);
    [blocks[index], blocks[other]] = [blocks[other]!, blocks[index]!];
  }
  return normalizeText(blocks.join('\n\n'));
}

/** Kinds of anchored passage: a short phrase (2–5 words), one to three sentences, a whole paragraph. */
export type AnchorKind = 'phrase' | 'sentences' | 'paragraph';

/** A passage a reporter noted, in the original text. */
export interface PickedAnchor {
  kind: AnchorKind;
  start: number;
  end: number;
}

/** Lines of a text as [start, end) ranges, blank lines left out: the paragraphs (the seeds use blank lines or not). */
export function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let at = 0; at <= text.length; at++) {
    if (at === text.length || text.charCodeAt(at) === 10) {
      if (at > start) ranges.push([start, at]);
      start = at + 1;
    }
  }
  return ranges;
}

/** Random passages of a text: 30% phrases, 50% runs of sentences, 20% whole paragraphs. */
export function pickAnchors(text: string, count: number, random: Random): PickedAnchor[] {
  const paragraphs = paragraphRanges(text);
  const anchors: PickedAnchor[] = [];
  while (anchors.length < count) {
    const [paragraphStart, paragraphEnd] = random.pick(paragraphs);
    const paragraph = text.slice(paragraphStart, paragraphEnd);
    const roll = random.next();
    if (roll < 0.2) {
      anchors.push({ kind: 'paragraph', start: paragraphStart, end: paragraphEnd });
    } else if (roll < 0.7) {
      const sentences = sentenceRanges(paragraph);
      const first = random.below(sentences.length);
      const last = Math.min(sentences.length - 1, first + random.below(3));
      const start = paragraphStart + sentences[first]![0];
      let end = paragraphStart + sentences[last]![1];
      while (end > start && /\s/.test(text.charAt(end - 1))) end--;
      if (end > start) anchors.push({ kind: 'sentences', start, end });
    } else {
      const words = [...paragraph.matchAll(/\S+/g)];
      if (words.length < 2) continue;
      const wanted = random.between(2, 5);
      const first = random.below(Math.max(1, words.length - wanted + 1));
      const last = Math.min(words.length - 1, first + wanted - 1);
      const start = paragraphStart + words[first]!.index!;
      const lastWord = words[last]!;
      let end = paragraphStart + lastWord.index! + lastWord[0].length;
      while (end > start && /[.,;:!?"”’)]/.test(text.charAt(end - 1))) end--;
      anchors.push({ kind: 'phrase', start, end });
    }
  }
  return anchors;
}

/** `count` words from the vocabulary, as inserted or substituted text. */
function newWords(random: Random, vocabulary: readonly string[], count: number): string {
  return Array.from({ length: Math.max(1, count) }, () => random.pick(vocabulary)).join(' ');
}

/** What the character edits did: how many, characters removed and inserted, and characters touched (per edit, the more of removed and inserted: what the rate counts). */
export interface EditCounts {
  edits: number;
  removed: number;
  inserted: number;
  touched: number;
}

/**
 * Insertions, deletions and substitutions spread over the text until they touch about `rate` of its characters
 * (removed or inserted, whichever is more per edit): a third typos (1–2 characters anywhere, mid-word too), half whole
 * words (1–2), the rest phrases (3–6 words). Edits never overlap or touch and never cross a line break. Inserted
 * characters are new (origin -1).
 */
export function editCharacters(original: string, rate: number, random: Random, vocabulary: readonly string[]): EditedText & { counts: EditCounts } {
  type Edit = { start: number; end: number; insert: string };
  const touched = new Uint8Array(original.length + 1);
  const edits: Edit[] = [];
  const budget = Math.round(rate * original.length);
  let spent = 0;
  for (let attempt = 0; spent < budget && attempt < budget * 20; attempt++) {
    const typo = random.next() < 0.35;
    const kind = random.pick(['insert', 'delete', 'substitute'] as const);
    let start = random.below(original.length + 1);
    let end = start;
    let words = 0;
    if (typo) {
      if (kind !== 'insert') end = Math.min(original.length, start + random.between(1, 2));
    } else {
      words = random.chance(0.7) ? random.between(1, 2) : random.between(3, 6);
      while (start > 0 && /\S/.test(original.charAt(start - 1))) start--;
      if (kind !== 'insert') {
        for (let word = 0; word < words && end < original.length; word++) {
          while (end < original.length && original.charAt(end) === ' ') end++;
          while (end < original.length && /\S/.test(original.charAt(end))) end++;
        }
        if (kind === 'delete' && original.charAt(end) === ' ') end++;
      }
    }
    const removed = original.slice(start, end);
    if ((kind !== 'insert' && removed.length === 0) || removed.includes('\n')) continue;
    let insert = '';
    if (kind !== 'delete') {
      if (typo) insert = random.pick(vocabulary).slice(0, random.between(1, 2));
      else insert = newWords(random, vocabulary, words) + (kind === 'insert' ? ' ' : '');
    }
    const first = Math.max(0, start - 1);
    const last = Math.min(original.length + 1, end + 1);
    if (touched.subarray(first, last).some((flag) => flag === 1)) continue;
    touched.fill(1, first, last);
    edits.push({ start, end, insert });
    spent += Math.max(removed.length, insert.length);
  }
  edits.sort((first, second) => first.start - second.start);
  const pieces: string[] = [];
  const origin = new Int32Array(original.length - edits.reduce((sum, edit) => sum + edit.end - edit.start - edit.insert.length, 0));
  let removed = 0;
  let inserted = 0;
  let from = 0;
  let to = 0;
  for (const edit of [...edits, { start: original.length, end: original.length, insert: '' }]) {
    pieces.push(original.slice(from, edit.start), edit.insert);
    for (let index = from; index < edit.start; index++) origin[to++] = index;
    origin.fill(-1, to, to + edit.insert.length);
    to += edit.insert.length;
    removed += edit.end - edit.start;
    inserted += edit.insert.length;
    from = edit.end;
  }
  return { text: pieces.join(''), origin, counts: { edits: edits.length, removed, inserted, touched: spent } };
}

/** A paragraph with the line breaks after it, and the origins of its characters: the unit of moves and copies. */
type Block = { text: string; origin: Int32Array };

function toBlocks(edited: EditedText): Block[] {
  const blocks: Block[] = [];
  for (const match of edited.text.matchAll(/[^\n]+\n*|\n+/g)) {
    blocks.push({ text: match[0], origin: edited.origin.slice(match.index, match.index + match[0].length) });
  }
  return blocks;
}

function fromBlocks(blocks: readonly Block[]): EditedText {
  const text = blocks.map((block) => block.text).join('');
  const origin = new Int32Array(text.length);
  let at = 0;
  for (const block of blocks) {
    origin.set(block.origin, at);
    at += block.text.length;
  }
  return { text, origin };
}

/** A block ending in a line break, adding a blank line (new characters) when it had none (the text's last paragraph). */
function withBreak(block: Block): Block {
  if (block.text.endsWith('\n')) return block;
  const origin = new Int32Array(block.origin.length + 2).fill(-1);
  origin.set(block.origin);
  return { text: block.text + '\n\n', origin };
}

/** Moves `count` random paragraphs, each with the line breaks after it, to other places between paragraphs. */
export function moveParagraphs(edited: EditedText, count: number, random: Random): EditedText {
  const blocks = toBlocks(edited);
  for (let move = 0; move < count && blocks.length > 3; move++) {
    const from = random.below(blocks.length);
    const [block] = blocks.splice(from, 1);
    let to = random.below(blocks.length + 1);
    if (Math.abs(to - from) < 2) to = (from + 2 + random.below(blocks.length - 2)) % (blocks.length + 1);
    if (to > 0) blocks[to - 1] = withBreak(blocks[to - 1]!);
    blocks.splice(to, 0, withBreak(block!));
  }
  return fromBlocks(blocks);
}
/** Where an original passage is now: its surviving characters, their span, and whether enough survive to count. */
export interface PassageTruth {
  /** Characters of the passage still in the text (any order, anywhere). */
  surviving: number;
  /** Span from the first to the last surviving character now; [-1, 0) when none survive. */
  start: number;
  end: number;
  /** Fewer than half of the passage's characters survive: it is gone, and orphaning it is the right answer. */
  gone: boolean;
}

/** The truth about original passage [start, end) in an edited text. */
export function passageTruth(edited: EditedText, start: number, end: number): PassageTruth {
  let surviving = 0;
  let first = -1;
  let last = -1;
  for (let index = 0; index < edited.origin.length; index++) {
    const origin = edited.origin[index]!;
    if (origin >= start && origin < end) {
      surviving++;
      if (first < 0) first = index;
      last = index;
    }
  }
  return { surviving, start: first, end: last + 1, gone: surviving < 0.5 * (end - start) };
}

/**
 * Copies the paragraph holding an anchored passage to another place between paragraphs, with the sentences around the
 * passage rewritten, so the copy reads the same words in different surroundings. The copy's passage is the current one
 * or, with `asNoted`, the passage as originally noted (a lookalike that matches the note better than the edited
 * original). Returns the text unchanged when the passage is gone.
 */
export function copyWithOtherSurroundings(edited: EditedText, original: string, anchor: PickedAnchor, asNoted: boolean, random: Random, vocabulary: readonly string[]): EditedText {
  const truth = passageTruth(edited, anchor.start, anchor.end);
  if (truth.gone) return edited;
  const blocks = toBlocks(edited);
  let blockStart = 0;
  let index = 0;
  for (; index < blocks.length; index++) {
    if (truth.start < blockStart + blocks[index]!.text.length) break;
    blockStart += blocks[index]!.text.length;
  }
  const block = blocks[index];
  if (!block) return edited;
  const paragraph = block.text.replace(/\n+$/, '');
  const before = paragraph.slice(0, truth.start - blockStart);
  const after = paragraph.slice(Math.min(paragraph.length, truth.end - blockStart));
  const passage = asNoted ? original.slice(anchor.start, anchor.end) : paragraph.slice(truth.start - blockStart, truth.end - blockStart);
  const copy =
    (before.trim() ? fillerParagraph(random, vocabulary, random.between(1, 2)) + ' ' : '') +
    passage +
    (after.trim() ? ' ' + fillerParagraph(random, vocabulary, random.between(1, 2)) : '') +
    '\n\n';
  let to = random.below(blocks.length + 1);
  if (Math.abs(to - index) < 2) to = (index + 2 + random.below(Math.max(1, blocks.length - 2))) % (blocks.length + 1);
  if (to > 0) blocks[to - 1] = withBreak(blocks[to - 1]!);
  blocks.splice(to, 0, { text: copy, origin: new Int32Array(copy.length).fill(-1) });
  return fromBlocks(blocks);
}

/** How a resolved anchor compares with the truth. */
export type Outcome = 'reattached' | 'orphaned' | 'ambiguous-orphaned' | 'gone-orphaned' | 'twin' | 'wrong';

/** Most edits between a selector and a place for the place to count as the note's twin (a tenth of its 64 characters of context). */
export const TWIN_DISTANCE = 6;

/** Levenshtein distance (two rows), for telling a twin from a wrong place. */
export function editDistance(first: string, second: string): number {
  let previous = Array.from({ length: second.length + 1 }, (_, index) => index);
  for (let row = 1; row <= first.length; row++) {
    const current = [row];
    for (let column = 1; column <= second.length; column++) {
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + (first[row - 1] === second[column - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[second.length]!;
}

/** Edits between a selector (context, passage, context) and what the text holds at and around [start, end). */
export function distanceToSelector(text: string, start: number, end: number, selector: PassageSelector): number {
  return (
    editDistance(text.slice(Math.max(0, start - selector.prefix.length), start), selector.prefix) +
    editDistance(text.slice(start, end), selector.exact) +
    editDistance(text.slice(end, end + selector.suffix.length), selector.suffix)
  );
}

/**
 * Whether another place reads the passage verbatim (as noted, or as the surviving passage now reads) in surroundings
 * at least as close to the noted ones as the true passage's: a copy or repeat that no selector can tell from it, where
 * orphaning is the right answer (two identical contexts).
 */
export function hasLookalike(edited: EditedText, selector: PassageSelector, truth: PassageTruth): boolean {
  if (truth.gone) return false;
  const truthDistance = distanceToSelector(edited.text, truth.start, truth.end, selector);
  for (const words of new Set([selector.exact, edited.text.slice(truth.start, truth.end)])) {
    if (words.length === 0) continue;
    for (let at = edited.text.indexOf(words); at >= 0; at = edited.text.indexOf(words, at + 1)) {
      if (at < truth.end && truth.start < at + words.length) continue;
      if (distanceToSelector(edited.text, at, at + words.length, selector) <= truthDistance) return true;
    }
  }
  return false;
}

/**
 * Classifies a resolution. A surviving passage is re-attached when the resolved range covers at least half of its
 * surviving characters and at most half of the resolved range is other original text (the rest being the passage's
 * characters or characters inserted by the edits, which may stand inside or at the edges of the passage as it now
 * reads). Any other attachment is wrong, and so
 * is attaching a gone passage anywhere, except a twin: a place that reads the noted passage and its 32 characters of
 * context on each side within `TWIN_DISTANCE` edits, and matches the selector strictly better than what is left of the true passage
 * (a copy of the passage with its surroundings, or a repeat in the original): no selector can tell it from the note.
 * An orphaned surviving passage with such a lookalike (`hasLookalike`) is 'ambiguous-orphaned', the right answer.
 */
export function classify(edited: EditedText, anchor: PickedAnchor, selector: PassageSelector, truth: PassageTruth, resolved: { state: string; start: number; end: number }): Outcome {
  if (resolved.state === 'orphan') return truth.gone ? 'gone-orphaned' : hasLookalike(edited, selector, truth) ? 'ambiguous-orphaned' : 'orphaned';
  let inside = 0;
  let neighbours = 0;
  for (let index = resolved.start; index < resolved.end; index++) {
    const origin = edited.origin[index]!;
    if (origin >= anchor.start && origin < anchor.end) inside++;
    else if (origin >= 0) neighbours++;
  }
  const length = resolved.end - resolved.start;
  if (!truth.gone && length > 0 && inside >= 0.5 * truth.surviving && neighbours <= 0.5 * length) return 'reattached';
  const twinDistance = distanceToSelector(edited.text, resolved.start, resolved.end, selector);
  const truthDistance = truth.end > truth.start ? distanceToSelector(edited.text, truth.start, truth.end, selector) : Number.POSITIVE_INFINITY;
  return twinDistance <= TWIN_DISTANCE && twinDistance < truthDistance ? 'twin' : 'wrong';
}
