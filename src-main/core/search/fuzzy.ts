/**
 * Fuzzy word lookup for `word~1` / `word~2`: finds the index vocabulary entries within a small
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours) of a word, fast enough for 300k entries per keystroke.
 *
 * The library index is an FTS5 table with the porter tokenizer, so its vocabulary (fts5vocab) holds
 * Porter stems ("mayor", "polic", "hous"). Callers compare stem to stem with stemWord, and turn the
 * stems found back into words the FTS5 query tokenizer maps to those stems with queryWordsForStem.
 */
import lunr from 'lunr';

/** Finds vocabulary entries close to a word. */
export interface FuzzyMatcher {
  /** Entries within `distance` (0..2) edits of `word`, closest first, then alphabetical; at most `limit`. */
  terms(word: string, distance: number, limit?: number): string[];
  /** The same search with each entry's distance. */
  closest(word: string, distance: number, limit?: number): { term: string; distance: number }[];
  /** How many distinct entries the matcher holds. */
  readonly size: number;
}

/** Default number of entries a lookup returns. */
export const defaultFuzzyLimit = 50;

/** A string with no character past ASCII. */
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

/**
 * Folds a word the way the index tokenizer (unicode61 remove_diacritics 2) does: lower case, and the accents of
 * Latin letters removed (Café → cafe); unicode61 keeps the marks of other scripts (й stays й).
 */
export function normalizeWord(word: string): string {
  // ASCII has no accents to remove: most words, and the hit finder stems every candidate word of a search.
  if (ASCII_ONLY.test(word)) return word.toLowerCase();
  return word.toLowerCase().normalize('NFD').replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1').normalize('NFC');
}

/** Longest token, in UTF-8 bytes, FTS5's porter tokenizer stems; longer ones are indexed as they are. */
const PORTER_LONGEST_TOKEN = 64;

/** What step 1 of Porter leaves after a final y: try, trys, tryed, trying all come to "try". */
const Y_ENDINGS = new Set(['y', 'ys', 'yed', 'ying']);

/**
 * The Porter stem of a word as the library index stores it, for comparing a typed word with the
 * vocabulary. FTS5's porter tokenizer and lunr.stemmer both implement Martin Porter's 1980
 * algorithm; they differ on one rule, step 1c (final y → i): FTS5 applies it when any vowel comes
 * before the y (days → dai, spy → spy, trying → try), lunr when a consonant does (days → day, spy → spi,
 * trying → tri), so the FTS5 form is restored here when the y ends what step 1 left of the word. FTS5 also
 * leaves tokens longer than 64 bytes unstemmed.
 */
export function stemWord(word: string): string {
  const normalized = normalizeWord(word);
  if (normalized.length > PORTER_LONGEST_TOKEN / 4 && Buffer.byteLength(normalized) > PORTER_LONGEST_TOKEN) return normalized;
  const stem = lunr.stemmer(new lunr.Token(normalized, {})).toString();
  const body = stem.slice(0, -1);
  const hasVowel = /[aeiou]|[^aeiou]y/.test(body);
  if (stem.endsWith('y') && hasVowel && normalized.startsWith(stem) && ['', 's', 'ed', 'ing'].includes(normalized.slice(stem.length))) {
    return `${body}i`;
  }
  if (stem.endsWith('i') && !hasVowel && normalized.startsWith(body) && Y_ENDINGS.has(normalized.slice(body.length))) return `${body}y`;
  return stem;
}

/**
 * Words to put in a MATCH so that the index tokenizer finds `stem`. FTS5 stems query words again and
 * Porter is not idempotent on some stems (hous → hou, agre → agr, deploy → deploi); adding a final
 * "e" restores them (house → hous, agree → agre, deploye → deploy), so such stems yield both forms.
 */
export function queryWordsForStem(stem: string): string[] {
  return stemWord(stem) === stem ? [stem] : [stem, `${stem}e`];
}

/**
 * A ready `fuzzyTerms` for compileFts over an FTS5 porter vocabulary: matches the typed word and its
 * stem against the vocabulary, then writes each stem found in a form the query tokenizer keeps.
 */
export function createFuzzyExpansion(matcher: FuzzyMatcher, limit = defaultFuzzyLimit): (word: string, distance: number) => string[] {
  return (word, distance) => {
    const found = [...matcher.closest(stemWord(word), distance, limit), ...matcher.closest(normalizeWord(word), distance, limit)];
    found.sort((a, b) => a.distance - b.distance);
    const stems = [...new Set(found.map((entry) => entry.term))].slice(0, limit);
    return [...new Set(stems.flatMap(queryWordsForStem))];
  };
}

/**
 * Builds a matcher over a vocabulary (lower-case, accent-free entries, as fts5vocab returns them).
 * The entries are kept sorted with the length of the prefix each shares with the one before, which
 * makes the sorted list an implicit trie: edit-distance rows computed for a prefix are reused by
 * every entry sharing it, and once a row's minimum exceeds the bound, every entry under that prefix
 * is skipped. Entries longer than the word plus the bound are never finished.
 */
