/**
 * The notebook as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/), for annotation
 * tools: one AnnotationCollection whose single embedded page holds one Annotation per note passage.
 *
 * Targets describe each passage where it is NOW in the document's current reading text, when it can be found:
 * - ok: the TextQuoteSelector's `exact` and the TextPositionSelector are the passage's current place (the text is as noted);
 * - drifted: `exact` is the current (changed) text at the current start/end; the text as noted is kept on the target as
 *   `parallax:notedText`, since a `refinedBy` would claim it is a part of the current text, which it is not;
 * - orphan: the passage is nowhere now, so the selectors are the ones as noted (text and offsets of the time), with
 *   `parallax:orphanReason`.
 * Every target carries `parallax:state` (ok, drifted, orphan) and `parallax:path` (the file, as the source IRI is an
 * opaque `urn:`); a passage of a PDF also carries `parallax:page`, the page it starts on. The `parallax:` prefix is
 * declared in the context. prefix/suffix are always those of noting time (Parallax keeps no other context); positions
 * are UTF-16 offsets in Parallax's reading text, which equal the model's code-point offsets only when the text before
 * the passage has no characters outside the Basic Multilingual Plane.
 */
import type { Note, NoteAnchor } from '../../../contract/notes';
import { calendarDate } from './calendar-date';
import { safeJson } from './safe-json';

/** The JSON-LD context: the W3C annotation context plus the Parallax vocabulary for states and as-noted text. */
export const ANNOTATION_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { parallax: 'urn:parallax:vocab#' }] as const;

/** A TextualBody: the note's Markdown (commenting) or one tag (tagging). */
export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: 'text/markdown';
  purpose: 'commenting' | 'tagging';
}

/** A TextQuoteSelector or TextPositionSelector. */
export type TextSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string } | { type: 'TextPositionSelector'; start: number; end: number };

/** A SpecificResource target: the document and the passage in it, with the Parallax state. */
export interface AnnotationTarget {
  source: string;
  selector: [TextSelector, TextSelector];
  'parallax:state': NoteAnchor['state'];
  'parallax:path': string;
  'parallax:notedText'?: string;
  'parallax:orphanReason'?: string;
  /** The page of the source the passage starts on (PDFs). */
  'parallax:page'?: number;
}

/** One annotation: a note on one passage. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: 'commenting' | 'tagging' | 'highlighting';
  body?: TextualBody[];
  target: AnnotationTarget;
}

/** The whole export: a collection with one embedded page. */
export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The notebook as a W3C AnnotationCollection object (see the module comment for how states are represented). */
export function annotationCollection(notes: readonly Note[], exportedAt: string): AnnotationCollection {
  // An annotation needs a target, so a note without passages has nothing to say in this model and is left out.
  const items = notes.flatMap((note) => note.anchors.map((anchor) => annotationOf(note, anchor)));
  const id = `urn:parallax:notebook:${urnPart(exportedAt)}`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Parallax notebook, exported ${calendarDate(exportedAt) ?? exportedAt}`,
    total: items.length,
    first: { id: `${id}:page:0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** The notebook as W3C Web Annotation JSON-LD text (2-space indent, trailing newline, HTML-safe escapes). */
export function notebookWebAnnotations(notes: readonly Note[], exportedAt: string): string {
  return safeJson(annotationCollection(notes, exportedAt));
}

/** The annotation of one note on one of its passages. */
function annotationOf(note: Note, anchor: NoteAnchor): WebAnnotation {
  const body: TextualBody[] = [];
  if (note.body.trim() !== '') body.push({ type: 'TextualBody', value: note.body, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  // A passage with neither words nor tags is a highlight; one with tags only is tagging.
  const motivation = body[0]?.purpose ?? 'highlighting';
  return {
    id: `urn:parallax:note:${urnPart(note.id)}:anchor:${urnPart(anchor.id)}`,
    type: 'Annotation',
    created: anchor.createdAt,
    modified: later(note.updatedAt, anchor.createdAt),
    motivation,
    ...(body.length > 0 ? { body } : {}),
    target: targetOf(anchor),
  };
}

/** The target of one passage: where it is now (ok, drifted) or was noted (orphan). */
function targetOf(anchor: NoteAnchor): AnnotationTarget {
  const noted = anchor.selector;
  const drifted = anchor.state === 'drifted' && anchor.currentText !== null;
  const found = anchor.state !== 'orphan';
  const exact = drifted ? (anchor.currentText ?? noted.exact) : noted.exact;
  const target: AnnotationTarget = {
    source: `urn:parallax:document:${urnPart(anchor.docId)}`,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: noted.prefix, suffix: noted.suffix },
      { type: 'TextPositionSelector', start: found ? anchor.start : noted.start, end: found ? anchor.end : noted.end },
    ],
    'parallax:state': anchor.state,
    'parallax:path': anchor.path,
  };
  if (drifted) target['parallax:notedText'] = noted.exact;
  if (anchor.state === 'orphan' && anchor.orphanReason) target['parallax:orphanReason'] = anchor.orphanReason;
  if (typeof anchor.page === 'number') target['parallax:page'] = anchor.page;
  return target;
}

/** A string as one segment of a `urn:` IRI: percent-encoded, except ":" and "@", which a URN segment allows. */
function urnPart(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

/** The later of two ISO dates (the first when either does not parse), so `modified` is never before `created`. */
function later(first: string, second: string): string {
  const a = Date.parse(first);
  const b = Date.parse(second);
  return !Number.isNaN(a) && !Number.isNaN(b) && b > a ? second : first;
}
