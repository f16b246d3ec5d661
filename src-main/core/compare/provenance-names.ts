/**
 * Provenance names: reading the outlet name beside an attributing phrase (after "according to", before "reported",
 * in an apposition or a report noun) and deciding from its words alone whether it names an outlet. See provenance.ts.
 */
import { ALIAS_BY_KEY, PRESS_WORDS, TITLE_WORDS, GOVERNMENT_WORDS, LEADING_WORDS, TIME_WORDS, EDITION_WORDS, PLATFORM_DOMAINS, compactKey, domainName } from './outlet-names';
import { PHRASE_AT, DOMAIN_AT, ANAPHOR_AT, APPOSITION_AT, NAME_BEFORE, ANAPHOR_BEFORE, WHOLE_DOMAIN, APPOSITION_BEFORE, TRAILING_NOUN_AFTER, ARTICLE_AT, REPORT_NOUN_AFTER, LOOK_BACK } from './provenance-patterns';

/** A word of a name phrase and where it lies in the text. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** A name read next to an attributing phrase, before it is checked against what the text names elsewhere. */
export interface NameRead {
  /** The name as written, without a leading "the", possessive or edition word. */
  name: string;
  start: number;
  end: number;
  /** Whether the name says by itself or by its neighbours that it is an outlet. */
  signaled: boolean;
  /** "the Times": a lone title word that may stand for a fuller name given earlier ("The New York Times"). */
  shortForm: boolean;
  /** "the broadcaster": stands for the last outlet named before it. */
  anaphor: boolean;
}

/** The whitespace-separated words of text[start, end) with their offsets. */
function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  for (const match of text.slice(start, end).matchAll(/\S+/gu)) {
    tokens.push({ text: match[0], start: start + match.index, end: start + match.index + match[0].length });
  }
  return tokens;
}

/** Whether a token joins name words rather than being one. */
function isJoiner(token: Token): boolean {
  return token.text === 'of' || token.text === 'the' || token.text === '&';
}

/** Whether words (after any "the") name an outlet by themselves: an alias, a press word or a trailing 18/24. */
function namesOutlet(words: readonly string[], afterThe: boolean): boolean {
  if (words.length === 0) return false;
  if (ALIAS_BY_KEY.has(compactKey(words.join(' ')))) return true;
  if (words.some((word) => GOVERNMENT_WORDS.has(word.toLowerCase()))) return false;
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (/\p{L}(?:18|24)$/u.test(last) || (/^(?:18|24)$/u.test(last) && words.length > 1)) return true;
  const of = words.indexOf('of');
  if (of > 0 && PRESS_WORDS.has((words[of - 1] ?? '').toLowerCase())) return true;
  if (!PRESS_WORDS.has(last)) return false;
  return words.length > 1 || (afterThe && TITLE_WORDS.has(last));
}

/** Whether tokens form a name from the alias table that is an acronym or two words or more (not "Fox" alone). */
function isStrongAlias(tokens: readonly Token[]): boolean {
  const first = tokens[0]?.text ?? '';
  const key = compactKey(tokens.map((token) => token.text).join(' '));
  return ALIAS_BY_KEY.has(key) && (tokens.length > 1 || /^\p{Lu}{2,}$/u.test(first));
}

/** Within a phrase that is no alias, the longest alias at its end or else at its start ("In Mexico City NBC News"). */
function aliasWithin(tokens: readonly Token[]): Token[] | null {
  for (let from = 1; from < tokens.length; from += 1) {
    const tail = tokens.slice(from);
    if (!isJoiner(tokens[from]!) && isStrongAlias(tail)) return tail;
  }
  for (let to = tokens.length - 1; to > 0; to -= 1) {
    const head = tokens.slice(0, to);
    if (isStrongAlias(head)) return head;
  }
  return null;
}

/** Drops clause openers and dates from the start, and dates and joining words from the end of a phrase. */
function trimPhrase(tokens: Token[]): Token[] {
  let from = 0;
  let to = tokens.length;
  while (from < to && (LEADING_WORDS.has(tokens[from]!.text) || TIME_WORDS.has(tokens[from]!.text))) from += 1;
  while (to > from && (TIME_WORDS.has(tokens[to - 1]!.text) || isJoiner(tokens[to - 1]!))) to -= 1;
  return tokens.slice(from, to);
}

