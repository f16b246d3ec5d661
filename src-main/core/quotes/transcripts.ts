/** Transcript turns: lines opening with "NAME:", "NAME, ROLE:" or "ANCHOR (NAME):" labels. */

/** One labelled turn; `start`/`end` bound the words after the label. */
export interface TranscriptTurn {
  start: number;
  end: number;
  /** The speaker's name as labelled, or null for a role-only label ("INTERVIEWER", "Q"). */
  label: string | null;
  /** The role word of a role-only label ("anchor", "host"), lowercase, so the reader can resolve it to a name. */
  role: string | null;
}

const LABEL = /^([\p{Lu}][\p{L}\p{M}.'’\- ]{0,40}?)(?:\s*\(([^)\n]{1,40})\))?(?:,\s*([^:\n]{1,60}?))?:[ \t]+(\S[^\n]*)$/gmu;
/** Whether the text holds what every label line does, a colon then a space or tab: a text without one has no turns
 * and is not scanned for labels. */
function hasLabelEnd(text: string): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const next = text[colon + 1];
    if (next === ' ' || next === '\t') return true;
  }
  return false;
}

const ROLES = new Set(['interviewer', 'q', 'a', 'question', 'answer', 'host', 'anchor', 'reporter', 'moderator', 'caller', 'audience member', 'unidentified male', 'unidentified female', 'unidentified speaker', 'narrator', 'presenter', 'correspondent', 'interpreter']);
const NOT_LABELS = new Set(['photo', 'note', 'update', 'updated', 'editor’s note', "editor's note", 'read more', 'location', 'last updated', 'first published', 'by', 'source', 'sources', 'credit', 'related', 'watch', 'new', 'breaking', 'also read', 'see also', 'disclaimer', 'correction', 'tags', 'via', 'image', 'video', 'listen', 'contact', 'email', 'phone', 'website', 'date', 'time', 'published', 'subscribe', 'warning', 'p.s', 'ps', 'transcript']);

function isAllCaps(label: string): boolean {
  return /\p{Lu}/u.test(label) && !/\p{Ll}/u.test(label);
}

/**
 * Every transcript turn, or none when the text is not a transcript: a label counts when it is in capitals or recurs,
 * and a transcript has at least two turns.
 */
export function findTranscriptTurns(text: string): TranscriptTurn[] {
  if (!hasLabelEnd(text)) return [];
  const candidates: { start: number; end: number; main: string; inner: string | undefined }[] = [];
  for (const match of text.matchAll(LABEL)) {
    const main = (match[1] ?? '').trim();
    const body = match[4] ?? '';
    if (main.split(/\s+/u).length > 4 || NOT_LABELS.has(main.toLowerCase())) continue;
    const lineStart = match.index ?? 0;
    const start = lineStart + match[0].length - body.length;
    candidates.push({ start, end: start + body.trimEnd().length, main, inner: match[2]?.trim() });
  }
  const counts = new Map<string, number>();
  for (const candidate of candidates) counts.set(candidate.main, (counts.get(candidate.main) ?? 0) + 1);
  const turns: TranscriptTurn[] = [];
  for (const candidate of candidates) {
    if (!isAllCaps(candidate.main) && (counts.get(candidate.main) ?? 0) < 2) continue;
    const name = candidate.inner ?? candidate.main;
    const isRole = ROLES.has(name.toLowerCase());
    turns.push({ start: candidate.start, end: candidate.end, label: isRole ? null : name, role: isRole ? name.toLowerCase() : null });
  }
  return turns.length >= 2 ? turns : [];
}
