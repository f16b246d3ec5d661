/** Shapes of bylines, person names and outlet names, shared by the boilerplate detector and the metadata reader. */

import { parseNewsDate } from './news-date';

/** A byline line read apart: the author names as printed, and the outlet and date when the line carries them. */
export interface Byline {
  names: string;
  outlet: string | null;
  published: string | null;
}

const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'del', 'della', 'di', 'du', 'dos', 'das', 'van', 'von', 'der', 'den', 'bin', 'al', 'la', 'le', 'y',
]);
const NOT_NAME_STARTS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'He', 'She', 'It', 'They', 'We', 'Our', 'His', 'Her', 'Its',
  'Their', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'After', 'Before', 'When', 'While', 'If',
]);
const NAME_TOKEN = /^[\p{Lu}][\p{L}'’.-]{0,30}$/u;
const OUTLET_TOKEN = /^(?:[\p{Lu}\d][\p{L}\d&'’.!+-]{0,30}|&|of|the|and|for|de|la|el)$/u;
const OUTLET_WORDS =
  /\b(?:news|times|post|press|journal|herald|tribune|daily|media|network|gazette|chronicle|review|magazine|agency|wire|telegraph|guardian|independent|observer|today|radio|tv|television|broadcasting|online|insider|examiner|standard|mail|express|dispatch|courier|inquirer|bulletin|monitor|digest|weekly|reuters|bloomberg|associated)\b/i;
const ROLE_WORDS =
  /\b(?:writer|reporter|editor|correspondent|contributor|columnist|journalist|staff|producer|intern|freelancer?|analyst|photographer|critic)\b/i;

/** Whether a short string is a person's name: 2–5 capitalised words (particles like "de", "van" allowed). */
export function isPersonName(text: string): boolean {
  if (text.length < 3 || text.length > 60) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0] ?? '';
  if (NOT_NAME_STARTS.has(first) || !NAME_TOKEN.test(first)) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_TOKEN.test(word)) capitalised += 1;
    else if (!NAME_PARTICLES.has(word)) return false;
  }
  return capitalised >= 2 && !ROLE_WORDS.test(text) && !OUTLET_WORDS.test(text);
}

/** Whether a string is a plausible outlet name in a signature context: 1–6 capitalised words, at most 60 characters. */
export function isOutletName(text: string): boolean {
  if (text.length < 2 || text.length > 60 || !/^[\p{Lu}\d]/u.test(text)) return false;
  const words = text.split(/\s+/);
  return words.length <= 6 && words.every((word) => OUTLET_TOKEN.test(word));
}

/**
 * Whether a byline piece names an outlet rather than a person, role or place: an outlet name that is an acronym,
 * carries a digit, starts with "The" or holds a press word ("Times", "Press", "Reuters"); a bare city is refused.
 */
export function looksLikeOutlet(text: string): boolean {
  if (!isOutletName(text) || ROLE_WORDS.test(text)) return false;
  return /\d/.test(text) || /^[A-Z]{2,6}$/.test(text) || text.startsWith('The ') || OUTLET_WORDS.test(text);
}

/** Strips a leading lowercase "the" and trailing punctuation or possessive from an outlet name found in a sentence. */
export function cleanOutletName(text: string): string {
  return text
    .trim()
    .replace(/^the\s+/, '')
    .replace(/(?:[’']s)?[\s.,;:!]*$/, '');
}

/** Splits "Jane Doe and John Roe" / "Jane Doe & John Roe" into names; null unless every piece is a person's name. */
function readNameList(text: string): string | null {
  const pieces = text.split(/\s+(?:and|&)\s+/);
  return pieces.every(isPersonName) ? pieces.join(' and ') : null;
}

/** Reads the part after "By": names, then comma- or bar-separated outlet, role or date pieces. */
function readBylineBody(body: string): Byline | null {
  const [head = '', ...rest] = body.split(/\s*\|\s*/);
  const forOutlet = /^(.+?)\s+for\s+(.+)$/.exec(head);
  const commaPieces = (forOutlet?.[1] ?? head).split(/\s*,\s*/);
  const names: string[] = [];
  const firstNames = readNameList(commaPieces.shift() ?? '');
  if (firstNames === null) return null;
  names.push(firstNames);
  let outlet: string | null = null;
  let published: string | null = null;
  const extraPieces = [...commaPieces, ...rest];
  if (forOutlet?.[2] !== undefined) {
    if (!isOutletName(forOutlet[2])) return null;
    outlet = forOutlet[2];
  }
  for (const piece of extraPieces) {
    const date = parseNewsDate(piece);
    if (date !== null) published ??= date.iso;
    else if (looksLikeOutlet(piece)) outlet ??= piece;
    else if (readNameList(piece) !== null) names.push(piece);
    else if (!ROLE_WORDS.test(piece)) return null;
  }
  return { names: names.join(', '), outlet, published };
}

const BY_PREFIX = /^(?:by|written by|story by|words by|reporting by)\s+(.{2,180})$/i;
const POSTED_BY = /^(?:posted|published)(?:\s+on)?\s*:?\s*(.{6,60}?)\s+by\s+(.{2,120})$/i;
/** The openings of BY_PREFIX and POSTED_BY: a line without one is no byline, known before the costlier tests. */
const BYLINE_OPENING = /^(?:by|written by|story by|words by|reporting by|posted|published)/i;

/** Whether a line may be a byline at all (short, with a byline's opening word); parseByline refuses any other. */
export function mayBeByline(line: string): boolean {
  return line.length <= 200 && BYLINE_OPENING.test(line);
}

/** Parses a whole line as a byline ("By NAME", "By NAME, OUTLET", "By NAME | OUTLET | DATE", "Posted DATE by NAME"). */
export function parseByline(line: string): Byline | null {
  if (!mayBeByline(line) || /[.!?]["”’]?$/.test(line.replace(/\b\p{Lu}\.$/u, ''))) return null;
  const by = BY_PREFIX.exec(line);
  if (by?.[1] !== undefined) return readBylineBody(by[1]);
  const posted = POSTED_BY.exec(line);
  if (posted?.[1] === undefined || posted[2] === undefined) return null;
  const date = parseNewsDate(posted[1]);
  const body = readBylineBody(posted[2]);
  if (date === null || body === null) return null;
  return { ...body, published: date.iso };
}
