/**
 * What counts as finding a noted passage again: the selector as one search pattern, the score of a candidate place
 * (edits to the passage and to each side of its context) and the thresholds that decide between attaching and
 * orphaning. Every threshold leans towards orphaning: a note on the wrong passage is worse than a note that asks the
 * reporter to re-anchor it.
 */
import type { PassageSelector } from '../../contract/notes';
import { TEXT_END, TEXT_START } from './anchoring-align';

/**
 * Characters of context kept on each side of a noted passage: 32, as Hypothesis and the W3C examples use. About five
 * or six words, enough to tell apart the same phrase in two different sentences, short enough that an edit near the
 * passage rarely wipes a whole side out, and one machine word of Myers' algorithm per side.
 */
export const CONTEXT_LENGTH = 32;
/** At most this share of the passage's characters may be edited for it to count as found (drifted). */
export const MAX_QUOTE_ERROR_RATE = 0.25;
/**
 * A side of context supports a place when at most this share of it was edited (14 of 32 characters: a two-word edit
 * beside the passage). A 32-character side compared with unrelated prose needs 19–25 edits (1st percentile to median
 * over the seed articles); in a 300 KB synthetic document with repeated lines, 0.17% of unrelated sides come within 14.
 */
const SUPPORTING_SIDE_RATE = 0.45;
/** The part of a side inside the passage's own paragraph may have at most this share edited to count as intact. */
const NEAR_SIDE_RATE = 0.25;
/**
 * Edited beyond 25%, a passage is still taken where its context stands nearly intact on both sides, as long as it is
 * long enough that swapped words cannot make it another passage: up to a third of it edited, with at most a quarter
 * of each side edited, for 20 characters or more. Passages of the harness that lost half their characters or more
 * show 43% of edits or more at those lengths (and, measured against their best-matching stretch, down to about 40%):
 * a third stays clear of them.
 */
const IN_PLACE_TIERS = [{ minQuote: 20, quoteRate: 1 / 3, sideRate: 0.25 }];
/** Passages shorter than this are common phrases: they need both sides of context nearly intact. */
export const SHORT_QUOTE = 12;
/** Context edits allowed to a short passage, as a share of both sides together. */
const SHORT_CONTEXT_RATE = 0.2;
/** Passages shorter than this are not taken where only their paragraph's edges match (see `contextSupport`). */
const MOVED_MIN_QUOTE = 64;
/** Edits allowed to a passage whose context supports it only in part, as a share of its length. */
const PARTIAL_QUOTE_RATE = 0.2;
/** A place where more than this share of the passage differs holds other words: neither a candidate nor a rival. */
export const PLAUSIBLE_QUOTE_RATE = 0.5;

/** A selector as one pattern: [text-start mark] prefix, passage, suffix [text-end mark], and where each part lies. */
export interface SelectorPattern {
  pattern: string;
  /** The passage's offsets in `pattern`. */
  quoteFrom: number;
  quoteTo: number;
  /** Lengths of the context sides, marks included. */
  prefixLength: number;
  suffixLength: number;
  /**
   * The part of each side inside the passage's paragraph, with the line break that ends it ("\n" + the words before
   * the passage; the words after + "\n"); null when the side has no line break (nor reaches the text's start or end).
   */
  nearPrefix: string | null;
  nearSuffix: string | null;
}

/** A candidate place for the passage: its range in the text and the edits needed on each part of the selector. */
export interface Candidate {
  start: number;
  end: number;
  prefixErrors: number;
  quoteErrors: number;
  suffixErrors: number;
  total: number;
}

/**
 * The selector as one pattern. A side shorter than `CONTEXT_LENGTH` ran into the start (end) of the text it was taken
 * from and gets the text-start (text-end) mark, so "at the very start" or "at the very end" is context too. (The start
 * offset cannot tell: callers pass the last place the passage was found, not where it was noted.)
 */