/** Ends a phrase at a possessive ("CNN's Jake Tapper" → "CNN") unless the whole is an outlet ("People's Daily"). */
function cutAtPossessive(tokens: Token[], afterThe: boolean): Token[] {
  const at = tokens.findIndex((token) => /['’]s$/u.test(token.text));
  if (at === -1 || namesOutlet(tokens.map((token) => token.text), afterThe)) return tokens;
  const owner = tokens[at]!;
  const cut = { text: owner.text.slice(0, -2), start: owner.start, end: owner.end - 2 };
  return [...tokens.slice(0, at), cut];
}

/** "Lena Roe of the Daily Mail" names the Daily Mail: the part after "of" if it is an outlet and the head is not. */
function outletAfterOf(tokens: Token[]): { tokens: Token[]; the: Token | null } | null {
  const of = tokens.findIndex((token) => token.text === 'of');
  if (of < 1) return null;
  const the = tokens[of + 1]?.text === 'the' ? tokens[of + 1]! : null;
  const tail = tokens.slice(of + (the === null ? 1 : 2));
  const head = tokens.slice(0, of).map((token) => token.text);
  if (!namesOutlet(tail.map((token) => token.text), the !== null) || namesOutlet(head, false)) return null;
  if (PRESS_WORDS.has((head[head.length - 1] ?? '').toLowerCase())) return null;
  return { tokens: tail, the };
}

/** Whether an outlet noun stands just before `start` ("broadcaster NBC News") or after `end` ("the Sun tabloid"). */
function hasOutletNoun(text: string, start: number, end: number): boolean {
  return (
    APPOSITION_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ||
    TRAILING_NOUN_AFTER.test(text.slice(end, end + 30))
  );
}

/** Reads a domain in text[start, end) as a name; platforms ("twitter.com") are not outlets. */
function readDomain(text: string, start: number, end: number): NameRead | null {
  const name = text.slice(start, end);
  const label = domainName(name);
  if (label === null || PLATFORM_DOMAINS.has(label.toLowerCase())) return null;
  return { name, start, end, signaled: true, shortForm: false, anaphor: false };
}

/** Reads the name phrase in text[start, end): trims it to its name and says whether it is marked as an outlet. */
export function readName(text: string, start: number, end: number): NameRead | null {
  if (WHOLE_DOMAIN.test(text.slice(start, end))) return readDomain(text, start, end);
  let tokens = tokenize(text, start, end);
  let the = tokens[0] !== undefined && /^the$/iu.test(tokens[0].text) ? tokens[0] : null;
  if (the !== null) tokens = tokens.slice(1);
  const trimmed = trimPhrase(tokens);
  if (trimmed[0] !== tokens[0]) the = null;
  tokens = cutAtPossessive(trimmed, the !== null);
  const ofPart = outletAfterOf(tokens);
  if (ofPart !== null) ({ tokens, the } = ofPart);
  if (!ALIAS_BY_KEY.has(compactKey(withoutEdition(tokens).map((token) => token.text).join(' ')))) {
    const alias = aliasWithin(tokens);
    if (alias !== null) {
      if (alias[0] !== tokens[0]) the = null;
      tokens = alias;
    }
  }
  return nameFromTokens(text, tokens, the);
}

/** The tokens without a trailing edition word ("Fox News Digital" → "Fox News"). */
function withoutEdition(tokens: Token[]): Token[] {
  const last = tokens[tokens.length - 1];
  return tokens.length > 1 && last !== undefined && EDITION_WORDS.has(last.text) ? tokens.slice(0, -1) : tokens;
}

/** Builds the read name from its final tokens: span, name without edition word, and its outlet signals. */
function nameFromTokens(text: string, tokens: Token[], the: Token | null): NameRead | null {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return null;
  const named = withoutEdition(tokens);
  const words = named.map((token) => token.text);
  const start = the?.start ?? first.start;
  const signaled = namesOutlet(words, the !== null) || hasOutletNoun(text, start, last.end);
  const shortForm = the !== null && words.length === 1 && TITLE_WORDS.has(words[0]!.toLowerCase());
  const name = text.slice(first.start, named[named.length - 1]!.end);
  return { name, start, end: last.end, signaled, shortForm, anaphor: false };
}

/** Reads the name a sticky pattern finds at `position`, if any. */
export function stickyAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
  pattern.lastIndex = position;
  return pattern.exec(text);
}

/** "a Reuters report", "an NBC News reporter": a name between "a" and a report noun, the span running to the noun. */
function readReportNoun(text: string, position: number): NameRead | null {
  const article = stickyAt(ARTICLE_AT, text, position);
  if (article === null) return null;
  const read = readNameAt(text, position + article[0].length);
  const noun = read === null ? null : REPORT_NOUN_AFTER.exec(text.slice(read.end, read.end + 40));
  return read === null || noun === null ? null : { ...read, end: read.end + noun[0].length };
}

/**
 * The name that starts at `position`: after an outlet noun ("broadcaster NBC News"), a name, "a Reuters report",
 * or "the broadcaster".
 */
export function readAfter(text: string, position: number): NameRead | null {
  const reportNoun = readReportNoun(text, position);
  if (reportNoun !== null) return reportNoun;
  const apposition = stickyAt(APPOSITION_AT, text, position);
  if (apposition !== null) {
    const read = readNameAt(text, position + apposition[0].length);
    if (read !== null) return { ...read, signaled: true };
  }
  const read = readNameAt(text, position);
  if (read !== null) return read;
  const anaphor = stickyAt(ANAPHOR_AT, text, position);
  if (anaphor === null) return null;
  const end = position + anaphor[0].length;
  return { name: anaphor[0], start: position, end, signaled: false, shortForm: false, anaphor: true };
}

/** The name phrase or domain starting exactly at `position`. */
function readNameAt(text: string, position: number): NameRead | null {
  const domain = stickyAt(DOMAIN_AT, text, position);
  if (domain !== null) return readDomain(text, position, position + domain[0].length);
  const phrase = stickyAt(PHRASE_AT, text, position);
  return phrase === null ? null : readName(text, position, position + phrase[0].length);
}

/** The name that ends exactly at `position`: a domain, a name phrase, or "the broadcaster". */
export function readBefore(text: string, position: number): NameRead | null {
  const from = Math.max(0, position - LOOK_BACK);
  const window = text.slice(from, position);
  const phrase = NAME_BEFORE.exec(window);
  if (phrase !== null) return readName(text, from + phrase.index, position);
  const anaphor = ANAPHOR_BEFORE.exec(window);
  if (anaphor === null) return null;
  const start = from + anaphor.index;
  return { name: anaphor[0], start, end: position, signaled: false, shortForm: false, anaphor: true };
}
