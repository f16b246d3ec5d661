/**
 * Words a notebook file's first invalid field as one sentence a reporter understands: "Note 3's passage 2 has no
 * text." Paths of zod issues name their owner (note 3, its passage 2, its revision 1) and the field.
 */
import type { z } from 'zod';
import { TYPE_NAMES } from '../../../contract/schemas';

/** What each field of the file is, in words. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  format: 'format',
  version: 'format version',
  exportedAt: 'export date',
  notes: 'notes',
  id: 'id',
  body: 'text',
  tags: 'tags',
  anchors: 'passages',
  revisions: 'revisions',
  createdAt: 'creation date',
  updatedAt: 'last-edit date',
  deletedAt: 'trash date',
  docId: 'document id',
  path: 'file path',
  title: 'title',
  outlet: 'outlet',
  published: 'publication date',
  selector: 'passage as noted',
  exact: 'text',
  prefix: 'text before it',
  suffix: 'text after it',
  contentHash: 'file hash',
  textHash: 'text hash',
  state: 'state',
  start: 'current start',
  end: 'current end',
  currentText: 'current text',
  diff: 'differences',
  orphanReason: 'orphan reason',
  page: 'page',
  noteId: 'note id',
  reason: 'reason',
  op: 'kind of difference',
  text: 'text',
};

/** Fields that may also be null, for "must be text or null". */
const NULLABLE = new Set(['title', 'outlet', 'published', 'deletedAt', 'currentText', 'diff', 'orphanReason', 'page']);

/** What one item of each list is called in a sentence ("passage 2"). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  notes: 'note',
  anchors: 'passage',
  revisions: 'revision',
  tags: 'tag',
  diff: 'difference',
};

/** Who an issue is about and which of its fields: owner "note 3's passage 2", field "text" (null for a list item itself). */
interface Subject {
  owner: string;
  key: string | null;
  field: string | null;
}

/** Turns one schema issue about a notebook file into a sentence. */
export function describeNotebookIssue(issue: z.core.$ZodRawIssue): string {
  const subject = subjectOf(issue.path ?? []);
  const Owner = capitalize(subject.owner);
  const of = subject.field ? `The ${subject.field} of ${subject.owner}` : Owner;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.slice(0, 3).map((key) => `"${clip(key)}"`).join(', ');
      return issue.keys.length === 1
        ? `${Owner} has a field Parallax does not know: ${keys}.`
        : `${Owner} has fields Parallax does not know: ${keys}${issue.keys.length > 3 ? ' and more' : ''}.`;
    }
    case 'invalid_type': {
      if (issue.input === undefined) return subject.field ? `${Owner} has no ${subject.field}.` : `${Owner} is missing.`;
      const expected = TYPE_NAMES[issue.expected] ?? String(issue.expected);
      return `${of} must be ${expected}${subject.key && NULLABLE.has(subject.key) ? ' or null' : ''}.`;
    }
    case 'too_big':
      if (issue.origin === 'string') return `${of} is too long: at most ${count(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `${Owner} has too many ${subject.field ?? 'entries'}: at most ${count(issue.maximum)}.`;
      return `${of} is too large.`;
    case 'too_small':
      if (issue.origin === 'string') return subject.field ? `${Owner} has no ${subject.field}.` : `${Owner} is empty.`;
      return `${of} must not be negative.`;
    case 'invalid_value':
      if (issue.input === undefined) return subject.field ? `${Owner} has no ${subject.field}.` : `${Owner} is missing.`;
      if (issue.values.length === 1) return `${of} must be ${String(issue.values[0])}.`;
      return `${of} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'custom':
      return describeRule(issue.params ?? {}, subject, of);
    default:
      return `${of} is not valid.`;
  }
}

/** Words a cross-field rule of `notebook-schema.ts`. */
function describeRule(params: Record<string, unknown>, subject: Subject, of: string): string {
  const Owner = capitalize(subject.owner);
  switch (params.rule) {
    case 'date':
      return `${of} is not a date (expected ISO 8601, like 2026-03-01T09:30:00.000Z).`;
    case 'order':
      return params.noted ? `${Owner} ends before it starts.` : `${Owner} ends before it starts in the current text.`;
    case 'duplicate-note':
      return `${Owner} has the same id as note ${Number(params.first) + 1}.`;
    case 'duplicate-anchor':
      return `${Owner} has the same id as passage ${Number(params.first) + 1}.`;
    case 'revision-note':
      return `${Owner} belongs to another note.`;
    default:
      return `${of} is not valid.`;
  }
}

/** Names an issue's owner and field from its path; selector fields belong to the passage ("passage 2 has no text"). */
function subjectOf(path: readonly PropertyKey[]): Subject {
  const owners: string[] = [];
  let key: string | null = null;
  let noted = false;
  for (let index = 0; index < path.length; index++) {
    const part = path[index];
    const next = path[index + 1];
    if (typeof part !== 'string') continue;
    if (typeof next === 'number' && ITEM_NAMES[part]) {
      owners.push(`${ITEM_NAMES[part]} ${next + 1}`);
      key = null;
      index++;
    } else if (part === 'selector' && index < path.length - 1) {
      noted = true;
    } else {
      key = part;
    }
  }
  const owner = owners.length > 0 ? owners.join("'s ") : 'the notebook';
  if (key === null) return { owner, key, field: null };
  const named = noted && (key === 'start' || key === 'end') ? `${key} as noted` : FIELD_NAMES[key] ?? `field "${clip(key)}"`;
  return { owner, key, field: named };
}

/** Upper-cases a sentence's first letter. */
function capitalize(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A count with thousands separators: 1,000,000. */
function count(value: number | bigint): string {
  return value.toLocaleString('en-US');
}

/** Shortens a name taken from the file, so a message never echoes a huge string. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
