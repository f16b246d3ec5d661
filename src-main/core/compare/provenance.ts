/**
 * Provenance: where one article credits another outlet or agency ("according to NBC News", "told NBC News",
 * "(AP) —", "The Associated Press contributed to this report"), with one canonical name per outlet.
 *
 * Pure and fast: a handful of regular expressions find the attributing phrases (a verb or preposition next to a
 * name), and a name counts only when something says it is an outlet, not a person or a government body:
 * - a well-known agency or network from the small alias table below (AP, Reuters, NBC, …);
 * - a press word at its end ("… News", "… Times", "… Post", "… Agency" unless "Intelligence", "Security" …
 *   say it is a government body), a trailing 18 or 24 ("News18", "France 24"), or a domain ("nbcnews.com");
 * - "the" and a lone title word ("The Independent", "the Times");
 * - an apposition ("broadcaster NBC News", "the Mexican daily Reforma", "the Guardian newspaper");
 * - the same name introduced earlier in the text with one of those signals.
 * "The broadcaster", "the network", "the newspaper", "the outlet" … stand for the last outlet named before them.
 *
 * Names: one canonical name per outlet. Surrounding punctuation, a possessive, a leading "the" and an edition word
 * ("Digital", "Online") go; a domain becomes its name ("edition.cnn.com" → "cnn"); the alias table maps well-known
 * short and long forms ("NBC", "nbcnews.com" → "NBC News"; "AP" → "Associated Press"; "MailOnline" → "Daily
 * Mail"); otherwise "NBCNews"-style joins are split, all-capital or all-lower names are title-cased ("NEWS18" →
 * "News18"), and a bare network acronym gains "News" so "WION" and "WION News" meet. So "The Independent" is
 * "Independent" and "the Times" is "Times": a bare "Times" is never guessed to be the New York Times, but within
 * one text it stands for the last "… Times" named before it.
 *
 * Speed: regular expressions that start at a keyword, a cheap word-level look before any full name reading, and a
 * scan of every outlet the text names that runs only when a question needs it ("the broadcaster", "the Times",
 * an unsignaled name) and only as far as that question's position. Linear in the text.
 */
import type { Attribution, AttributionKind } from './types';
import {
  ALIAS_BY_KEY,
  PRESS_WORDS,
  TITLE_WORDS,
  GOVERNMENT_WORDS,
  LEADING_WORDS,
  TIME_WORDS,
  EDITION_WORDS,
  PLATFORM_DOMAINS,
  compactKey,
  domainName,
  normalizeOutletName,
} from './outlet-names';

export { normalizeOutletName } from './outlet-names';

