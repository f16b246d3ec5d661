/** How the notebook words things: a note's title, times, revision reasons and where a passage stands. */
import type { AnchorState, Note, NoteAnchor, OrphanReason, RevisionReason } from '../../../src-main/contract/notes';
import { fileName, formatDate } from '../../components/document-label';

/** The longest title shown for a note. */
const TITLE_LENGTH = 90;

/** A line of Markdown as plain words: no heading, quote or list marks, no emphasis, links as their words. */
function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:[#>]+\s*|[-*+]\s+|\d+[.)]\s+)+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A note's Markdown as plain words on one line (for previews): no heading, quote or list marks, no emphasis. */
export function plainText(markdown: string): string {
  return markdown
    .split('\n')
    .map(plainLine)
    .join(' ')
    .replace(/(^|\s)(?:#{1,6}|>|[-*+])\s+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text to a length, ending in an ellipsis when cut. */
export function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat;
}

/** A note's title: the first line of its body, or else its first passage in quotes, or "Untitled note". */
export function noteTitle(body: string, anchors: readonly { selector: { exact: string } }[]): string {
  for (const line of body.split('\n')) {
    const plain = plainLine(line);
    if (plain) return clip(plain, TITLE_LENGTH);
  }
  const first = anchors[0]?.selector.exact;
  return first ? `“${clip(first, TITLE_LENGTH - 2)}”` : 'Untitled note';
}

/** Whether a note has no words of its own yet (its title then comes from its passage). */
export function isBodyEmpty(body: string): boolean {
  return body.split('\n').every((line) => plainLine(line) === '');
}

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** When something happened, as a reporter says it: "just now", "12 min ago", "today 14:05", "3 Nov 2025, 09:12". */
export function formatWhen(iso: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const seconds = (now.getTime() - at.getTime()) / 1000;
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (at.toDateString() === now.toDateString()) return `today ${TIME.format(at)}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (at.toDateString() === yesterday.toDateString()) return `yesterday ${TIME.format(at)}`;
  return DAY_TIME.format(at);
}

/** A time with date and minutes, for tooltips and the history. */
export function formatExactTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : DAY_TIME.format(at);
}

const REASONS: Record<RevisionReason, string> = {
  created: 'Created',
  edited: 'Edited',
  'before-delete': 'Before it went to the trash',
  'before-anchor-removal': 'Before a passage was removed',
  'before-restore': 'Before an Undo or a restored version',
  imported: 'Imported',
};

/** Why a revision was kept, in words. */
export function revisionReason(reason: RevisionReason): string {
  return REASONS[reason] ?? reason;
}

/** A passage's state as a short badge, or null when it stands as noted. */
export function stateBadge(state: AnchorState): string | null {
  return state === 'drifted' ? 'changed since noted' : state === 'orphan' ? 'not found' : null;
}

const ORPHAN_REASONS: Record<OrphanReason, string> = {
  'source-missing': 'The source is no longer in the library (its file was removed), so this passage cannot be shown in it.',
  'not-found': 'The source was changed and this passage could not be found in its current text with confidence.',
};

/** Why a passage is an orphan, in one sentence. */
export function orphanReason(reason: OrphanReason | null): string {
  return reason ? ORPHAN_REASONS[reason] : 'This passage could not be found in its source.';
}

/** A passage's source: its title (or file name) and a credit line ("NBC News · 3 Nov 2025"). */
export function anchorSource(anchor: Pick<NoteAnchor, 'title' | 'path' | 'outlet' | 'published'>): { name: string; credit: string } {
  return {
    name: anchor.title ?? fileName(anchor.path),
    credit: [anchor.outlet ?? 'Outlet not known', formatDate(anchor.published) || 'date not known'].join(' · '),
  };
}

/** How many of a note's passages are drifted or orphaned. */
export function anchorTrouble(note: Pick<Note, 'anchors'>): { drifted: number; orphan: number } {
  return {
    drifted: note.anchors.filter((anchor) => anchor.state === 'drifted').length,
    orphan: note.anchors.filter((anchor) => anchor.state === 'orphan').length,
  };
}
