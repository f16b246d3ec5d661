import { randomUUID } from 'node:crypto';
import type { Connection } from '../store/database';
import { documentText, findDocumentById, type DocumentRow } from '../store/documents';
import {
  anchorIdTaken,
  insertAnchor,
  moveAnchor,
  notedText,
  placeAnchor,
  presentDocumentWithContent,
  staleAnchors,
  type AnchorPlacement,
  type NewAnchor,
  type StaleAnchor,
} from '../store/notes';
import { resolveAnchor, selectorFor } from './anchoring';
import { mapText, type TextMapping } from './anchoring-diff';
import type { PassageSelector, RevisionAnchor } from '../../contract/notes';

/** Where a freshly noted passage stands: found as noted in the text it was noted in. */
function placedAsNoted(selector: PassageSelector, textHash: string): AnchorPlacement {
  return { state: 'ok', currentStart: selector.start, currentEnd: selector.end, currentText: null, orphanReason: null, resolvedTextHash: textHash };
}

/** A new anchor on [start, end) of a document's current reading text. */
export function anchorOn(document: DocumentRow, text: string, start: number, end: number, now: string): NewAnchor {
  const selector = selectorFor(text, start, end);
  return {
    id: randomUUID(),
    documentRowid: document.rowid,
    documentId: document.id,
    documentPath: document.path,
    selector,
    contentHash: document.content_hash,
    textHash: document.text_hash,
    createdAt: now,
    placement: placedAsNoted(selector, document.text_hash),
  };
}

/**
 * Where a passage stands in a document's current text, resolved in the fixed order (position, exact, fuzzy, orphan).
 * With `mapping` (from the text the passage was noted in to this one) the position step follows the edit exactly.
 */
export function placementIn(
  anchor: Pick<StaleAnchor, 'exact' | 'prefix' | 'suffix' | 'start' | 'end' | 'current_start' | 'current_end' | 'text_hash'>,
  text: string,
  textHash: string,
  mapping: TextMapping | null = null,
): AnchorPlacement {
  if (textHash === anchor.text_hash && text.slice(anchor.start, anchor.end) === anchor.exact) {
    return { state: 'ok', currentStart: anchor.start, currentEnd: anchor.end, currentText: null, orphanReason: null, resolvedTextHash: textHash };
  }
  // The noted offsets go with the mapping; without it, the last place found is the better hint (the text may have
  // changed several times since the passage was noted).
  const [start, end] = mapping ? [anchor.start, anchor.end] : [anchor.current_start, anchor.current_end];
  const resolution = resolveAnchor({ exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, start, end }, text, mapping);
  if (resolution.state === 'orphan') {
    return { state: 'orphan', currentStart: resolution.start, currentEnd: resolution.end, currentText: null, orphanReason: 'not-found', resolvedTextHash: textHash };
  }
  const found = text.slice(resolution.start, resolution.end);
  const state = found === anchor.exact ? 'ok' : 'drifted';
  return { state, currentStart: resolution.start, currentEnd: resolution.end, currentText: state === 'drifted' ? found : null, orphanReason: null, resolvedTextHash: textHash };
}

/** The placement of an anchor whose source file is gone: kept where it was, orphaned until the content returns. */
function sourceMissing(anchor: StaleAnchor): AnchorPlacement {
  return { state: 'orphan', currentStart: anchor.current_start, currentEnd: anchor.current_end, currentText: null, orphanReason: 'source-missing', resolvedTextHash: null };
}

/**
 * Re-resolves every anchor whose document changed since it was last resolved (edited, re-extracted, boilerplate
 * restored, gone, back), in one transaction; anchors of a vanished source re-attach to a present document with the
 * same content (file hash, else reading-text hash), wherever it is. Runs before notes are read, so every path that
 * changes a document (ingest, CLI, restore) is covered, even after a crash between the change and the resolution.
 * Returns how many anchors were looked at.
 */
