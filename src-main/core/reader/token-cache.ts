/**
 * Recently tokenized reading texts, keyed by their content hash: a reporter selects again and again in the same few
 * documents, and tokenizing twenty 50 KB texts costs more than matching them.
 */
import { tokenizeWords, type WordToken } from './normalize-words';

/** How many texts the cache keeps (the 20 searched plus the source and a few compared ones). */
const CAPACITY = 32;

const cache = new Map<string, readonly WordToken[]>();

/** The words of a text, from the cache when a text with this content hash was tokenized recently. */
export function cachedTokens(textHash: string, text: string): readonly WordToken[] {
  const key = `${textHash}:${text.length}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const tokens = tokenizeWords(text);
  cache.set(key, tokens);
  for (const oldest of cache.keys()) {
    if (cache.size <= CAPACITY) break;
    cache.delete(oldest);
  }
  return tokens;
}
