/** Names in a document: capitalized sequences, titles stripped, surnames mapped to the full names they belong to. */
import { firstNameGender, GENDERED_TITLES, isFunctionWord, isRoleNoun, LEGAL_SUFFIXES, ORGANIZATION_WORDS, TITLES } from './lexicon';

/** A capitalized word sequence and where it is. */
export interface NameSpan {
  start: number;
  end: number;
  words: string[];
  possessive: boolean;
}

/** A person or organization the document names. */
export interface NamedEntity {
  name: string;
  kind: 'person' | 'organization';
  gender: 'f' | 'm' | null;
  /** The title words seen before the name ("mayor", "president"). */
  titles: string[];
}

/** A capitalized word: an abbreviation with inner dots ("U.S.", "U.N.") or a word with an optional final dot. */
const NAME_WORD = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{M}'’\-]*\.?)`;
/** A name from its first capital on. Sticky: it is tried only where nextCapital finds a capital, since every match
 * starts with one (far faster than the regex scanning every offset for one). */
const NAME_PATTERN = new RegExp(String.raw`${NAME_WORD}(?:[ \u00a0]+(?:${NAME_WORD}|(?:de|van|von|da|del|der|la|le|bin|al)(?![\p{L}\p{M}'’\-])))*`, 'uy');
const CAPITAL = /^\p{Lu}$/u;
/** Connectors inside organization names ("Ministry of Water Resources", "Centers for Disease Control"). */
const ORGANIZATION_CONNECTORS = new Set(['of', 'for', 'on']);
const ABBREVIATIONS = new Set(['inc.', 'corp.', 'co.', 'ltd.', 'jr.', 'sr.', 'mr.', 'mrs.', 'ms.', 'dr.', 'st.', 'gov.', 'sen.', 'rep.', 'gen.', 'u.s.', 'u.k.']);

function cleanWord(word: string): { word: string; possessive: boolean } {
  let value = word;
  let possessive = false;
  if (value.endsWith("'s") || value.endsWith('’s')) {
    value = value.slice(0, -2);
    possessive = true;
  } else if (value.endsWith("s'") || value.endsWith('s’')) {
    value = value.slice(0, -1);
    possessive = true;
  }
  if (value.endsWith('.') && value.length > 2 && !ABBREVIATIONS.has(value.toLowerCase())) value = value.slice(0, -1);
  return { word: value, possessive };
}

/** Where a capital may be: an ASCII capital or any non-ASCII character (then checked by its Unicode property). */
const CAPITAL_CANDIDATE = /[A-Z\u0080-\uffff]/g;

/** The offset of the first capital letter (a whole code point, as the name pattern reads it) at or after `from`, or
 * the text's length. */
function nextCapital(text: string, from: number): number {
  CAPITAL_CANDIDATE.lastIndex = from;
  for (let found = CAPITAL_CANDIDATE.exec(text); found !== null; found = CAPITAL_CANDIDATE.exec(text)) {
    const index = found.index;
    if (text.charCodeAt(index) < 128) return index;
    const point = text.codePointAt(index) as number;
    if (CAPITAL.test(String.fromCodePoint(point))) return index;
    if (point > 0xffff) CAPITAL_CANDIDATE.lastIndex = index + 2;
  }
  return text.length;
}

/** Capitalized sequences in `text[from, to)`, leading function words ("The", "If", "When") removed; organization names
 * joined across "of"/"for" ("Ministry of Water Resources") and after a possessive ("Kestan's Ministry of…"). */
export function nameSpans(text: string, from = 0, to = text.length): NameSpan[] {
  return joinOrganizationSpans(text, rawNameSpans(text, from, to));
}

/** Joins "Ministry" + "of" + "Water Resources" and "Kestan's" + "Ministry…" into one organization span. */
function joinOrganizationSpans(text: string, spans: NameSpan[]): NameSpan[] {
  const joined: NameSpan[] = [];
  for (const span of spans) {
    const previous = joined[joined.length - 1];
    const join = previous === undefined ? null : previous.possessive ? joinedAfterPossessive(text, previous, span) : joinedAcrossConnector(text, previous, span);
    if (join === null) joined.push(span);
    else joined[joined.length - 1] = join;
  }
  return joined;
}

/** "Ministry" + " of " + "Water Resources" as one span, when the first ends in an organization word; else null. */
function joinedAcrossConnector(text: string, previous: NameSpan, span: NameSpan): NameSpan | null {
  if (!ORGANIZATION_WORDS.has((previous.words[previous.words.length - 1] ?? '').toLowerCase())) return null;
  const connector = /^[ \u00a0]+(\p{Ll}+)[ \u00a0]+$/u.exec(text.slice(previous.end, span.start))?.[1];
  if (connector === undefined || !ORGANIZATION_CONNECTORS.has(connector)) return null;
  return { start: previous.start, end: span.end, words: [...previous.words, connector, ...span.words], possessive: span.possessive };
}

