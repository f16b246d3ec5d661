/**
 * Schemas of every contract method's input, checked by each transport (IPC, HTTP) before a call reaches the engine.
 * Objects are strict (unknown fields refused) and every string and list has a cap, since a renderer showing untrusted
 * articles — or any local program — may send anything.
 */
import { z } from 'zod';
import type { Api, ApiMethod } from './api';
import { METADATA_FIELDS, SORT_KEYS } from './library';
import { NOTE_EXPORT_FORMATS } from './notes';
import { READER_HEAD_LIMIT } from './reader';
import { failure, success, type Result } from './result';

/** The caps on inputs: characters for strings, entries for lists. */
export const INPUT_LIMITS = {
  path: 4096,
  paths: 10_000,
  name: 1000,
  query: 1000,
  value: 4096,
  within: 20,
  compared: 4,
  results: 10_000,
  quote: 2000,
  noteBody: 1_000_000,
  tag: 100,
  tags: 100,
  notePassages: 100,
  noteId: 100,
  importText: 200_000_000,
  page: 1000,
  passagePage: 10_000,
} as const;

const text = (max: number) => z.string().max(max);
const path = z.string().min(1).max(INPUT_LIMITS.path);
const story = text(INPUT_LIMITS.name).optional();
const offset = z.int().min(0);
const field = z.enum(METADATA_FIELDS);
const limitMessage = `The number of results must be a whole number from 1 to ${INPUT_LIMITS.results}.`;
const limit = z.int(limitMessage).min(1, limitMessage).max(INPUT_LIMITS.results, limitMessage).optional();
const listMessage = 'The number of documents listed must be a whole number, at least 1.';
const pageMessage = `A page of the library holds from 1 to ${INPUT_LIMITS.page} documents.`;
const passagePageMessage = `A page of shared passages holds from 1 to ${INPUT_LIMITS.passagePage} passages.`;
const comparedDocuments = z.array(path).min(2, 'Choose at least 2 documents to compare.').max(INPUT_LIMITS.paths).optional();
const headMessage = `The opening to read first must be a whole number of characters from 1 to ${READER_HEAD_LIMIT}.`;
const compareMessage = `Choose from 2 to ${INPUT_LIMITS.compared} documents to compare.`;
const nothing = z.strictObject({});
const noteId = z.string().min(1).max(INPUT_LIMITS.noteId);
const tags = z.array(z.string().trim().min(1).max(INPUT_LIMITS.tag)).max(INPUT_LIMITS.tags);
const passage = z.union([
  z
    .strictObject({ doc: path, start: offset, end: offset })
    .refine((input) => input.end > input.start, { message: 'The passage must end after it starts.', path: ['end'] }),
  z.strictObject({ doc: path, exact: z.string().trim().min(1).max(INPUT_LIMITS.quote) }),
]);

/** The input schema of each contract method; each accepts exactly what the method's input type allows. */
export const INPUT_SCHEMAS = {
  ingest: z.strictObject({ paths: z.array(path).min(1, 'Give at least one file or folder to ingest.').max(INPUT_LIMITS.paths), story }),
  listDocuments: z.strictObject({ story, offset: offset.optional(), limit: z.int(listMessage).min(1, listMessage).optional() }),
  listDocumentPage: z.strictObject({
    filter: z.strictObject({
      story: text(INPUT_LIMITS.name),
      outlet: text(INPUT_LIMITS.name),
      from: text(INPUT_LIMITS.name),
      to: text(INPUT_LIMITS.name),
      text: text(INPUT_LIMITS.query),
    }),
    sort: z.strictObject({ key: z.enum(SORT_KEYS), direction: z.enum(['ascending', 'descending']) }),
    offset,
    limit: z.int(pageMessage).min(1, pageMessage).max(INPUT_LIMITS.page, pageMessage),
    locate: path.optional(),
  }),
  listOutlets: nothing,
  getDocument: z.strictObject({ doc: path }),
  getDocumentText: z.strictObject({ doc: path, raw: z.boolean().optional() }),
  listBoilerplate: z.strictObject({ doc: path }),
  setBoilerplateRestored: z.strictObject({ doc: path, index: offset, restored: z.boolean() }),
  setMetadataOverride: z.strictObject({ doc: path, field, value: text(INPUT_LIMITS.value).nullable() }),
  clearMetadataOverride: z.strictObject({ doc: path, field }),
  listStories: nothing,
  getLibraryStatus: nothing,
  search: z.strictObject({ query: text(INPUT_LIMITS.query), limit, story }),
  getReaderView: z.strictObject({ doc: path, head: z.int(headMessage).min(1, headMessage).max(READER_HEAD_LIMIT, headMessage).optional() }),
  findRelatedPassages: z
    .strictObject({ doc: path, start: offset, end: offset, within: z.array(path).max(INPUT_LIMITS.within), limit })
    .refine((input) => input.end > input.start, { message: 'The selection must end after it starts.', path: ['end'] }),
  listSharedPassages: z.strictObject({ docs: z.array(path).min(2, compareMessage).max(INPUT_LIMITS.compared, compareMessage) }),
  listQuotes: z.strictObject({ doc: path.optional(), speaker: z.string().trim().min(1).max(INPUT_LIMITS.name).optional(), story }),
  listQuoteClusters: z.strictObject({ story }),
  verifyQuote: z.strictObject({ text: z.string().trim().min(1).max(INPUT_LIMITS.quote), story }),
  comparePassages: z.strictObject({ docs: comparedDocuments, story }),
  comparePassagePage: z.strictObject({
    docs: comparedDocuments,
    story,
    offset,
    limit: z.int(passagePageMessage).min(1, passagePageMessage).max(INPUT_LIMITS.passagePage, passagePageMessage),
  }),
  listClaims: z.strictObject({ story }),
  listProvenance: z.strictObject({ story }),
  getStoryComparison: z.strictObject({ story }),
  listNotes: z.strictObject({
    query: text(INPUT_LIMITS.query).optional(),
    tag: text(INPUT_LIMITS.tag).optional(),
    orphans: z.boolean().optional(),
    trash: z.boolean().optional(),
    doc: path.optional(),
  }),
  getNote: z.strictObject({ id: noteId }),
  createNote: z.strictObject({
    body: text(INPUT_LIMITS.noteBody).optional(),
    tags: tags.optional(),
    passages: z.array(passage).min(1, 'A note needs at least one passage.').max(INPUT_LIMITS.notePassages),
  }),
  updateNote: z.strictObject({ id: noteId, body: text(INPUT_LIMITS.noteBody).optional(), tags: tags.optional() }),
  addNotePassage: z.strictObject({ id: noteId, passage }),
  removeNotePassage: z.strictObject({ id: noteId, anchorId: noteId }),
  deleteNote: z.strictObject({ id: noteId }),
  restoreNote: z.strictObject({ id: noteId }),
  listNoteRevisions: z.strictObject({ id: noteId }),
  restoreNoteRevision: z.strictObject({ id: noteId, revision: z.int().min(1) }),
  listDocumentNotes: z.strictObject({ doc: path }),
  listNoteTags: nothing,
  exportNotes: z.strictObject({ format: z.enum(NOTE_EXPORT_FORMATS) }),
  importNotes: z.strictObject({ text: z.string().min(1, 'The file to import is empty.').max(INPUT_LIMITS.importText, 'The file to import is too large.') }),
  chooseFolder: nothing,
} satisfies { [Method in ApiMethod]: z.ZodType<Parameters<Api[Method]>[0]> };

