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

/**
 * Folds a word the way the index tokenizer (unicode61 remove_diacritics 2) does for Latin text:
 * lower case, combining accents removed (Café → cafe).
 */
export function normalizeWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/**
 * The Porter stem of a word as the library index stores it, for comparing a typed word with the
 * vocabulary. FTS5's porter tokenizer and lunr.stemmer both implement Martin Porter's 1980
 * algorithm; they differ on one rule, final y → i, which FTS5 applies after any vowel (say → sai)
 * and lunr only after a consonant (say → say), so the FTS5 form is restored here.
 */
export function stemWord(word: string): string {
  const stem = lunr.stemmer(new lunr.Token(normalizeWord(word), {})).toString();
  return stem.length > 2 && stem.endsWith('y') && /[aeiou]/.test(stem.slice(0, -1)) ? `${stem.slice(0, -1)}i` : stem;
}

/**
 * Words to put in a MATCH so that the index tokenizer finds `stem`. FTS5 stems query words again and
 * Porter is not idempotent on some stems (hous → hou, agre → agr, deploy → deploi); adding a final
 * "e" restores them (house → hous, agree → agre, deploye → deploy), so such stems yield both forms.
 */
export function queryWordsForStem(stem: string): string[] {
  const unstable = stemWord(stem) !== stem || (stem.endsWith('y') && /[aeiou]/.test(stem.slice(0, -1)));
  return unstable ? [stem, `${stem}e`] : [stem];
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
  const shared = new Uint16Array(entries.length);
  for (let index = 1; index < entries.length; index++) {
    const previous = entries[index - 1] ?? '';
    const current = entries[index] ?? '';
    const limit = Math.min(previous.length, current.length, 65535);
    let length = 0;
    while (length < limit && previous.charCodeAt(length) === current.charCodeAt(length)) length++;
    shared[index] = length;
  }

  const closest = (word: string, distance: number, limit = defaultFuzzyLimit): { term: string; distance: number }[] => {
    const query = normalizeWord(word);
    const bound = Math.max(0, Math.min(2, Math.floor(distance)));
    const width = query.length + 1;
    const maxDepth = query.length + bound;
    if (query.length === 0 || entries.length === 0 || limit <= 0) return [];
    // rows[k][j]: distance between the entry's first k characters and the query's first j.
    const rows = Array.from({ length: maxDepth + 1 }, () => new Int32Array(width));
    for (let j = 0; j < width; j++) (rows[0] as Int32Array)[j] = j;
    const found: { term: string; distance: number }[] = [];
    let depth = 0;
    let index = 0;
    while (index < entries.length) {
      const entry = entries[index] as string;
      let k = Math.min(shared[index] ?? 0, depth);
      const stop = Math.min(entry.length, maxDepth);
      let pruneAt = 0;
      while (k < stop) {
        k += 1;
        if (fillRow(rows, k, entry, query) > bound) {
          pruneAt = k;
          break;
        }
      }
      depth = k;
      if (pruneAt === 0) {
        if (entry.length > maxDepth) pruneAt = maxDepth;
        else if (entry.length >= query.length - bound) {
          const total = (rows[entry.length] as Int32Array)[query.length] as number;
          if (total <= bound) found.push({ term: entry, distance: total });
        }
      }
      index += 1;
      if (pruneAt > 0) while (index < entries.length && (shared[index] ?? 0) >= pruneAt) index += 1;
    }
    found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return found.slice(0, limit);
  };

  return {
    size: entries.length,
    closest,
    terms: (word, distance, limit) => closest(word, distance, limit).map((entry) => entry.term),
  };
}

/** Computes row k of the table for `entry`; returns the row's minimum (no later row can be smaller). */
function fillRow(rows: Int32Array[], k: number, entry: string, query: string): number {
  const previous = rows[k - 1] as Int32Array;
  const current = rows[k] as Int32Array;
  const beforePrevious = k > 1 ? (rows[k - 2] as Int32Array) : null;
  const char = entry.charCodeAt(k - 1);
  const charBefore = k > 1 ? entry.charCodeAt(k - 2) : -1;
  current[0] = k;
  let minimum = k;
  for (let j = 1; j < current.length; j++) {
    const queryChar = query.charCodeAt(j - 1);
    let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (queryChar === char ? 0 : 1));
    if (beforePrevious && j > 1 && char === query.charCodeAt(j - 2) && charBefore === queryChar) {
      value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
    }
    current[j] = value;
    if (value < minimum) minimum = value;
  }
  return minimum;
}