/** "Kestan's" + "Ministry of Water Resources" as one span, when only spaces part them; else null. */
function joinedAfterPossessive(text: string, previous: NameSpan, span: NameSpan): NameSpan | null {
  if (!/^[ \u00a0]+$/u.test(text.slice(previous.end, span.start)) || !isOrganizationName(span.words)) return null;
  const owner = text.slice(previous.start, previous.end);
  return { start: previous.start, end: span.end, words: [owner, ...span.words], possessive: span.possessive };
}

function rawNameSpans(text: string, from: number, to: number): NameSpan[] {
  const spans: NameSpan[] = [];
  const slice = text.slice(from, to);
  for (let at = nextCapital(slice, 0); at < slice.length; at = nextCapital(slice, at)) {
    NAME_PATTERN.lastIndex = at;
    const match = (NAME_PATTERN.exec(slice) as RegExpExecArray)[0];
    addNameSpans(spans, splitOnSpaces(match), from + at);
    at += match.length;
  }
  return spans;
}

/** The pieces of a matched name between its runs of spaces (it neither starts nor ends with one). */
function splitOnSpaces(match: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let index = 0; index < match.length; index += 1) {
    const code = match.charCodeAt(index);
    if (code !== 32 && code !== 0xa0) continue;
    if (index > start) pieces.push(match.slice(start, index));
    start = index + 1;
  }
  pieces.push(match.slice(start));
  return pieces;
}

/** The spans of one matched name at `offset`: leading function words ("The", "If") dropped, split after each
 * possessive. Offsets count one space between pieces. */
function addNameSpans(spans: NameSpan[], raw: readonly string[], offset: number): void {
  let first = 0;
  while (first < raw.length && isFunctionWord(cleanWord(raw[first] as string).word)) {
    offset += (raw[first] as string).length + 1;
    first += 1;
  }
  if (first >= raw.length) return;
  let words: string[] = [];
  let start = offset;
  let end = offset;
  for (let index = first; index < raw.length; index += 1) {
    const piece = raw[index] as string;
    const cleaned = cleanWord(piece);
    words.push(cleaned.word);
    end += piece.length + 1;
    if (cleaned.possessive) {
      spans.push({ start, end: end - 1, words, possessive: true });
      words = [];
      start = end;
    }
  }
  if (words.length > 0) spans.push({ start, end: end - 1, words, possessive: false });
}

/** A title before a name: house titles, role nouns, and the qualifiers that come with them ("U.S.", "Assistant"). */
function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLES.has(lower) || QUALIFIERS.has(lower) || (/^\p{Lu}\p{Ll}+$/u.test(word) && isRoleNoun(lower));
}

const QUALIFIERS = new Set(['u.s.', 'assistant', 'deputy', 'acting', 'interim', 'former', 'district', 'state', 'federal', 'associate', 'senior', 'executive', 'chief']);

/** Splits leading titles from a name: "US President Donald Trump" → titles ["president"], name ["Donald", "Trump"]. */
export function stripTitles(words: readonly string[]): { titles: string[]; name: string[] } {
  const facts = nameFacts(words);
  return { titles: [...facts.titles], name: [...facts.name] };
}

function splitTitles(words: readonly string[]): { titles: string[]; name: string[] } {
  if (isOrganizationName(words)) return { titles: [], name: [...words] };
  let last = -1;
  for (let index = 0; index < words.length - 1; index += 1) {
    if (isTitleWord(words[index] as string)) last = index;
  }
  const titles = words.slice(0, last + 1).map((word) => word.toLowerCase()).filter((word) => isTitleWord(word));
  return { titles, name: words.slice(last + 1) };
}

/** What a name's words are, shared and never to be modified: its titles and name (stripTitles), whether the name is
 * an organization's, and whether the words look like a person (looksLikePerson). */
export interface NameFacts {
  readonly titles: readonly string[];
  readonly name: readonly string[];
  readonly organization: boolean;
  readonly person: boolean;
}

const factsCache = new Map<string, NameFacts>();

/** The facts of a name, worked out once per distinct word sequence: the same names recur within a document and
 * across a library, and each is asked about several times (titles, organization, person). */
export function nameFacts(words: readonly string[]): NameFacts {
  const key = words.join('\u0000');
  const known = factsCache.get(key);
  if (known !== undefined) return known;
  const { titles, name } = splitTitles(words);
  const organization = isOrganizationName(name);
  const person = name.length > 0 && !organization && (titles.length > 0 || (name.length >= 2 && name.length <= 4 && firstNameGender(name[0] as string) !== null));
  const facts: NameFacts = { titles, name, organization, person };
  if (words.some((word) => word.includes('\u0000'))) return facts;
  if (factsCache.size > 50000) factsCache.clear();
  factsCache.set(key, facts);
  return facts;
}