/** What each input field is, in words, for error sentences. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  paths: 'the list of files and folders',
  story: 'the story name',
  doc: 'the document',
  raw: 'the choice of raw text',
  index: 'the hidden passage number',
  restored: 'the choice to restore',
  field: 'the metadata field',
  value: 'the new value',
  query: 'the search',
  limit: 'the number of results',
  start: 'the start of the selection',
  end: 'the end of the selection',
  within: 'the list of documents to look in',
  docs: 'the list of documents to compare',
  speaker: 'the speaker',
  text: 'the quote',
  id: 'the note',
  body: 'the note text',
  tags: 'the list of tags',
  tag: 'the tag',
  passages: 'the list of passages',
  passage: 'the passage',
  exact: 'the passage text',
  anchorId: 'the passage',
  revision: 'the revision',
  format: 'the export format',
  orphans: 'the choice of orphans',
  trash: 'the choice of trash',
};

/** What a value of each expected type is, in words (shared by every schema's error sentences). */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named fields',
};

/** Checks a method's input against its schema: the cleaned input, or a bad-request error with one plain sentence. */
export function validateInput(method: ApiMethod, input: unknown): Result<unknown> {
  const schema: z.ZodType | undefined = Object.hasOwn(INPUT_SCHEMAS, method) ? INPUT_SCHEMAS[method] : undefined;
  if (!schema) return failure('bad-request', `Parallax has no action called "${clip(String(method))}".`);
  const parsed = schema.safeParse(input === undefined ? {} : input, { error: describeIssue });
  if (parsed.success) return success(parsed.data);
  return failure('bad-request', parsed.error.issues[0]?.message ?? 'This request is not valid.');
}

/** Turns one schema issue into a sentence a reporter understands. */
function describeIssue(issue: z.core.$ZodRawIssue): string {
  const subject = subjectOf(issue.path ?? []);
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((key) => `"${clip(key)}"`).join(', ');
      return issue.keys.length === 1
        ? `This request has a field Parallax does not know: ${keys}.`
        : `This request has fields Parallax does not know: ${keys}${issue.keys.length > 3 ? ' and more' : ''}.`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `${Subject} is missing.`;
      if ((issue.path ?? []).length === 0) return 'This request must be a set of named fields (a JSON object).';
      return `${Subject} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${Subject} is too long: at most ${issue.maximum} characters.`;
      if (issue.origin === 'array') return `${Subject} has too many entries: at most ${issue.maximum}.`;
      return `${Subject} must be at most ${issue.maximum}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${Subject} is empty.`;
      if (issue.origin === 'array') return `${Subject} needs at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}.`;
      return `${Subject} must be at least ${issue.minimum}.`;
    case 'invalid_value':
      return `${Subject} must be one of: ${issue.values.map(String).join(', ')}.`;
    default:
      return `${Subject} is not valid.`;
  }
}

/** Names the field an issue is about: "the document", or "item 3 of the list of files and folders". */
function subjectOf(path: readonly PropertyKey[]): string {
  const [key, index] = path;
  if (key === undefined) return 'the request';
  const name = FIELD_NAMES[String(key)] ?? `the field "${clip(String(key))}"`;
  return typeof index === 'number' ? `item ${index + 1} of ${name}` : name;
}

/** Shortens a name taken from the input, so an error never echoes a huge string. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