/** Horizontal white space: names never run across a line break. */
const SPACE = String.raw`[^\S\n]+`;
const FIRST_WORD = String.raw`(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}\p{N}]*(?:[&'’+-][\p{L}\p{M}\p{N}]+)*`;
/** A later word of a name: capitalized, an abbreviation, or a short number not followed by a lower-case word. */
const NEXT_WORD = String.raw`${FIRST_WORD}|\p{N}{1,3}(?![\p{L}\p{N}])(?!${SPACE}\p{Ll})`;
/** A capitalized name phrase: optional "the", up to eight words joined by spaces, "of", "of the" or "&". */
const PHRASE = String.raw`(?:[Tt]he${SPACE})?(?:${FIRST_WORD})(?:(?:${SPACE}(?:of(?:${SPACE}the)?|&)${SPACE}|${SPACE})(?:${NEXT_WORD})){0,7}`;
const DOMAIN = String.raw`(?:https?:\/\/)?(?:www\.)?(?:[A-Za-z0-9-]+\.)*[A-Za-z0-9][A-Za-z0-9-]*\.(?:co\.uk|com\.au|co\.in|com|org|net|news|tv|in|co|uk|ca|au|de|fr|es|it|ie|nz)(?![\p{L}\p{N}-])`;
const NOT_AFTER_NAME_CHARACTER = String.raw`(?<![\p{L}\p{M}\p{N}&'’+.@\/-])`;
/** Nouns that, placed before or after a name, say it is an outlet ("broadcaster NBC News", "the Sun tabloid"). */
const OUTLET_NOUNS = String.raw`news${SPACE}(?:agency|outlet|site|website|organi[sz]ation|network|channel|portal|service)|wire${SPACE}service|(?:press|wire)${SPACE}agency|(?:TV|television|radio)${SPACE}(?:station|network|channel)|broadcaster|network|newspaper|outlet|tabloid|daily|weekly|magazine|publication|channel|website`;
const TRAILING_NOUNS = String.raw`newspaper|broadcaster|tabloid|news${SPACE}(?:agency|outlet|site|website)|wire${SPACE}service|magazine`;
/** Nouns that stand for the last outlet named ("the broadcaster"). */
const ANAPHOR_NOUNS = String.raw`broadcaster|network|newspaper|outlet|tabloid|publication|magazine|channel|news${SPACE}(?:agency|outlet|site|website|organi[sz]ation|network|channel)|wire${SPACE}service|(?:press|wire)${SPACE}agency`;
const ANAPHOR = String.raw`[Tt]he${SPACE}(?:\p{Lu}[\p{L}.’'-]*${SPACE})?(?:${ANAPHOR_NOUNS})(?![\p{L}])`;
/** A word between an article and an outlet noun ("the British broadcaster"), never a preposition or pronoun. */
const ADJECTIVE = String.raw`(?!(?:at|in|on|to|with|that|and|for|of|from|by|who|which|the)\b)[\p{L}\p{N}.’'-]+`;

