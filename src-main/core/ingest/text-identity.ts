import { createHash } from 'node:crypto';

/** SHA-256 of a string, hex: identifies a reading text so anchors and caches can tell when it changed. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Counts words (runs of letters or digits, with inner apostrophes and hyphens) in a reading text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