export function ensureAnchors(db: Connection): number {
  const stale = staleAnchors(db);
  if (stale.length === 0) return 0;
  const texts = new Map<number, string>();
  const textOf = (rowid: number): string => {
    let text = texts.get(rowid);
    if (text === undefined) texts.set(rowid, (text = documentText(db, rowid, false)));
    return text;
  };
  // One diff per (noted text, document) pair, shared by the passages noted in it; null when the noted text is not kept.
  const mappings = new Map<string, TextMapping | null>();
  const mappingTo = (anchor: StaleAnchor, rowid: number, textHash: string): TextMapping | null => {
    const key = `${anchor.text_hash} ${rowid}`;
    let mapping = mappings.get(key);
    if (mapping === undefined) mappings.set(key, (mapping = notedMapping(db, anchor.text_hash, textOf(rowid), textHash)));
    return mapping;
  };
  // Decide first, then write: most reads find only orphans of still-missing sources, and need no write lock.
  const writes: (() => void)[] = [];
  for (const anchor of stale) {
    const present = anchor.document_rowid !== null && anchor.document_missing === 0;
    if (present) {
      const rowid = anchor.document_rowid!;
      const placement = placementIn(anchor, textOf(rowid), anchor.document_text_hash!, mappingTo(anchor, rowid, anchor.document_text_hash!));
      writes.push(() => placeAnchor(db, anchor.rowid, placement));
      continue;
    }
    const contentHashes = [anchor.document_content_hash, anchor.content_hash].filter((hash): hash is string => hash !== null);
    const textHashes = [anchor.document_text_hash, anchor.text_hash].filter((hash): hash is string => hash !== null);
    const home = presentDocumentWithContent(db, [...new Set(contentHashes)], [...new Set(textHashes)]);
    if (home) {
      const placement = placementIn(anchor, textOf(home.rowid), home.text_hash, mappingTo(anchor, home.rowid, home.text_hash));
      writes.push(() => {
        moveAnchor(db, anchor.rowid, home);
        placeAnchor(db, anchor.rowid, placement);
      });
    } else if (anchor.state !== 'orphan' || anchor.orphan_reason !== 'source-missing') {
      writes.push(() => placeAnchor(db, anchor.rowid, sourceMissing(anchor)));
    }
  }
  if (writes.length > 0) db.transaction(() => writes.forEach((write) => write())).immediate();
  return stale.length;
}

/** Where words occur in a text: exactly, else with any run of white space standing for any other. */
export function occurrencesOf(text: string, words: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) found.push({ start: at, end: at + words.length });
  if (found.length > 0) return found;
  const parts = words.trim().split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (parts.length === 0 || parts[0] === '') return found;
  for (const match of text.matchAll(new RegExp(parts.join('\\s+'), 'g'))) found.push({ start: match.index, end: match.index + match[0].length });
  return found;
}

/**
 * Puts back an anchor a revision kept: on its document (by id, else by the same content anywhere) and resolved
 * there; with no such document it is kept as an orphan of a missing source. Its id is kept unless taken.
 */
export function reanchor(db: Connection, noteRowid: number, anchor: RevisionAnchor, at: string): void {
  const document = findDocumentById(db, anchor.docId);
  const stale = {
    exact: anchor.selector.exact,
    prefix: anchor.selector.prefix,
    suffix: anchor.selector.suffix,
    start: anchor.selector.start,
    end: anchor.selector.end,
    current_start: anchor.selector.start,
    current_end: anchor.selector.end,
    text_hash: anchor.textHash,
  };
  const placement = document && !document.missing
    ? placementOnDocument(db, stale, document)
    : { state: 'orphan' as const, currentStart: anchor.selector.start, currentEnd: anchor.selector.end, currentText: null, orphanReason: 'source-missing' as const, resolvedTextHash: null };
  insertAnchor(db, noteRowid, {
    id: anchorIdTaken(db, anchor.id) ? randomUUID() : anchor.id,
    documentRowid: document?.rowid ?? null,
    documentId: document?.id ?? anchor.docId,
    documentPath: document?.path ?? anchor.path,
    selector: anchor.selector,
    contentHash: anchor.contentHash,
    textHash: anchor.textHash,
    createdAt: anchor.createdAt,
    placement,
  });
}

/** Where a kept passage stands on a present document, following the edit from its noted text when that is kept. */
function placementOnDocument(db: Connection, anchor: Parameters<typeof placementIn>[0], document: DocumentRow): AnchorPlacement {
  const text = documentText(db, document.rowid, false);
  return placementIn(anchor, text, document.text_hash, notedMapping(db, anchor.text_hash, text, document.text_hash));
}

/** The diff from the text a passage was noted in to a document's text: null when they are the same or it is not kept. */
function notedMapping(db: Connection, notedHash: string, text: string, textHash: string): TextMapping | null {
  if (notedHash === textHash) return null;
  const noted = notedText(db, notedHash);
  return noted === undefined ? null : mapText(noted, text);
}
