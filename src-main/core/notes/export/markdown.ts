/**
 * The notebook as Markdown for reading and pasting into a draft: each note under a heading with its tags, its body as
 * written, and its passages as block quotes citing their source in footnotes numbered across the whole notebook.
 */
import type { Note, NoteAnchor } from '../../../contract/notes';
import { calendarDate } from './calendar-date';
import { codeSpan, containBody, escapeInline, inlineText, normalizeNewlines, oneLine, quoteLines } from './markdown-escape';

/** How long a note's heading may be, in characters, before it is cut at a word. */
export const HEADING_LENGTH = 80;

/** The notebook as one Markdown document with footnotes (`[^n]`, GitHub/Pandoc style), one per passage. */
export function notebookMarkdown(notes: readonly Note[], exportedAt: string): string {
  const passages = notes.reduce((sum, note) => sum + note.anchors.length, 0);
  const blocks: string[] = ['# Notebook', `Exported from Parallax on ${inlineText(calendarDate(exportedAt) ?? exportedAt)} · ${plural(notes.length, 'note')} · ${plural(passages, 'passage')}`];
  const footnotes: string[] = [];
  for (const note of notes) {
    blocks.push(`## ${noteHeading(note.body)}`);
    if (note.tags.length > 0) blocks.push(note.tags.map(tagMark).join(' '));
    const body = containBody(note.body).replace(/^\s*\n|\s+$/g, '');
    // marked (the app's renderer) lets an HTML block opened by a bare "<tag" line run over one blank line; two end it.
    if (body !== '') blocks.push(/(?:^|\n) {0,3}<[A-Za-z][A-Za-z0-9-]*[ \t]*$/.test(body) ? `${body}\n` : body);
    for (const anchor of note.anchors) {
      // Labels are the passage's number in the whole notebook, so they are unique by construction.
      const label = footnotes.length + 1;
      footnotes.push(`[^${label}]: ${citation(anchor)}`);
      blocks.push(...passageBlocks(anchor, label));
    }
  }
  if (footnotes.length > 0) blocks.push(footnotes.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

/** A note's heading: its first line with text, without Markdown markers, cut to about 80 characters; or "Untitled note". */
export function noteHeading(body: string): string {
  for (const line of normalizeNewlines(body).split('\n')) {
    const plain = oneLine(stripMarkers(line));
    if (plain !== '') return escapeInline(cut(plain, HEADING_LENGTH)).replace(/#/g, '\\#');
  }
  return 'Untitled note';
}

/** The blocks of one passage: the quote (current text when drifted, as noted otherwise) ending in its footnote mark, and a remark. */
function passageBlocks(anchor: NoteAnchor, label: number): string[] {
  const current = anchor.state === 'drifted' ? anchor.currentText : null;
  const lines = quoteLines(current ?? anchor.selector.exact);
  const last = lines.length - 1;
  const ending = lines[last] ?? '>';
  // "text![^1]" could read as an image in some renderers; a space keeps the mark a footnote there.
  lines[last] = ending === '>' ? `> [^${label}]` : `${ending}${ending.endsWith('!') ? ' ' : ''}[^${label}]`;
  const blocks = [lines.join('\n')];
  if (current !== null) blocks.push(`(changed since noted: originally “${inlineText(anchor.selector.exact)}”)`);
  else if (anchor.state === 'drifted') blocks.push('(changed since noted)');
  if (anchor.state === 'orphan') blocks.push('(passage no longer found in the source)');
  return blocks;
}

/** A footnote's text: outlet, “title”, date, page (PDFs), file path (as code, so it reads exactly) — whichever are known. */
function citation(anchor: NoteAnchor): string {
  const parts: string[] = [];
  if (anchor.outlet && oneLine(anchor.outlet)) parts.push(inlineText(anchor.outlet));
  if (anchor.title && oneLine(anchor.title)) parts.push(`“${inlineText(anchor.title)}”`);
  if (anchor.published && oneLine(anchor.published)) parts.push(inlineText(calendarDate(anchor.published) ?? anchor.published));
  if (typeof anchor.page === 'number') parts.push(`p. ${anchor.page}`);
  if (oneLine(anchor.path)) parts.push(`file: ${codeSpan(anchor.path)}`);
  else parts.push(`document ${inlineText(anchor.docId)}`);
  return parts.join(', ');
}

/** A tag as "#tag": white space becomes "-" so the mark stays one word; a "#" in the tag is escaped ("##" is a heading). */
function tagMark(tag: string): string {
  return `#${escapeInline(oneLine(tag).replace(/ /g, '-')).replace(/#/g, '\\#')}`;
}

/** One line of a body without its Markdown markers: block markers, emphasis, code ticks, links, images, footnote marks, tags. */
function stripMarkers(line: string): string {
  return line
    .replace(/^(?:\s*(?:#{1,6}(?=\s|$)|>|[-*+](?=\s)|\d{1,9}[.)](?=\s)))+/, '')
    .replace(/^\s*(?:[-*_=]\s*){3,}$/, '')
    .replace(/^\s*(?:`{3,}|~{3,}).*$/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]*\]:?/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/[*`~]+/g, '')
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
    .replace(/\s#+\s*$/, '')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '');
}

/** Text cut to at most `max` characters at a word boundary when there is one late enough, with "…". */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${(space >= max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** "1 note", "3 notes". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