const PHRASE_AT = new RegExp(PHRASE, 'uy');
const DOMAIN_AT = new RegExp(DOMAIN, 'uy');
const ANAPHOR_AT = new RegExp(ANAPHOR, 'uy');
const APPOSITION_AT = new RegExp(
  `(?:(?:the|a|an)${SPACE})?(?:${ADJECTIVE}${SPACE}){0,2}?(?:${OUTLET_NOUNS})${SPACE}`,
  'uy',
);
const NAME_BEFORE = new RegExp(`${NOT_AFTER_NAME_CHARACTER}(?:(?:${DOMAIN})|(?:${PHRASE}))$`, 'u');
const ANAPHOR_BEFORE = new RegExp(`(?<![\\p{L}])${ANAPHOR}$`, 'u');
const PHRASE_ANYWHERE = new RegExp(PHRASE, 'gu');
/** The public suffix of a domain: where the domain scan looks back from for the domain's start. */
const DOMAIN_HINT = /[A-Za-z0-9]\.(?:co|com|org|net|news|tv|in|uk|ca|au|de|fr|es|it|ie|nz)(?![A-Za-z0-9-])/gu;
const NAME_CHARACTER = /[\p{L}\p{M}\p{N}&'’+.@\/-]/u;
/**
 * Lower-case word forms that may signal an outlet, for a cheap first look at each capitalized phrase: press words
 * and every prefix (two letters or more) of an alias key ("al" of "aljazeera", "associated", "nbc").
 */
const SIGNAL_WORDS: ReadonlySet<string> = new Set([
  ...PRESS_WORDS,
  ...[...ALIAS_BY_KEY.keys()].flatMap((key) =>
    Array.from({ length: key.length - 1 }, (_, index) => key.slice(0, index + 2)),
  ),
]);
/** Last words of the outlet nouns that may stand before a name ("news agency", "broadcaster"). */
const NOUN_LAST_WORDS: ReadonlySet<string> = new Set([
  'agency', 'outlet', 'site', 'website', 'organization', 'organisation', 'network', 'channel', 'portal', 'service',
  'station', 'broadcaster', 'newspaper', 'tabloid', 'daily', 'weekly', 'magazine', 'publication',
]);
/** First words of the outlet nouns that may follow a name ("the Guardian newspaper", "the Sun tabloid"). */
const TRAILING_FIRST_WORDS: ReadonlySet<string> = new Set([
  'newspaper', 'broadcaster', 'tabloid', 'news', 'wire', 'magazine',
]);
const WHOLE_NAME = new RegExp(`^(?:(?:${DOMAIN})|(?:${PHRASE}))$`, 'u');
const WHOLE_DOMAIN = new RegExp(`^${DOMAIN}$`, 'u');
const APPOSITION_BEFORE = new RegExp(`(?<![\\p{L}])(?:${OUTLET_NOUNS})${SPACE}$`, 'u');
const TRAILING_NOUN_AFTER = new RegExp(`^${SPACE}(?:${TRAILING_NOUNS})(?![\\p{L}])`, 'u');
const ARTICLE_AT = /(?:a|an)[^\S\n]+/uy;
/** What may follow "a"/"an" and a name: "according to a Reuters report", "told an NBC News reporter". */
const REPORT_NOUN_AFTER =
  /^[^\S\n]+(?:report|reporting|story|article|investigation|analysis|exclusive|scoop|interview|broadcast|reporter|correspondent|journalist|interviewer)(?![\p{L}])/u;
/** How far back a name before a verb may start: eight words and some. */
const LOOK_BACK = 120;
/** How far before a reporting verb its name may end ("NBC News, citing two people …, reported"). */
const GAP_LOOK_BACK = 220;
/** How many earlier occurrences of a name the cheap test looks at before it gives up and scans. */
const OCCURRENCE_LIMIT = 40;
/** After this many cheap tests the scan of names (linear over the whole text) is cheaper than more of them. */
const CHEAP_TEST_LIMIT = 32;

/** One attributing phrase: where it starts and ends, and which way its name lies from its words. */
interface Trigger {
  pattern: RegExp;
  /** "after": the name follows the match ("according to X"); "before": it ends before the match starts. */
  side: 'after' | 'before';
  /**
   * For "before" triggers: what may stand between the name and the match, anchored at the match ("NBC News on
   * Monday reported"). Patterns start at their keyword, not with a look-behind, so the engine can skip ahead fast.
   */
  gap?: RegExp;
  kind: (match: RegExpExecArray, text: string) => AttributionKind;
}

const ARTICLE_REPORT = String.raw`(?:a|an|the)\s+(?:(?:new|recent|latest|separate|earlier|exclusive|original|bombshell)\s+)?(?:report|story|article|investigation|analysis)\s+(?:by|in|from)\s+|(?:reporting|reports?)\s+(?:by|in|from)\s+`;
const TIME_PHRASE = String.raw`(?:,?\s+(?:on|late|early|earlier|last|this|late\s+on|early\s+on|earlier\s+this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|afternoon|evening)\b,?)?`;
const REPORT_VERB = String.raw`(?:(?:has|had|have)\s+)?(?:(?:also|previously|earlier|exclusively|first|originally|initially)\s+){0,2}(?:reported|reports|revealed)|(?:was|were)\s+(?:the\s+)?first\s+(?:outlet\s+)?to\s+report|broke\s+the\s+(?:news|story)|(?:(?:first|originally|initially)\s+)?(?:published|released|ran)\s+(?:a|an|the|its)\s+(?:(?:exclusive|original|first|initial)\s+)?(?:story|report|article|scoop)|said\s+in\s+(?:a|an|its)\s+(?:[\p{L}-]+\s+)?report`;
const FIRST_WORDS = /\b(?:first|originally|initially|broke)\b/u;

/** The kind a reporting verb gives: "first reported", "was first to report", "broke the story" are first reports. */
function reportKind(match: RegExpExecArray): AttributionKind {
  return FIRST_WORDS.test(match[0]) ? 'first-reported' : 'reported';
}

/** "Reporting by X" opening a line is a contribution credit; inside a sentence it is a report. */
function reportingByKind(match: RegExpExecArray, text: string): AttributionKind {
  return match.index === 0 || text[match.index - 1] === '\n' ? 'contributed' : 'reported';
}

const TRIGGERS: readonly Trigger[] = [
  {
    pattern: new RegExp(String.raw`\b[Aa]ccording\s+to\s+(?:${ARTICLE_REPORT})?`, 'gu'),
    side: 'after',
    kind: () => 'according-to',
  },
  { pattern: /\b[Pp]er\s+/gu, side: 'after', kind: () => 'according-to' },
  {
    pattern: /\b(?:told|tells|telling)\s+|\bin\s+an?\s+(?:(?:exclusive|recent|televised|separate|new)\s+)?interview\s+(?:with|on)\s+|\b(?:speaking|spoke|speak|talking|talked)\s+(?:to|with)\s+|\bin\s+a\s+statement\s+to\s+/gu,
    side: 'after',
    kind: () => 'told',
  },
  { pattern: new RegExp(String.raw`\b[Cc]iting\s+(?:${ARTICLE_REPORT})?`, 'gu'), side: 'after', kind: () => 'citing' },
  { pattern: /\b[Vv]ia\s+/gu, side: 'after', kind: () => 'citing' },
  {
    pattern: /\b(?:[Aa]s\s+)?(?:(?:first|originally|initially)\s+)?reported\s+(?:first\s+)?by\s+/gu,
    side: 'after',
    kind: reportKind,
  },
  { pattern: new RegExp(String.raw`\b(?:${ARTICLE_REPORT})`, 'gu'), side: 'after', kind: () => 'reported' },
  { pattern: /\b(?:[Aa]dditional\s+)?[Rr]eporting\s+by\s+/gu, side: 'after', kind: reportingByKind },
  {
    pattern: new RegExp(String.raw`\b(?:${REPORT_VERB})(?![\p{L}])`, 'gu'),
    side: 'before',
    gap: new RegExp(
      String.raw`(?:(?<![Tt]he)${SPACE}(?:${TRAILING_NOUNS}))?(?:,\s+citing\s+[^,.;:!?\n]{1,160},)?${TIME_PHRASE}\s+$`,
      'u',
    ),
    kind: reportKind,
  },
  {
    pattern: /,\s+(?:who|which|that)\s+(?:(?:first|originally|initially)\s+reported|broke)(?:\s+(?:the|this)\s+(?:news|story|development|plan|report|details|scoop))?(?![\p{L}])/gu,
    side: 'before',
    kind: () => 'first-reported',
  },
  {
    pattern: /\bcontributed\s+(?:reporting(?:\s+to\s+this\s+(?:report|story|article))?|to\s+this\s+(?:report|story|article))(?![\p{L}])/gu,
    side: 'before',
    gap: /\s+$/u,
    kind: () => 'contributed',
  },
  {
    pattern: /['’]s?\s+(?:(?:original|exclusive|initial|earlier|first|own|latest)\s+)?(?:report|reporting|story|article|investigation|scoop|exclusive)(?![\p{L}])/gu,
    side: 'before',
    kind: () => 'reported',
  },
  { pattern: /,\s+citing(?![\p{L}])/gu, side: 'before', kind: () => 'citing' },
];
const WIRE_TAG = /\(([^()\n]{1,40})\)/gu;
const DASH_AFTER = /^\s*[—–―-]/u;
/** A word of a dateline, the capitalized place names before a wire tag ("MEXICO CITY, Mexico (Reuters)"). */
const DATELINE_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;

/** A word of a name phrase and where it lies in the text. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** A name read next to an attributing phrase, before it is checked against what the text names elsewhere. */
interface NameRead {
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

/** An outlet named in the text, with or without an attribution. */
interface Mention {
  source: string;
  start: number;
  end: number;
}

/** One scan of one text: the text and, computed on first need, every outlet it names. */
interface Scan {
  text: string;
  /** Canonical names already worked out, by spelling. */
  canonical: Map<string, string>;
  /** Outlets named so far, in order; the mention scan runs only as far as a question about them needs. */
  mentions: Mention[];
  /** Where each source was first named, for "introduced earlier" checks. */
  firstEnds: Map<string, number>;
  /** Words of the outlets named so far ("milenio"), for the mention scan's cheap first look. */
  namedWords: Set<string>;
  /** The mention scan's own copy of the phrase pattern, its position kept between questions. */
  phrasePattern: RegExp;
  /** The next phrase found and not yet taken: undefined before the first look, null at the end. */
  nextPhrase: [start: number, end: number] | null | undefined;
  /** Domains in the text (found on the first question) and how many the scan has taken. */
  domains: Array<[start: number, end: number]> | null;
  domainsTaken: number;
  /** The text in lower case, for the cheap test of earlier occurrences, and how often that test has run. */
  lower: string | null;
  cheapTests: number;
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
function readName(text: string, start: number, end: number): NameRead | null {
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
function stickyAt(pattern: RegExp, text: string, position: number): RegExpExecArray | null {
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
function readAfter(text: string, position: number): NameRead | null {
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
function readBefore(text: string, position: number): NameRead | null {
  const from = Math.max(0, position - LOOK_BACK);
  const window = text.slice(from, position);
  const phrase = NAME_BEFORE.exec(window);
  if (phrase !== null) return readName(text, from + phrase.index, position);
  const anaphor = ANAPHOR_BEFORE.exec(window);
  if (anaphor === null) return null;
  const start = from + anaphor.index;
  return { name: anaphor[0], start, end: position, signaled: false, shortForm: false, anaphor: true };
}

/** The canonical name of a spelling, worked out once per scan. */
function canonicalName(scan: Scan, name: string): string {
  let source = scan.canonical.get(name);
  if (source === undefined) {
    source = normalizeOutletName(name);
    scan.canonical.set(name, source);
  }
  return source;
}

/** The lower-case letters and digits of a word, without a possessive ("Fox's" → "fox"). */
function wordKey(word: string): string {
  return word.replace(/['’]s$/u, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a UTF-16 code unit is a space or tab (names and their neighbours sit on one line). */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 160;
}

/** The word that ends just before `position` (over spaces), in lower case; a hand-rolled scan, run per phrase. */
function wordBefore(text: string, position: number): string {
  let end = position;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && end - start < 20 && !isBlank(text.charCodeAt(start - 1)) && text[start - 1] !== '\n') start -= 1;
  return text.slice(start, end).toLowerCase();
}

/** The word that starts just after `position` (over spaces), in lower case. */
function wordAfter(text: string, position: number): string {
  let start = position;
  while (start < text.length && isBlank(text.charCodeAt(start))) start += 1;
  let end = start;
  while (end < text.length && end - start < 20 && !isBlank(text.charCodeAt(end)) && text[end] !== '\n') end += 1;
  return text.slice(start, end).toLowerCase();
}

/**
 * A cheap first look: whether a phrase may name an outlet at all, by a signal word, a trailing 18/24, an outlet noun
 * beside it, or a word of an outlet already named. Most capitalized phrases ("Trump", "Mexico", "But") fail here.
 */
function mayNameOutlet(text: string, start: number, end: number, namedWords: ReadonlySet<string>): boolean {
  for (const word of text.slice(start, end).split(' ')) {
    const lower = word.toLowerCase();
    if (lower === 'the') continue;
    if (SIGNAL_WORDS.has(lower) || namedWords.has(lower) || lower.endsWith('18') || lower.endsWith('24')) return true;
    const key = /^[a-z]+$/u.test(lower) ? lower : wordKey(word);
    if (key !== lower && (SIGNAL_WORDS.has(key) || namedWords.has(key))) return true;
  }
  return NOUN_LAST_WORDS.has(wordBefore(text, start)) || TRAILING_FIRST_WORDS.has(wordAfter(text, end));
}

/** Start and end of every domain in the text, found from its public suffix. */
function domainSpans(text: string): Array<[start: number, end: number]> {
  const found: Array<[number, number]> = [];
  let after = 0;
  for (const hint of text.matchAll(DOMAIN_HINT)) {
    if (hint.index < after) continue;
    let start = hint.index;
    while (start > after && /[A-Za-z0-9.:\/-]/u.test(text[start - 1] ?? '')) start -= 1;
    while (start < hint.index && !/[A-Za-z0-9]/u.test(text[start] ?? '')) start += 1;
    const domain = stickyAt(DOMAIN_AT, text, start);
    if (domain === null || NAME_CHARACTER.test(text[start - 1] ?? ' ')) continue;
    found.push([start, start + domain[0].length]);
    after = start + domain[0].length;
  }
  return found;
}

/** The next capitalized name phrase that does not start inside a word, without taking it. */
function peekPhrase(scan: Scan): [start: number, end: number] | null {
  while (scan.nextPhrase === undefined) {
    const match = scan.phrasePattern.exec(scan.text);
    if (match === null) scan.nextPhrase = null;
    else if (!NAME_CHARACTER.test(scan.text[match.index - 1] ?? ' ')) {
      scan.nextPhrase = [match.index, match.index + match[0].length];
    }
  }
  return scan.nextPhrase;
}

/** Takes the next name phrase or domain, in text order, if it starts before `position`. */
function takeName(scan: Scan, position: number): [start: number, end: number] | null {
  scan.domains ??= domainSpans(scan.text);
  const phrase = peekPhrase(scan);
  const domain = scan.domains[scan.domainsTaken];
  if (domain !== undefined && domain[0] < position && (phrase === null || domain[0] <= phrase[0])) {
    scan.domainsTaken += 1;
    if (phrase !== null && phrase[0] < domain[1]) scan.nextPhrase = undefined;
    return domain;
  }
  if (phrase === null || phrase[0] >= position) return null;
  scan.nextPhrase = undefined;
  return phrase;
}

/** Records the outlet a name phrase names, if it does: a signaled name, or an unsignaled repeat of one. */
function recordMention(scan: Scan, start: number, end: number): void {
  const { text, firstEnds, mentions } = scan;
  if (!mayNameOutlet(text, start, end, scan.namedWords)) return;
  const read = readName(text, start, end);
  if (read === null || (!read.signaled && firstEnds.size === 0)) return;
  const source = expandShortForm(read, canonicalName(scan, read.name), mentions, read.start);
  if (!read.signaled && !firstEnds.has(source)) return;
  mentions.push({ source, start: read.start, end: read.end });
  if (!firstEnds.has(source)) firstEnds.set(source, read.end);
  for (const word of read.name.split(' ')) scan.namedWords.add(wordKey(word));
}

/** The outlets the text names, scanned at least up to `position`: signaled names and repeats of them, in order. */
function mentionsBefore(scan: Scan, position: number): Mention[] {
  for (let name = takeName(scan, position); name !== null; name = takeName(scan, position)) {
    recordMention(scan, name[0], name[1]);
  }
  return scan.mentions;
}

/** Index of the last mention that ends at or before `position`, or -1. */
function lastMentionBefore(mentions: readonly Mention[], position: number): number {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.end <= position) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** "Times" after "The New York Times" was named is the New York Times; otherwise the source stays as it is. */
function expandShortForm(read: NameRead, source: string, mentions: readonly Mention[], position: number): string {
  if (!read.shortForm) return source;
  const suffix = ` ${source}`;
  const last = lastMentionBefore(mentions, position);
  for (let index = last; index >= 0 && index > last - 50; index -= 1) {
    const earlier = mentions[index]!.source;
    if (earlier.endsWith(suffix)) return earlier;
  }
  return source;
}

/** Whether an occurrence of a name at [start, end) has an outlet noun, "News" or a domain suffix beside it. */
function hasSignalBeside(text: string, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  let wordEnd = start;
  while (wordEnd > 0 && isBlank(text.charCodeAt(wordEnd - 1))) wordEnd -= 1;
  const noun = before === 'the' ? wordBefore(text, wordEnd - 3) : before;
  return (
    NOUN_LAST_WORDS.has(noun) ||
    TRAILING_FIRST_WORDS.has(wordAfter(text, end)) ||
    (text[end] === '.' && /[a-z]/u.test(text[end + 1] ?? ''))
  );
}

/**
 * A cheap test before scanning what the text names: "the Times" can only be short for "… Times" if " Times" occurs
 * earlier; an unsignaled name can only have been introduced as an outlet if it occurs earlier (in any case) with an
 * outlet noun, "News" or a domain suffix beside it.
 */
function mayBeNamedBefore(scan: Scan, read: NameRead): boolean {
  scan.cheapTests += 1;
  if (scan.cheapTests > CHEAP_TEST_LIMIT) return true;
  scan.lower ??= scan.text.toLowerCase();
  const name = read.shortForm ? ` ${read.name.toLowerCase()}` : read.name.toLowerCase();
  const last = read.start - name.length;
  let seen = 0;
  for (let at = scan.lower.indexOf(name); at !== -1 && at <= last; at = scan.lower.indexOf(name, at + 1)) {
    seen += 1;
    if (read.shortForm || seen > OCCURRENCE_LIMIT || hasSignalBeside(scan.text, at, at + name.length)) return true;
  }
  return false;
}

/** The outlet a read name stands for, or null when it is a person, an official, a government body or unknown. */
function identify(scan: Scan, read: NameRead): string | null {
  if (read.anaphor) {
    const mentions = mentionsBefore(scan, read.start);
    return mentions[lastMentionBefore(mentions, read.start)]?.source ?? null;
  }
  const source = canonicalName(scan, read.name);
  if (source === '') return null;
  if (read.signaled && !read.shortForm) return source;
  if (!mayBeNamedBefore(scan, read)) return read.signaled ? source : null;
  const mentions = mentionsBefore(scan, read.start);
  const expanded = expandShortForm(read, source, mentions, read.start);
  if (read.signaled) return expanded;
  const firstEnd = scan.firstEnds.get(expanded);
  return firstEnd !== undefined && firstEnd <= read.start ? expanded : null;
}

/** Builds an attribution over text[start, end). */
function attribution(text: string, source: string, kind: AttributionKind, start: number, end: number): Attribution {
  return { source, kind, start, end, text: text.slice(start, end) };
}

/** Widens a reported span over a leading "as" ("as NBC News reported"). */
function withLeadingAs(text: string, start: number): number {
  const as = /(?:^|[^\p{L}])([Aa]s\s+)$/u.exec(text.slice(Math.max(0, start - 4), start));
  return as === null ? start : start - (as[1]?.length ?? 0);
}

/** The name before a "before" trigger at `position`, across the trigger's gap when it has one. */
function readBeforeTrigger(text: string, position: number, gap: RegExp | undefined): NameRead | null {
  if (gap === undefined) return readBefore(text, position);
  const from = Math.max(0, position - GAP_LOOK_BACK);
  const found = gap.exec(text.slice(from, position));
  return found === null ? null : readBefore(text, from + found.index);
}

/** Attributions one trigger pattern finds. */
function matchTrigger(scan: Scan, trigger: Trigger): Attribution[] {
  const found: Attribution[] = [];
  const { text } = scan;
  for (const match of text.matchAll(trigger.pattern)) {
    const matchEnd = match.index + match[0].length;
    const read =
      trigger.side === 'after' ? readAfter(text, matchEnd) : readBeforeTrigger(text, match.index, trigger.gap);
    if (read === null) continue;
    const source = identify(scan, read);
    if (source === null) continue;
    const kind = trigger.kind(match, text);
    if (trigger.side === 'after') found.push(attribution(text, source, kind, match.index, read.end));
    else {
      const start = kind === 'reported' || kind === 'first-reported' ? withLeadingAs(text, read.start) : read.start;
      found.push(attribution(text, source, kind, start, matchEnd));
    }
  }
  return found;
}

/** Whether a tag sits at the start of a paragraph, after at most a dateline ("WASHINGTON (AP)"). */
function opensParagraph(text: string, position: number): boolean {
  const from = Math.max(0, position - 61);
  const window = text.slice(from, position);
  const newline = window.lastIndexOf('\n');
  if (newline === -1 && from > 0) return false;
  const words = window.slice(newline + 1).split(/[ ,]+/u).filter((word) => word !== '');
  return words.every((word) => DATELINE_WORD.test(word));
}

/** Wire tags: a known agency before a dash or opening a paragraph ("WASHINGTON (AP) —"); any outlet needs both. */
function matchWireTags(scan: Scan): Attribution[] {
  const found: Attribution[] = [];
  const { text } = scan;
  for (const match of text.matchAll(WIRE_TAG)) {
    const inner = match[1] ?? '';
    if (!WHOLE_NAME.test(inner)) continue;
    const read = readName(text, match.index + 1, match.index + 1 + inner.length);
    if (read === null || !read.signaled) continue;
    const end = match.index + match[0].length;
    const known = ALIAS_BY_KEY.has(compactKey(read.name));
    const dash = DASH_AFTER.test(text.slice(end, end + 4));
    const opening = opensParagraph(text, match.index);
    if (known ? dash || opening : dash && opening) {
      found.push(attribution(text, normalizeOutletName(read.name), 'wire-tag', match.index, end));
    }
  }
  return found;
}

/** Whether one span lies inside another. */
function contains(outer: Attribution, inner: Attribution): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Orders attributions by start (longest first at one start) and drops repeats: a span inside a kept one ("a report
 * by X" inside "according to a report by X"), and a span overlapping a kept one for the same outlet ("NBC News,
 * citing" after "According to NBC News") unless it says who reported first.
 */
function settle(candidates: Attribution[]): Attribution[] {
  candidates.sort((first, second) => first.start - second.start || second.end - first.end);
  const kept: Attribution[] = [];
  for (const candidate of candidates) {
    const recent = kept.slice(-8);
    if (recent.some((earlier) => contains(earlier, candidate))) continue;
    const repeats = recent.some((earlier) => earlier.end > candidate.start && earlier.source === candidate.source);
    if (repeats && candidate.kind !== 'first-reported') continue;
    kept.push(candidate);
  }
  return kept.sort((first, second) => first.start - second.start || first.end - second.end);
}

/** Credits to other outlets in a reading text (own outlet's dropped), by start: who re-reported whom. */
export function findAttributions(text: string, ownOutlet?: string | null): Attribution[] {
  const scan: Scan = {
    text,
    canonical: new Map(),
    mentions: [],
    firstEnds: new Map(),
    namedWords: new Set(),
    phrasePattern: new RegExp(PHRASE_ANYWHERE),
    nextPhrase: undefined,
    domains: null,
    domainsTaken: 0,
    lower: null,
    cheapTests: 0,
  };
  const own = ownOutlet ? normalizeOutletName(ownOutlet) : null;
  const candidates = [...TRIGGERS.flatMap((trigger) => matchTrigger(scan, trigger)), ...matchWireTags(scan)];
  return settle(candidates.filter((candidate) => candidate.source !== own));
}
