/**
 * TF-IDF vectors of a story's claim units, in three flat arrays (a story of 10,000 articles has half a million units:
 * no object per unit), and their cosines. Pure.
 */
import type { UnitTable } from './claim-units';

/** A story's units and, for each, the index (in the sorted story) of the document holding it. */
export interface StoryUnits {
  units: UnitTable;
  documents: Int32Array;
}

/** Every unit's vector: unit x's term ids (ascending) and unit-length weights lie at [start[x], start[x + 1]). */
export interface TermVectors {
  start: Int32Array;
  /** Term ids number terms in order of first appearance (unit by unit, term by term). */
  terms: Int32Array;
  weights: Float64Array;
}

/** TF-IDF vectors of all units: tf = 1 + ln(count), idf = ln(1 + units / units holding the term), unit length. */
export function termVectors(table: UnitTable): TermVectors {
  const units = { length: table.count };
  const offsets = new Int32Array(table.count + 1);
  for (let unit = 0; unit < table.count; unit++) offsets[unit + 1] = offsets[unit]! + table.termEnd(unit) - table.termStart(unit);
  const occurrences = new Int32Array(offsets[table.count]!);
  const termCount = numberTerms(table, occurrences);
  // Each unit's distinct term ids ascending with their counts, packed where its occurrences were.
  const start = new Int32Array(units.length + 1);
  const counts = new Int32Array(occurrences.length);
  const frequency = new Int32Array(termCount);
  for (let index = 0; index < units.length; index++) {
    const from = offsets[index]!;
    const to = offsets[index + 1]!;
    sortRange(occurrences, from, to);
    let size = 0;
    for (let position = from; position < to; position++) {
      const id = occurrences[position]!;
      if (size > 0 && id === occurrences[from + size - 1]) counts[from + size - 1]! += 1;
      else {
        occurrences[from + size] = id;
        counts[from + size] = 1;
        frequency[id]! += 1;
        size++;
      }
    }
    start[index + 1] = start[index]! + size;
  }
  const terms = new Int32Array(start[units.length]!);
  const weights = new Float64Array(terms.length);
  const scratch: number[] = [];
  for (let index = 0; index < units.length; index++) {
    const from = offsets[index]!;
    const size = start[index + 1]! - start[index]!;
    scratch.length = size;
    for (let position = 0; position < size; position++) {
      terms[start[index]! + position] = occurrences[from + position]!;
      scratch[position] = (1 + Math.log(counts[from + position] ?? 1)) * Math.log(1 + units.length / (frequency[occurrences[from + position]!] ?? 1));
    }
    // Math.hypot over the weights in term order (its rounding depends on the order).
    const norm = Math.hypot.apply(null, scratch) || 1;
    for (let position = 0; position < size; position++) weights[start[index]! + position] = (scratch[position] ?? 0) / norm;
  }
  return { start, terms, weights };
}

/** Sorts values[from, to) ascending: by insertion when short (a unit's terms), natively otherwise. */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 64) {
    values.subarray(from, to).sort();
    return;
  }
  for (let index = from + 1; index < to; index++) {
    const value = values[index]!;
    let at = index;
    while (at > from && values[at - 1]! > value) {
      values[at] = values[at - 1]!;
      at--;
    }
    values[at] = value;
  }
}

/**
 * Writes each unit's terms, in order, as ids numbering terms in order of first appearance (the story's term ids,
 * renumbered through an array); returns how many.
 */
function numberTerms(table: UnitTable, occurrences: Int32Array): number {
  const renumbered = new Int32Array(table.words.terms.length).fill(-1);
  let count = 0;
  let position = 0;
  for (let unit = 0; unit < table.count; unit++) {
    const ids = table.termIds[table.textOf(unit)]!;
    for (let index = table.termStart(unit); index < table.termEnd(unit); index++) {
      const id = ids[index]!;
      if (renumbered[id]! < 0) renumbered[id] = count++;
      occurrences[position++] = renumbered[id]!;
    }
  }
  return count;
}

/** How many distinct terms a unit has. */
export function distinctTerms(vectors: TermVectors, unit: number): number {
  return vectors.start[unit + 1]! - vectors.start[unit]!;
}

/** The cosine and the number of shared terms of two units (a merge of their sorted term ids, in ascending order). */
export function overlap(vectors: TermVectors, left: number, right: number): { similarity: number; sharedTerms: number } {
  const { start, terms, weights } = vectors;
  const leftEnd = start[left + 1]!;
  const rightEnd = start[right + 1]!;
  let similarity = 0;
  let sharedTerms = 0;
  for (let i = start[left]!, j = start[right]!; i < leftEnd && j < rightEnd; ) {
    const a = terms[i]!;
    const b = terms[j]!;
    if (a === b) {
      similarity += weights[i++]! * weights[j++]!;
      sharedTerms++;
    } else if (a < b) i++;
    else j++;
  }
  return { similarity, sharedTerms };
}

/** Cosine of two units' vectors. */
export function cosine(vectors: TermVectors, left: number, right: number): number {
  return overlap(vectors, left, right).similarity;
}