export function selectorPattern(selector: PassageSelector): SelectorPattern {
  const head = selector.prefix.length < CONTEXT_LENGTH ? TEXT_START + selector.prefix : selector.prefix;
  const tail = selector.suffix.length < CONTEXT_LENGTH ? selector.suffix + TEXT_END : selector.suffix;
  // The start (end) of the text bounds a paragraph like a line break does.
  const lastPrefixBreak = selector.prefix.lastIndexOf('\n');
  const prefixBreak = lastPrefixBreak >= 0 ? lastPrefixBreak + 1 : head.startsWith(TEXT_START) ? 0 : -1;
  const firstSuffixBreak = selector.suffix.indexOf('\n');
  const suffixBreak = firstSuffixBreak >= 0 ? firstSuffixBreak : tail.endsWith(TEXT_END) ? selector.suffix.length : -1;
  return {
    pattern: head + selector.exact + tail,
    quoteFrom: head.length,
    quoteTo: head.length + selector.exact.length,
    prefixLength: head.length,
    suffixLength: tail.length,
    nearPrefix: prefixBreak >= 0 ? '\n' + selector.prefix.slice(prefixBreak) : null,
    nearSuffix: suffixBreak >= 0 ? selector.suffix.slice(0, suffixBreak) + '\n' : null,
  };
}

/** Most edits a passage of this length may have and still count as found. */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.floor(MAX_QUOTE_ERROR_RATE * quoteLength);
}

/** How many more edits than the best place a rival may need and still make the choice unsafe: 15% of the context, at least 6. */
export function rivalMargin(shape: SelectorPattern): number {
  return Math.max(6, Math.ceil(0.15 * (shape.prefixLength + shape.suffixLength)));
}

/** Whether the side's edits stay within a share of its length (an empty side supports nothing). */
function sideWithin(errors: number, length: number, rate: number): boolean {
  return length > 0 && errors <= Math.floor(rate * length);
}

/** Edits of each side's in-paragraph part at a candidate (null: that side has no line break, or was not measured). */
export interface NearErrors {
  prefix: number | null;
  suffix: number | null;
}

/** How one side of context stands at a candidate: supports it whole, only up to its line break, or not at all. */
export type SideSupport = 'full' | 'near' | 'none';

/** How a candidate's context supports it, when it does. */
export interface Support {
  /** 'context': both sides support it; 'partial': one side does not, or only up to a line break. */
  level: 'context' | 'partial';
  prefix: SideSupport;
  suffix: SideSupport;
}

/**
 * How a candidate's context supports it. 'context' when both sides support it whole (for short passages, nearly
 * intact), or, for a passage edited beyond 25%, when both stand nearly intact (see `IN_PLACE_TIERS`). Otherwise, for a
 * passage of `SHORT_QUOTE` characters or more at most 20% edited, 'partial' when one side supports it whole and the
 * other at least up to its line break (a neighbouring paragraph changed: moved, inserted, removed), or not at all (an
 * edit right beside the passage), or, for a passage of `MOVED_MIN_QUOTE` characters or more, when both sides match up
 * to their line breaks only (the paragraph itself moved). Null otherwise. A 'partial' place still has to pass the
 * checks of `anchoring-checks.ts`.
 */
