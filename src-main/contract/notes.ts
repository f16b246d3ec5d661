/** Data shapes of the notebook: notes, the passages they are anchored to, revisions, exports. */

import type { WordDiff } from './quotes';

/** Where an anchor stands after its document last changed: found as noted, found with differences, or not found. */
export type AnchorState = 'ok' | 'drifted' | 'orphan';

/** Why an anchor is an orphan: its source file is gone, or its passage could not be found with confidence. */
export type OrphanReason = 'source-missing' | 'not-found';

/** A passage as the reporter noted it: W3C TextQuoteSelector + TextPositionSelector fields, in the text of that time. */
export interface PassageSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** One passage a note is anchored to, with where it stands in the document's current reading text. */
export interface NoteAnchor {
  id: string;
  docId: string;
  /** The document's file path (the last known one when the document is gone). */
  path: string;
  /** Effective metadata of the source, for citations; null when unknown. */
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The passage as noted (never rewritten by re-anchoring). */
  selector: PassageSelector;
  /** Hashes of the document when the passage was noted: file bytes and reading text. */
  contentHash: string;
  textHash: string;
  state: AnchorState;
  /** Where the passage is now (ok, drifted) or was last seen (orphan), in the current reading text. */
  start: number;
  end: number;
  /** The text now at [start, end) when it differs from `selector.exact` (drifted); null otherwise. */
  currentText: string | null;
  /** Word differences from the noted text to `currentText` (drifted only). */
  diff: WordDiff[] | null;
  orphanReason: OrphanReason | null;
  /** The page of the source the passage starts on, for citations ("p. 4"): PDFs only, null otherwise and when orphaned. */
  page?: number | null;
  createdAt: string;
}

/** A note: Markdown body, tags and the passages it is about. */
export interface Note {
  id: string;
  body: string;
  tags: string[];
  anchors: NoteAnchor[];
  createdAt: string;
  updatedAt: string;
  /** When the note went to the trash; null for a live note. */
  deletedAt: string | null;
}

/** An anchor as a revision keeps it: the passage as noted and the document it was noted in. */
export type RevisionAnchor = Pick<NoteAnchor, 'id' | 'docId' | 'path' | 'selector' | 'contentHash' | 'textHash' | 'createdAt'>;

/** Why a revision was kept. */
export type RevisionReason = 'created' | 'edited' | 'before-delete' | 'before-anchor-removal' | 'before-restore' | 'imported';

/** A snapshot of a note (body, tags, anchors as noted) that can be restored. */
export interface NoteRevision {
  id: number;
  noteId: string;
  createdAt: string;
  reason: RevisionReason;
  body: string;
  tags: string[];
  /** The anchors at the time, as noted (enough to anchor them again). */
  anchors: RevisionAnchor[];
}

/** A passage to anchor a note to: a range of a document's current reading text, or words it contains exactly once. */
export type PassageTarget = { doc: string; start: number; end: number } | { doc: string; exact: string };

/** Which notes to list. Filters combine; `query` matches words of the body, tags and passages. */
export interface NoteFilter {
  query?: string;
  tag?: string;
  /** Only notes with at least one orphaned anchor. */
  orphans?: boolean;
  /** The trash instead of live notes. */
  trash?: boolean;
  /** Only notes anchored to this document. */
  doc?: string;
}

/** A note anchored in one document, as the reader highlights it: the range and the note's first words. */
export interface DocumentNoteMark {
  noteId: string;
  anchorId: string;
  start: number;
  end: number;
  state: AnchorState;
  /** The note's body, cut to a short preview for hovering. */
  preview: string;
  tags: string[];
}

/** Export formats of the notebook. */
export const NOTE_EXPORT_FORMATS = ['md', 'json', 'csv', 'w3c'] as const;
/** One export format: Markdown with footnotes, lossless JSON, CSV rows, W3C Web Annotation JSON-LD. */
export type NoteExportFormat = (typeof NOTE_EXPORT_FORMATS)[number];

/** What an import did: notes added, notes already present (same id) left alone, anchors that found no document. */
export interface NoteImportReport {
  imported: number;
  skipped: number;
  orphanedAnchors: number;
}

/** A tag and how many live notes carry it. */
export interface TagCount {
  tag: string;
  notes: number;
}
