/**
 * Checking a quote against the library: where its words appear verbatim (same normalized words, in order), where an
 * altered version appears (a stretch of reading text with word similarity ≥ ALTERED_SIMILARITY, with the diff), and
 * whom each source credits. FTS5 finds the candidate documents; the words decide.
 */
import type { Connection } from '../store/database';
import type { QuoteVerification } from '../../contract/quotes';
import { documentText } from '../store/documents';
import { quoteIdOf, quoteOverlapping } from '../store/quotes';
import { tokenizeWords, type WordToken } from '../reader/normalize-words';
import { diffWords } from './word-diff';

/** Word similarity from which a stretch of a source is an altered version of the quote. */
export const ALTERED_SIMILARITY = 0.7;
/** Fewest words a quote needs to be looked for in altered form. */
const ALTERED_MINIMUM = 4;
/** Most documents checked for an altered version (best bm25 first); verbatim candidates are all checked. */
const ALTERED_CANDIDATES = 200;
/** Words whose document frequency is looked up, and rare words the altered search uses. */
const LOOKED_UP_WORDS = 10;
const RARE_WORDS = 5;

type Match = QuoteVerification['matches'][number];

/** The quote without the quotation marks and spaces around it. */
export function stripQuoteMarks(text: string): string {
  return text.replace(/^[\s"“”„‟'‘’‚‛«»‹›「」『』]+|[\s"“”„‟'‘’‚‛«»‹›「」『』]+$/gu, '');
}

/** An FTS5 string literal: the tokenizer splits it into a phrase exactly as it split the reading texts. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Documents to check: those with the whole phrase, then the best matches of the quote's rarest words. */
function candidateDocuments(db: Connection, text: string, tokens: readonly WordToken[], storyRowid: number | undefined): number[] {
  const inStory = storyRowid === undefined ? '' : ' AND rowid IN (SELECT document_rowid FROM story_documents WHERE story_rowid = ?)';
  const story = storyRowid === undefined ? [] : [storyRowid];
  const run = (match: string, limit: number): number[] => {
    try {
      return db.prepare(`SELECT rowid FROM document_index WHERE document_index MATCH ?${inStory} ORDER BY rank LIMIT ?`).pluck().all(match, ...story, limit) as number[];
    } catch {
      return []; // A phrase FTS5 cannot parse (nothing it counts as a word): the words are checked elsewhere.
    }
  };
  const candidates = new Set(run(`{text} : ${phrase(text)}`, 10_000));
  if (tokens.length >= ALTERED_MINIMUM) {
    const count = db.prepare(`SELECT count(*) FROM document_index WHERE document_index MATCH ?${inStory}`).pluck();
    const words = [...new Map(tokens.map((token) => [token.word, text.slice(token.start, token.end)])).values()]
      .sort((a, b) => b.length - a.length)
      .slice(0, LOOKED_UP_WORDS)
      .map((word) => ({ word, documents: count.get(`{text} : ${phrase(word)}`, ...story) as number }))
      .filter((entry) => entry.documents > 0)
      .sort((a, b) => a.documents - b.documents)
      .slice(0, RARE_WORDS);
    if (words.length > 0) {
      for (const rowid of run(`{text} : (${words.map((entry) => phrase(entry.word)).join(' OR ')})`, ALTERED_CANDIDATES)) candidates.add(rowid);
    }
  }
  return [...candidates];
}

/** Every place the quote's words occur in order in a document's words. */
function verbatimSpans(quote: readonly string[], document: readonly WordToken[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let first = 0; first + quote.length <= document.length; first++) {
    let offset = 0;
    while (offset < quote.length && document[first + offset]!.word === quote[offset]) offset++;
    if (offset === quote.length) spans.push({ start: document[first]!.start, end: document[first + quote.length - 1]!.end });
  }
  return spans;
}

/**
 * The stretch of a document most like the quote: a semi-global alignment (free start and end in the document,
 * a word added or dropped costs 1), keeping for each end the best start; the best word similarity wins.
 */
function closestStretch(quote: readonly string[], document: readonly WordToken[]): { first: number; last: number; similarity: number } | null {
  const columns = document.length;
  let cost = new Int32Array(columns + 1);
  let start = Int32Array.from({ length: columns + 1 }, (_, column) => column);
  for (let row = 1; row <= quote.length; row++) {
    const nextCost = new Int32Array(columns + 1);
    const nextStart = new Int32Array(columns + 1);
    nextCost[0] = row;
    nextStart[0] = 0;
    for (let column = 1; column <= columns; column++) {
      let best = cost[column]! + 1;
      let from = start[column]!;
      if (nextCost[column - 1]! + 1 < best) [best, from] = [nextCost[column - 1]! + 1, nextStart[column - 1]!];
      if (document[column - 1]!.word === quote[row - 1] && cost[column - 1]! <= best) [best, from] = [cost[column - 1]!, start[column - 1]!];
      nextCost[column] = best;
      nextStart[column] = from;
    }
    cost = nextCost;
    start = nextStart;
  }
  let found: { first: number; last: number; similarity: number } | null = null;
  for (let column = 1; column <= columns; column++) {
    const width = column - start[column]!;
    if (width <= 0) continue;
    const similarity = 1 - cost[column]! / (quote.length + width);
    if (!found || similarity > found.similarity) found = { first: start[column]!, last: column - 1, similarity };
  }
  return found;
}

/** A place where the quote's words appear, before its source's quotes are consulted. */
interface Found {
  rowid: number;
  kind: Match['kind'];
  start: number;
  end: number;
  similarity: number;
}

/** The places in one document where the quote appears: every verbatim one, else the closest altered stretch. */
function findInDocument(rowid: number, words: readonly string[], document: readonly WordToken[]): Found[] {
  const verbatim = verbatimSpans(words, document).map((span) => ({ rowid, kind: 'verbatim' as const, ...span, similarity: 1 }));
  if (verbatim.length > 0 || words.length < ALTERED_MINIMUM) return verbatim;
  const stretch = closestStretch(words, document);
  if (!stretch || stretch.similarity < ALTERED_SIMILARITY) return [];
  return [{ rowid, kind: 'altered', start: document[stretch.first]!.start, end: document[stretch.last]!.end, similarity: stretch.similarity }];
}

/**
 * Where a quote appears across the library or one story: verbatim matches first, then altered ones. Each match names
 * the stored quote overlapping it; `beforeCredit` is given the matched documents first (to bring their quotes up to
 * date).
 */
export function verifyQuoteText(db: Connection, input: string, storyRowid?: number, beforeCredit?: (rowids: readonly number[]) => void): QuoteVerification {
  const text = stripQuoteMarks(input);
  const tokens = tokenizeWords(text);
  if (tokens.length === 0) return { text, matches: [] };
  const words = tokens.map((token) => token.word);
  const readings = new Map<number, string>();
  const places: Found[] = [];
  for (const rowid of candidateDocuments(db, text, tokens, storyRowid)) {
    const reading = documentText(db, rowid, false);
    const found = findInDocument(rowid, words, tokenizeWords(reading));
    if (found.length > 0) readings.set(rowid, reading);
    places.push(...found);
  }
  beforeCredit?.([...readings.keys()]);
  const details = db.prepare('SELECT id, path FROM documents WHERE rowid = ?');
  const matches = places.map((place): Match & { similarity: number } => {
    const { id, path } = details.get(place.rowid) as { id: string; path: string };
    const credited = quoteOverlapping(db, place.rowid, place.start, place.end);
    const slice = readings.get(place.rowid)!.slice(place.start, place.end);
    return {
      docId: id,
      path,
      quoteId: credited ? quoteIdOf(credited) : null,
      kind: place.kind,
      start: place.start,
      end: place.end,
      text: slice,
      speaker: credited?.speaker ?? null,
      diff: diffWords(text, slice),
      similarity: place.similarity,
    };
  });
  matches.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'verbatim' ? -1 : 1) || b.similarity - a.similarity || a.path.localeCompare(b.path) || a.start - b.start);
  return { text, matches: matches.map(({ similarity: _similarity, ...match }) => match) };
}
