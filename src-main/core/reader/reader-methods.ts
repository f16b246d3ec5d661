/**
 * The reader's contract methods over the store: input checked (any transport may send anything), documents resolved,
 * errors returned as data. The engine's handlers call these and nothing else.
 */
import { READER_HEAD_LIMIT, type ReaderView, type RelatedPassage, type SharedPassage } from '../../contract/reader';
import { failure, success, type Result } from '../../contract/result';
import type { Connection } from '../store/database';
import { documentText, type DocumentRow } from '../store/documents';
import { readerViewOf } from './reader-view';
import { findRelatedInTexts, searchedText, selectionTokens } from './related-passages';
import { prepareText, sharedPassagesBetween } from './shared-passages';
import { cachedTokens } from './token-cache';

/** Finds a document by id or path, as the engine does (passed in so this folder never imports the engine). */
export type DocumentResolver = (db: Connection, reference: string) => Result<DocumentRow>;

/** Most documents one related-passages search looks in. */
export const MAX_WITHIN = 20;
/** Results of a related-passages search when the caller gives no limit. */
export const DEFAULT_RELATED_LIMIT = 20;
/** Most results a related-passages search may ask for. */
export const MAX_RELATED_LIMIT = 100;

function fieldsOf(input: unknown): Record<string, unknown> {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

/** Resolves each reference once, dropping repeats of the same document; the first failure wins. */
function resolveAll(db: Connection, references: readonly string[], resolve: DocumentResolver): Result<DocumentRow[]> {
  const rows = new Map<string, DocumentRow>();
  for (const reference of references) {
    const found = resolve(db, reference);
    if (!found.ok) return found;
    if (!rows.has(found.value.id)) rows.set(found.value.id, found.value);
  }
  return success([...rows.values()]);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim().length > 0);
}

/**
 * getReaderView: the document's details, reading text, paragraphs and hidden boilerplate; with `head`, only those of
 * its opening when the text is longer (read from the store without the rest), so a long article paints sooner.
 */
export function readerViewFor(db: Connection, input: unknown, resolve: DocumentResolver): Result<ReaderView> {
  const { doc, head } = fieldsOf(input);
  if (typeof doc !== 'string' || !doc.trim()) return failure('bad-request', 'Say which document to open, by its id or path.');
  if (head !== undefined && (!Number.isInteger(head) || (head as number) < 1 || (head as number) > READER_HEAD_LIMIT)) {
    return failure('bad-request', `The opening to read first must be a whole number of characters from 1 to ${READER_HEAD_LIMIT}.`);
  }
  const found = resolve(db, doc);
  return found.ok ? success(readerViewOf(db, found.value, head as number | undefined)) : found;
}

/** listSharedPassages: passages each pair of 2–4 documents share, ordered by the pair's first document, then start. */
export function sharedPassagesFor(db: Connection, input: unknown, resolve: DocumentResolver): Result<SharedPassage[]> {
  const { docs } = fieldsOf(input);
  if (!isStringList(docs) || docs.length < 2 || docs.length > 4) {
    return failure('bad-request', 'Choose two to four documents to compare.');
  }
  const rows = resolveAll(db, docs, resolve);
  if (!rows.ok) return rows;
  if (rows.value.length < 2) return failure('bad-request', 'Choose two to four different documents to compare.');
  const dictionary = new Map<string, number>();
  const texts = rows.value.map((row) => {
    const text = documentText(db, row.rowid, false);
    return prepareText(text, dictionary, cachedTokens(row.text_hash, text));
  });
  const passages: Array<SharedPassage & { first: number; second: number }> = [];
  texts.forEach((left, first) => {
    texts.forEach((right, second) => {
      if (second <= first) return;
      for (const { a, b, similarity } of sharedPassagesBetween(left, right)) {
        passages.push({ a: { docId: rows.value[first]!.id, ...a }, b: { docId: rows.value[second]!.id, ...b }, similarity, first, second });
      }
    });
  });
  return success(
    passages
      .sort((left, right) => left.first - right.first || left.a.start - right.a.start || left.second - right.second || left.b.start - right.b.start)
      .map(({ a, b, similarity }) => ({ a, b, similarity })),
  );
}

/** findRelatedPassages: where the selection [start, end) of `doc` recurs in the `within` documents, best first. */
export function relatedPassagesFor(db: Connection, input: unknown, resolve: DocumentResolver): Result<RelatedPassage[]> {
  const { doc, start, end, within, limit } = fieldsOf(input);
  if (typeof doc !== 'string' || !doc.trim()) return failure('bad-request', 'Say which document the selection is in, by its id or path.');
  if (!Number.isInteger(start) || !Number.isInteger(end)) return failure('bad-request', 'The selection’s start and end must be whole numbers.');
  if (!isStringList(within) || within.length === 0 || within.length > MAX_WITHIN) {
    return failure('bad-request', `Choose between one and ${MAX_WITHIN} documents to look in.`);
  }
  const count = limit ?? DEFAULT_RELATED_LIMIT;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_RELATED_LIMIT) {
    return failure('bad-request', `The number of results must be a whole number from 1 to ${MAX_RELATED_LIMIT}.`);
  }
  const found = resolve(db, doc);
  if (!found.ok) return found;
  const text = documentText(db, found.value.rowid, false);
  const [from, to] = [start as number, end as number];
  if (from > to) return failure('bad-request', 'The selection ends before it starts.');
  if (from < 0 || to > text.length) {
    return failure('bad-request', `The selection ${from}–${to} lies outside the document’s text, which is ${text.length} characters long.`);
  }
  const source = searchedText(found.value.id, text, cachedTokens(found.value.text_hash, text));
  if (from === to || selectionTokens(source.tokens, from, to).length === 0) return failure('bad-request', 'Select at least one word to look for.');
  const rows = resolveAll(db, within, resolve);
  if (!rows.ok) return rows;
  const documents = rows.value.map((row) => {
    if (row.id === source.id) return source;
    const other = documentText(db, row.rowid, false);
    return searchedText(row.id, other, cachedTokens(row.text_hash, other));
  });
  return success(findRelatedInTexts({ source, start: from, end: to, within: documents, limit: count as number }));
}
