/**
 * The zod schema of the lossless notebook file (`parallax-notebook`, version 1). Every object is strict and every string
 * and list has a cap, since a notebook to import may come from anywhere. Cross-field rules (end ≥ start, unique ids,
 * revisions of their own note, dates) are custom issues with `params.rule`, worded by `notebook-issues.ts`.
 */
import { z } from 'zod';
import type { AnchorState, Note, NoteAnchor, NoteRevision, OrphanReason, PassageSelector, RevisionAnchor, RevisionReason } from '../../../contract/notes';
import type { WordDiff } from '../../../contract/quotes';

/** The caps on a notebook file's fields: characters for strings, entries for lists (the API's note caps, plus files'). */
export const NOTEBOOK_LIMITS = {
  body: 1_000_000,
  tags: 100,
  tag: 100,
  anchors: 100,
  revisions: 1000,
  id: 100,
  path: 4096,
  metadata: 4096,
  passage: 1_000_000,
  context: 10_000,
  hash: 200,
  date: 100,
  diffParts: 1_000_000,
} as const;

/** The anchor states, reasons and diff operations a file may hold (checked against the contract's types below). */
const ANCHOR_STATES = ['ok', 'drifted', 'orphan'] as const satisfies readonly AnchorState[];
const ORPHAN_REASONS = ['source-missing', 'not-found'] as const satisfies readonly OrphanReason[];
const REVISION_REASONS = ['created', 'edited', 'before-delete', 'before-anchor-removal', 'before-restore', 'imported'] as const satisfies readonly RevisionReason[];
const DIFF_OPS = ['same', 'added', 'removed'] as const satisfies readonly WordDiff['op'][];

/** An ISO 8601 date or date-time, as the store writes them (`Date#toISOString`), that `Date.parse` understands. */
const ISO_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether a string is a date this file format accepts. */
export function isNotebookDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));
}

const text = (max: number) => z.string().max(max);
const filled = (max: number) => z.string().min(1).max(max);
const offset = z.int().min(0);
const date = z
  .string()
  .min(1)
  .max(NOTEBOOK_LIMITS.date)
  .refine(isNotebookDate, { params: { rule: 'date' }, abort: true });
const id = filled(NOTEBOOK_LIMITS.id);
const tags = z.array(filled(NOTEBOOK_LIMITS.tag)).max(NOTEBOOK_LIMITS.tags);

const selector = z
  .strictObject({
    exact: filled(NOTEBOOK_LIMITS.passage),
    prefix: text(NOTEBOOK_LIMITS.context),
    suffix: text(NOTEBOOK_LIMITS.context),
    start: offset,
    end: offset,
  })
  .superRefine((value, context) => {
    if (value.end < value.start) context.addIssue({ code: 'custom', path: ['end'], params: { rule: 'order', noted: true } });
  });

const diffPart = z.strictObject({ op: z.enum(DIFF_OPS), text: text(NOTEBOOK_LIMITS.passage) });

const anchor = z
  .strictObject({
    id,
    docId: filled(NOTEBOOK_LIMITS.path),
    path: filled(NOTEBOOK_LIMITS.path),
    title: text(NOTEBOOK_LIMITS.metadata).nullable(),
    outlet: text(NOTEBOOK_LIMITS.metadata).nullable(),
    published: text(NOTEBOOK_LIMITS.metadata).nullable(),
    selector,
    contentHash: filled(NOTEBOOK_LIMITS.hash),
    textHash: filled(NOTEBOOK_LIMITS.hash),
    state: z.enum(ANCHOR_STATES),
    start: offset,
    end: offset,
    currentText: text(NOTEBOOK_LIMITS.passage).nullable(),
    diff: z.array(diffPart).max(NOTEBOOK_LIMITS.diffParts).nullable(),
    orphanReason: z.enum(ORPHAN_REASONS).nullable(),
    page: z.int().positive().nullable().optional(),
    createdAt: date,
  })
  .superRefine((value, context) => {
    if (value.end < value.start) context.addIssue({ code: 'custom', path: ['end'], params: { rule: 'order', noted: false } });
  });

const revisionAnchor = z.strictObject({
  id,
  docId: filled(NOTEBOOK_LIMITS.path),
  path: filled(NOTEBOOK_LIMITS.path),
  selector,
  contentHash: filled(NOTEBOOK_LIMITS.hash),
  textHash: filled(NOTEBOOK_LIMITS.hash),
  createdAt: date,
});

const revision = z.strictObject({
  id: z.int(),
  noteId: id,
  createdAt: date,
  reason: z.enum(REVISION_REASONS),
  body: text(NOTEBOOK_LIMITS.body),
  tags,
  anchors: z.array(revisionAnchor).max(NOTEBOOK_LIMITS.anchors),
});

const note = z
  .strictObject({
    id,
    body: text(NOTEBOOK_LIMITS.body),
    tags,
    anchors: z.array(anchor).max(NOTEBOOK_LIMITS.anchors),
    createdAt: date,
    updatedAt: date,
    deletedAt: date.nullable(),
    revisions: z.array(revision).max(NOTEBOOK_LIMITS.revisions),
  })
  .superRefine((value, context) => {
    const seen = new Map<string, number>();
    value.anchors.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else context.addIssue({ code: 'custom', path: ['anchors', index, 'id'], params: { rule: 'duplicate-anchor', first } });
    });
    value.revisions.forEach((item, index) => {
      if (item.noteId !== value.id) context.addIssue({ code: 'custom', path: ['revisions', index, 'noteId'], params: { rule: 'revision-note' } });
    });
  });

/** The schema of a whole notebook file; `format` and `version` are checked first by `parseNotebookFile`. */
export const NOTEBOOK_SCHEMA = z.strictObject({
  format: z.literal('parallax-notebook'),
  version: z.literal(1),
  exportedAt: date,
  notes: z.array(note).superRefine((notes, context) => {
    const seen = new Map<string, number>();
    notes.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else context.addIssue({ code: 'custom', path: [index, 'id'], params: { rule: 'duplicate-note', first } });
    });
  }),
});

/** True when two types are the same; keeps the schema in step with the contract (a type error when they part). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Parsed = z.infer<typeof NOTEBOOK_SCHEMA>;
type ParsedNote = Parsed['notes'][number];
const sameNote: Same<Omit<ParsedNote, 'anchors' | 'revisions'>, Omit<Note, 'anchors'>> = true;
const sameAnchor: Same<ParsedNote['anchors'][number], NoteAnchor> = true;
const sameSelector: Same<ParsedNote['anchors'][number]['selector'], PassageSelector> = true;
const sameRevision: Same<Omit<ParsedNote['revisions'][number], 'anchors'>, Omit<NoteRevision, 'anchors'>> = true;
const sameRevisionAnchor: Same<ParsedNote['revisions'][number]['anchors'][number], RevisionAnchor> = true;
void [sameNote, sameAnchor, sameSelector, sameRevision, sameRevisionAnchor];