export function contextSupport(candidate: Candidate, shape: SelectorPattern, near: NearErrors): Support | null {
  const quoteLength = shape.quoteTo - shape.quoteFrom;
  if (candidate.quoteErrors > maxQuoteErrors(quoteLength)) {
    // Edited beyond 25%, but where both sides of context stand nearly intact: the passage, much rewritten in place.
    const inPlace = IN_PLACE_TIERS.some(
      (tier) =>
        quoteLength >= tier.minQuote &&
        candidate.quoteErrors <= Math.floor(tier.quoteRate * quoteLength) &&
        sideWithin(candidate.prefixErrors, shape.prefixLength, tier.sideRate) &&
        sideWithin(candidate.suffixErrors, shape.suffixLength, tier.sideRate),
    );
    return inPlace ? { level: 'context', prefix: 'full', suffix: 'full' } : null;
  }
  const prefixSupports = sideWithin(candidate.prefixErrors, shape.prefixLength, SUPPORTING_SIDE_RATE);
  const suffixSupports = sideWithin(candidate.suffixErrors, shape.suffixLength, SUPPORTING_SIDE_RATE);
  if (quoteLength < SHORT_QUOTE) {
    const context = shape.prefixLength + shape.suffixLength;
    const supported = prefixSupports && suffixSupports && candidate.prefixErrors + candidate.suffixErrors <= Math.floor(SHORT_CONTEXT_RATE * context);
    return supported ? { level: 'context', prefix: 'full', suffix: 'full' } : null;
  }
  if (prefixSupports && suffixSupports) return { level: 'context', prefix: 'full', suffix: 'full' };
  if (candidate.quoteErrors > Math.floor(PARTIAL_QUOTE_RATE * quoteLength)) return null;
  const nearWithin = (errors: number | null, part: string | null): boolean => part !== null && errors !== null && errors <= Math.floor(NEAR_SIDE_RATE * part.length);
  const prefix: SideSupport = prefixSupports ? 'full' : nearWithin(near.prefix, shape.nearPrefix) ? 'near' : 'none';
  const suffix: SideSupport = suffixSupports ? 'full' : nearWithin(near.suffix, shape.nearSuffix) ? 'near' : 'none';
  // Neither side whole: the paragraph moved, or was deleted while a copy of it stands elsewhere. Only a passage long
  // enough not to be a repeated line (a dateline, "Advertisement", a byline) is taken on that.
  if (prefix !== 'full' && suffix !== 'full') return prefix === 'near' && suffix === 'near' && quoteLength >= MOVED_MIN_QUOTE ? { level: 'partial', prefix, suffix } : null;
  return { level: 'partial', prefix, suffix };
}

/** Whether the exact passage at its old offset sits in consistent context: each side at most a quarter edited. */
export function consistentAtPosition(candidate: Candidate, shape: SelectorPattern): boolean {
  const sideConsistent = (errors: number, length: number): boolean => errors <= Math.floor(0.25 * length);
  return sideConsistent(candidate.prefixErrors, shape.prefixLength) && sideConsistent(candidate.suffixErrors, shape.suffixLength);
}

/** The largest total of edits a candidate whose context supports it on both sides can have: a search bound. */
export function contextTotal(shape: SelectorPattern): number {
  const quoteLength = shape.quoteTo - shape.quoteFrom;
  const { prefixLength, suffixLength } = shape;
  const sides = Math.floor(SUPPORTING_SIDE_RATE * prefixLength) + Math.floor(SUPPORTING_SIDE_RATE * suffixLength);
  if (quoteLength < SHORT_QUOTE) return maxQuoteErrors(quoteLength) + Math.min(sides, Math.floor(SHORT_CONTEXT_RATE * (prefixLength + suffixLength)));
  let total = maxQuoteErrors(quoteLength) + sides;
  for (const tier of IN_PLACE_TIERS) {
    if (quoteLength < tier.minQuote) continue;
    total = Math.max(total, Math.floor(tier.quoteRate * quoteLength) + Math.floor(tier.sideRate * prefixLength) + Math.floor(tier.sideRate * suffixLength));
  }
  return total;
}

/** The largest total of edits any candidate that `contextSupport` accepts can have (one side may be wholly different). */
export function acceptableTotal(shape: SelectorPattern): number {
  const quoteLength = shape.quoteTo - shape.quoteFrom;
  if (quoteLength < SHORT_QUOTE) return contextTotal(shape);
  return Math.max(contextTotal(shape), Math.floor(PARTIAL_QUOTE_RATE * quoteLength) + shape.prefixLength + shape.suffixLength);
}
