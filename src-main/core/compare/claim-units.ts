/**
 * Claim units as data: one unit as an object (`ClaimUnit`), and a story's units in flat arrays (`UnitTable`), since a
 * story of 10,000 articles has half a million of them and an object each would keep the garbage collector busy.
 * Pure.
 */
import type { StoryWords } from './claim-words';

/** A [start, end) range of a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A sentence or clause that may carry a claim: its span of the reading text, the sentence and paragraph holding it,
 * its words and terms. The text and the term strings are read on demand.
 */
export class ClaimUnit implements TextSpan {
  constructor(
    /** The reading text the unit is a span of. */
    readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly sentence: TextSpan,
    readonly paragraph: TextSpan,
    /** How many normalized words the unit has; their FNV-1a hashes are the text's (`wordHashes`) from `firstWord` on. */
    readonly wordCount: number,
    readonly wordHashes: Int32Array,
    readonly firstWord: number,
    /** Its content terms in order (repeats kept) outside speech tags, as the story's term ids: [termStart, termEnd). */
    readonly termIds: Int32Array,
    readonly termStart: number,
    readonly termEnd: number,
    /** The story's words, which the term ids index. */
    readonly words: StoryWords,
  ) {}

  /** The unit's exact slice of the reading text. */
  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  /** Content terms in order (repeats kept) outside speech tags: lunr stems, negations as "not". */
  get terms(): string[] {
    return Array.from(this.termIds.subarray(this.termStart, this.termEnd), (id) => this.words.terms[id]!);
  }
}

/** Numbers a table keeps per unit, in this order. */
const START = 0;
const END = 1;
const SENTENCE_START = 2;
const SENTENCE_END = 3;
const PARAGRAPH_START = 4;
const PARAGRAPH_END = 5;
const WORD_COUNT = 6;
const FIRST_WORD = 7;
const TERM_START = 8;
const TERM_END = 9;
const TEXT = 10;
const FIELDS = 11;

/** A story's units in order, their texts, and per text the FNV-1a hashes of its words and its units' term ids. */
export class UnitTable {
  readonly sources: string[] = [];
  readonly wordHashes: Int32Array[] = [];
  readonly termIds: Int32Array[] = [];
  count = 0;
  private fields = new Int32Array(FIELDS * 1024);

  constructor(readonly words: StoryWords) {}

  /** Adds a text's words and term ids (its units follow with `add`); returns its index. */
  addText(source: string, wordHashes: Int32Array, termIds: Int32Array): number {
    this.sources.push(source);
    this.wordHashes.push(wordHashes);
    this.termIds.push(termIds);
    return this.sources.length - 1;
  }

  /** Adds a unit of text `text`: its span, sentence, paragraph, words [firstWord, + wordCount) and terms. */
  add(text: number, span: TextSpan, sentence: TextSpan, paragraph: TextSpan, firstWord: number, wordCount: number, termStart: number, termEnd: number): void {
    if ((this.count + 1) * FIELDS > this.fields.length) {
      const grown = new Int32Array(this.fields.length * 2);
      grown.set(this.fields);
      this.fields = grown;
    }
    const at = this.count++ * FIELDS;
    const { fields } = this;
    fields[at + START] = span.start;
    fields[at + END] = span.end;
    fields[at + SENTENCE_START] = sentence.start;
    fields[at + SENTENCE_END] = sentence.end;
    fields[at + PARAGRAPH_START] = paragraph.start;
    fields[at + PARAGRAPH_END] = paragraph.end;
    fields[at + WORD_COUNT] = wordCount;
    fields[at + FIRST_WORD] = firstWord;
    fields[at + TERM_START] = termStart;
    fields[at + TERM_END] = termEnd;
    fields[at + TEXT] = text;
  }

  /** Where unit `unit` starts in its text. */
  start(unit: number): number {
    return this.fields[unit * FIELDS + START]!;
  }

  /** Where unit `unit` ends in its text. */
  end(unit: number): number {
    return this.fields[unit * FIELDS + END]!;
  }

  /** The index of unit `unit`'s text. */
  textOf(unit: number): number {
    return this.fields[unit * FIELDS + TEXT]!;
  }

  /** How many normalized words unit `unit` has. */
  wordCount(unit: number): number {
    return this.fields[unit * FIELDS + WORD_COUNT]!;
  }

  /** The position of unit `unit`'s first word among its text's words. */
  firstWord(unit: number): number {
    return this.fields[unit * FIELDS + FIRST_WORD]!;
  }

  /** Where unit `unit`'s term ids start in its text's `termIds`. */
  termStart(unit: number): number {
    return this.fields[unit * FIELDS + TERM_START]!;
  }

  /** Where unit `unit`'s term ids end in its text's `termIds`. */
  termEnd(unit: number): number {
    return this.fields[unit * FIELDS + TERM_END]!;
  }

  /** Unit `unit`'s exact slice of its text. */
  text(unit: number): string {
    return this.sources[this.textOf(unit)]!.slice(this.start(unit), this.end(unit));
  }

  /** Unit `unit` as an object. */
  unit(unit: number): ClaimUnit {
    const at = unit * FIELDS;
    const { fields } = this;
    const text = fields[at + TEXT]!;
    return new ClaimUnit(
      this.sources[text]!,
      fields[at + START]!,
      fields[at + END]!,
      { start: fields[at + SENTENCE_START]!, end: fields[at + SENTENCE_END]! },
      { start: fields[at + PARAGRAPH_START]!, end: fields[at + PARAGRAPH_END]! },
      fields[at + WORD_COUNT]!,
      this.wordHashes[text]!,
      fields[at + FIRST_WORD]!,
      this.termIds[text]!,
      fields[at + TERM_START]!,
      fields[at + TERM_END]!,
      this.words,
    );
  }
}