/** True when the name's last word marks an organization. */
export function isOrganizationName(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  const connector = words.findIndex((word, index) => index > 0 && ORGANIZATION_CONNECTORS.has(word));
  if (connector > 0 && ORGANIZATION_WORDS.has((words[connector - 1] as string).toLowerCase())) return true;
  return ORGANIZATION_WORDS.has(last.toLowerCase()) || (words.length === 1 && last.length > 1 && last === last.toUpperCase() && /^\p{Lu}+$/u.test(last));
}

/** An organization's display name, as the text writes it ("Harlow Appliances Inc."). */
export function organizationName(words: readonly string[]): string {
  return words.join(' ');
}

/** The organization name without its legal suffix, to match "Harlow Appliances" with "Harlow Appliances Inc.". */
function organizationKey(name: string): string {
  const kept = name.toLowerCase().split(' ');
  while (kept.length > 1 && LEGAL_SUFFIXES.has(kept[kept.length - 1] as string)) kept.pop();
  return kept.join(' ');
}

function titleCase(word: string): string {
  if (!/^\p{Lu}[\p{Lu}'’\-.]+$/u.test(word)) return word;
  return word.toLowerCase().replace(/(^|[-'’])\p{Ll}/gu, (letter) => letter.toUpperCase());
}

/** The people and organizations of one document, with a surname index. */
export class NameRegistry {
  private readonly people = new Map<string, NamedEntity>();
  private readonly surnames = new Map<string, Set<string>>();
  private readonly byTitle = new Map<string, Set<string>>();
  private readonly organizations = new Map<string, string>();

  /** Records an organization's name as first written; later shorter forms ("Harlow Appliances") map to it. */
  addOrganization(name: string): void {
    const key = organizationKey(name);
    const known = this.organizations.get(key);
    if (known === undefined || name.length > known.length) this.organizations.set(key, name);
  }

  /** The organization's fullest written name ("Harlow Appliances" → "Harlow Appliances Inc."), or the name itself. */
  organization(name: string): string {
    return this.organizations.get(organizationKey(name)) ?? name;
  }

  /** Records a person's full name (two words or more) with its titles. */
  addPerson(words: readonly string[], titles: readonly string[]): void {
    const name = words.map(titleCase).join(' ');
    if (words.length < 2) return;
    const first = words[0] as string;
    const gender = titles.map((title) => GENDERED_TITLES.get(title)).find((value) => value !== undefined)
      ?? toGender(firstNameGender(first));
    const known = this.people.get(name);
    if (known === undefined) this.people.set(name, { name, kind: 'person', gender, titles: [...titles] });
    else for (const title of titles) if (!known.titles.includes(title)) known.titles.push(title);
    const surname = (words[words.length - 1] as string).toLowerCase();
    const set = this.surnames.get(surname) ?? new Set<string>();
    set.add(name);
    this.surnames.set(surname, set);
    for (const title of titles) {
      const holders = this.byTitle.get(title) ?? new Set<string>();
      holders.add(name);
      this.byTitle.set(title, holders);
    }
  }

  /** The canonical full name for a mention ("Roe", "Mayor Jane Roe", "RUIZ"), or the mention itself, title-stripped. */
  canonical(words: readonly string[]): string {
    const { name } = nameFacts(words);
    const cased = name.map(titleCase);
    const last = (cased[cased.length - 1] ?? '').toLowerCase();
    const candidates = [...(this.surnames.get(last) ?? [])];
    if (cased.length === 1 && candidates.length === 1) return candidates[0] as string;
    if (cased.length >= 2) {
      const firstWord = cased[0] as string;
      const match = candidates.filter((candidate) => candidate.startsWith(firstWord)).sort((a, b) => b.length - a.length)[0];
      if (match !== undefined) return match;
    }
    return cased.join(' ');
  }

  /** The person a role noun points to ("the mayor"), when exactly one person carries that title. */
  holderOf(title: string): string | null {
    const holders = this.byTitle.get(title.toLowerCase());
    return holders !== undefined && holders.size === 1 ? ([...holders][0] as string) : null;
  }

  /** The recorded person, if any. */
  person(name: string): NamedEntity | undefined {
    return this.people.get(name);
  }

  /** True when the single word is a known surname. */
  isSurname(word: string): boolean {
    return this.surnames.has(word.toLowerCase());
  }
}

function toGender(value: 'f' | 'm' | 'x' | null): 'f' | 'm' | null {
  return value === 'f' || value === 'm' ? value : null;
}

/** True when a name span (titles stripped) looks like a person: a title before it, or a known first name. */
export function looksLikePerson(words: readonly string[]): boolean {
  return nameFacts(words).person;
}