export function createFuzzyMatcher(vocabulary: Iterable<string>): FuzzyMatcher {
  const entries = [...new Set(vocabulary)].filter((entry) => entry.length > 0).sort();
  const count = entries.length;
  // All characters in one array, entry i at starts[i]..starts[i + 1]: the scan reads memory in order.
  const starts = new Int32Array(count + 1);
  for (let index = 0; index < count; index++) starts[index + 1] = (starts[index] as number) + (entries[index] as string).length;
  const chars = new Uint16Array(starts[count] as number);
  entries.forEach((entry, index) => {
    for (let offset = 0; offset < entry.length; offset++) chars[(starts[index] as number) + offset] = entry.charCodeAt(offset);
  });
  // shared[i]: how many leading characters entry i has in common with entry i - 1.
  const shared = new Int32Array(count);
  for (let index = 1; index < count; index++) {
    const previous = starts[index - 1] as number;
    const current = starts[index] as number;
    const limit = Math.min(current - previous, (starts[index + 1] as number) - current);
    let length = 0;
    while (length < limit && chars[previous + length] === chars[current + length]) length++;
    shared[index] = length;
  }
  // skipTo[i]: the first entry after i sharing less with its predecessor than i does; every entry in
  // between lies under the same prefix, so a pruned subtree is jumped over in a few steps.
  const skipTo = new Int32Array(count);
  const stack: number[] = [];
  for (let index = count - 1; index >= 0; index--) {
    const own = shared[index] as number;
    while (stack.length > 0 && (shared[stack[stack.length - 1] as number] as number) >= own) stack.pop();
    skipTo[index] = stack.length > 0 ? (stack[stack.length - 1] as number) : count;
    stack.push(index);
  }

  const closest = (word: string, distance: number, limit = defaultFuzzyLimit): { term: string; distance: number }[] => {
    const normalized = normalizeWord(word);
    const length = normalized.length;
    const query = new Uint16Array(length);
    for (let offset = 0; offset < length; offset++) query[offset] = normalized.charCodeAt(offset);
    const bound = Number.isFinite(distance) ? Math.max(0, Math.min(2, Math.floor(distance))) : 0;
    if (length === 0 || count === 0 || !(limit > 0)) return [];
    const width = length + 1;
    const maxDepth = length + bound;
    // table[k * width + j]: distance between an entry's first k characters and the query's first j.
    const table = new Int32Array((maxDepth + 1) * width);
    for (let j = 0; j < width; j++) table[j] = j;
    const found: { term: string; distance: number }[] = [];
    let depth = 0;
    let index = 0;
    while (index < count) {
      const start = starts[index] as number;
      const entryLength = (starts[index + 1] as number) - start;
      let k = Math.min(shared[index] as number, depth);
      const stop = Math.min(entryLength, maxDepth);
      let pruneAt = 0;
      while (k < stop) {
        k += 1;
        if (fillRow(table, width, k, chars, start, query, bound) > bound) {
          pruneAt = k;
          break;
        }
      }
      depth = k;
      if (pruneAt === 0) {
        if (entryLength > maxDepth) pruneAt = maxDepth;
        else if (entryLength >= length - bound) {
          const total = table[entryLength * width + length] as number;
          if (total <= bound) found.push({ term: entries[index] as string, distance: total });
        }
      }
      index += 1;
      if (pruneAt > 0) while (index < count && (shared[index] as number) >= pruneAt) index = skipTo[index] as number;
    }
    found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return found.slice(0, limit);
  };

  return {
    size: count,
    closest,
    terms: (word, distance, limit) => closest(word, distance, limit).map((entry) => entry.term),
  };
}

/**
 * Computes row k of the table for the entry at `start`, inside the band |k - j| <= bound (cells
 * outside it cannot be within the bound and hold bound + 1). Returns the row's minimum: no later row
 * of the same entry can be smaller, so a minimum above the bound ends the whole prefix.
 */
function fillRow(table: Int32Array, width: number, k: number, chars: Uint16Array, start: number, query: Uint16Array, bound: number): number {
  const row = k * width;
  const above = row - width;
  const twoAbove = above - width;
  const char = chars[start + k - 1] as number;
  const charBefore = k > 1 ? (chars[start + k - 2] as number) : -1;
  const over = bound + 1;
  const first = Math.max(1, k - bound);
  const last = Math.min(width - 1, k + bound);
  table[row] = k < over ? k : over;
  if (first > 1) table[row + first - 1] = over;
  let minimum = table[row] as number;
  for (let j = first; j <= last; j++) {
    const queryChar = query[j - 1] as number;
    let value = (table[above + j - 1] as number) + (queryChar === char ? 0 : 1);
    const up = (table[above + j] as number) + 1;
    const left = (table[row + j - 1] as number) + 1;
    if (up < value) value = up;
    if (left < value) value = left;
    if (j > 1 && charBefore === queryChar && char === query[j - 2]) {
      const swap = (table[twoAbove + j - 2] as number) + 1;
      if (swap < value) value = swap;
    }
    if (value > over) value = over;
    table[row + j] = value;
    if (value < minimum) minimum = value;
  }
  if (last + 1 < width) table[row + last + 1] = over;
  return minimum;
}
