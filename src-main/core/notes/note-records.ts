import type { Note, NoteAnchor, NoteFilter, NoteRevision, RevisionAnchor } from '../../contract/notes';
import type { AnchorRow, NoteRow, RevisionRow } from '../store/notes';
import { diffWords } from '../quotes/word-diff';

/** Finds the page of a source a passage starts on (PDFs), null for sources without pages. */
export type PageFinder = (documentRowid: number | null, readingOffset: number) => number | null;

/** The contract's view of a stored anchor; drifted anchors carry the word diff from the noted text to the current one. */
export function anchorOf(row: AnchorRow, pageOf?: PageFinder): NoteAnchor {
  return {
    id: row.id,
    docId: row.document_id,
    path: row.document_path,
    title: row.title ?? null,
    outlet: row.outlet ?? null,
    published: row.published ?? null,
    selector: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    contentHash: row.content_hash,
    textHash: row.text_hash,
    state: row.state,
    start: row.current_start,
    end: row.current_end,
    currentText: row.state === 'drifted' ? row.current_text : null,
    diff: row.state === 'drifted' && row.current_text !== null ? diffWords(row.exact, row.current_text) : null,
    orphanReason: row.state === 'orphan' ? row.orphan_reason : null,
    page: row.state === 'orphan' || !pageOf ? null : pageOf(row.document_rowid, row.current_start),
    createdAt: row.created_at,
  };
}

/** The contract's view of a stored note with its tags and anchors. */
export function noteOf(row: NoteRow, tags: readonly string[], anchors: readonly AnchorRow[], pageOf?: PageFinder): Note {
  return {
    id: row.id,
    body: row.body,
    tags: [...tags],
    anchors: anchors.map((anchor) => anchorOf(anchor, pageOf)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** What a revision keeps of an anchor: the passage as noted and where it was noted. */
export function revisionAnchorOf(anchor: NoteAnchor): RevisionAnchor {
  return {
    id: anchor.id,
    docId: anchor.docId,
    path: anchor.path,
    selector: anchor.selector,
    contentHash: anchor.contentHash,
    textHash: anchor.textHash,
    createdAt: anchor.createdAt,
  };
}

/** The contract's view of a stored revision. */
export function revisionOf(row: RevisionRow, noteId: string): NoteRevision {
  return {
    id: row.rowid,
    noteId,
    createdAt: row.created_at,
    reason: row.reason,
    body: row.body,
    tags: JSON.parse(row.tags_json) as string[],
    anchors: JSON.parse(row.anchors_json) as RevisionAnchor[],
  };
}

/** Tags as a reporter means them: trimmed, without a leading "#", each once (case-insensitively), in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const cleaned: string[] = [];
  for (const tag of tags) {
    const name = tag.trim().replace(/^#+/, '').trim();
    const key = name.toLocaleLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    cleaned.push(name);
  }
  return cleaned;
}

/** Lower-cased text without diacritics, for matching a reporter's words against notes. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase();
}

/** The words and "quoted phrases" of a notebook search. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const match of folded(query).matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/** Whether a note matches a filter's words (all of them, in its body, tags, passages or sources) and tag. */
export function noteMatches(note: Note, filter: Pick<NoteFilter, 'tag' | 'orphans'>, terms: readonly string[]): boolean {
  if (filter.tag !== undefined && !note.tags.some((tag) => folded(tag) === folded(filter.tag!.replace(/^#/, '')))) return false;
  if (filter.orphans && !note.anchors.some((anchor) => anchor.state === 'orphan')) return false;
  if (terms.length === 0) return true;
  const haystack = folded(
    [
      note.body,
      note.tags.join(' '),
      ...note.anchors.flatMap((anchor) => [anchor.selector.exact, anchor.currentText ?? '', anchor.outlet ?? '', anchor.title ?? '']),
    ].join('\n'),
  ).replace(/\s+/g, ' ');
  return terms.every((term) => haystack.includes(term));
}

/** The first words of a note's body, for hover previews. */
export function previewOf(body: string, length = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
