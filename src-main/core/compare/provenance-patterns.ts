/**
 * Provenance patterns: the regular expressions, word lists and limits that find attributing phrases ("according to",
 * "told", "reported", "(AP) —") and the names beside them. See provenance.ts for how they are used.
 */
import type { AttributionKind } from './types';
import { ALIAS_BY_KEY, PRESS_WORDS } from './outlet-names';

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

/** A capitalized name phrase at a position (sticky). */
export const PHRASE_AT = new RegExp(PHRASE, 'uy');
/** A domain at a position (sticky). */
export const DOMAIN_AT = new RegExp(DOMAIN, 'uy');
/** "The broadcaster" and the like at a position (sticky). */
export const ANAPHOR_AT = new RegExp(ANAPHOR, 'uy');
/** An outlet noun and a name at a position ("broadcaster NBC News", sticky). */
export const APPOSITION_AT = new RegExp(
  `(?:(?:the|a|an)${SPACE})?(?:${ADJECTIVE}${SPACE}){0,2}?(?:${OUTLET_NOUNS})${SPACE}`,
  'uy',
);
/** A name or domain ending where the text ends (read backwards from an attributing phrase). */
export const NAME_BEFORE = new RegExp(`${NOT_AFTER_NAME_CHARACTER}(?:(?:${DOMAIN})|(?:${PHRASE}))$`, 'u');
/** "The broadcaster" and the like ending where the text ends. */
export const ANAPHOR_BEFORE = new RegExp(`(?<![\\p{L}])${ANAPHOR}$`, 'u');
/** Every capitalized name phrase in a text, for the mention scan. */
export const PHRASE_ANYWHERE = new RegExp(PHRASE, 'gu');
/** The public suffix of a domain: where the domain scan looks back from for the domain's start. */
export const DOMAIN_HINT = /[A-Za-z0-9]\.(?:co|com|org|net|news|tv|in|uk|ca|au|de|fr|es|it|ie|nz)(?![A-Za-z0-9-])/gu;
/** A character a name may contain: a name ends where these end. */
export const NAME_CHARACTER = /[\p{L}\p{M}\p{N}&'’+.@\/-]/u;
/**
 * Lower-case word forms that may signal an outlet, for a cheap first look at each capitalized phrase: press words
 * and every prefix (two letters or more) of an alias key ("al" of "aljazeera", "associated", "nbc").
 */
export const SIGNAL_WORDS: ReadonlySet<string> = new Set([
  ...PRESS_WORDS,
  ...[...ALIAS_BY_KEY.keys()].flatMap((key) =>
    Array.from({ length: key.length - 1 }, (_, index) => key.slice(0, index + 2)),
  ),
]);
/** Last words of the outlet nouns that may stand before a name ("news agency", "broadcaster"). */
export const NOUN_LAST_WORDS: ReadonlySet<string> = new Set([
  'agency', 'outlet', 'site', 'website', 'organization', 'organisation', 'network', 'channel', 'portal', 'service',
  'station', 'broadcaster', 'newspaper', 'tabloid', 'daily', 'weekly', 'magazine', 'publication',
]);
/** First words of the outlet nouns that may follow a name ("the Guardian newspaper", "the Sun tabloid"). */
export const TRAILING_FIRST_WORDS: ReadonlySet<string> = new Set([
  'newspaper', 'broadcaster', 'tabloid', 'news', 'wire', 'magazine',
]);
/** A whole string that is a name or a domain. */
export const WHOLE_NAME = new RegExp(`^(?:(?:${DOMAIN})|(?:${PHRASE}))$`, 'u');
/** A whole string that is a domain. */
export const WHOLE_DOMAIN = new RegExp(`^${DOMAIN}$`, 'u');
/** An outlet noun just before a name ("the news agency "). */
export const APPOSITION_BEFORE = new RegExp(`(?<![\\p{L}])(?:${OUTLET_NOUNS})${SPACE}$`, 'u');
/** An outlet noun just after a name (" newspaper"). */
export const TRAILING_NOUN_AFTER = new RegExp(`^${SPACE}(?:${TRAILING_NOUNS})(?![\\p{L}])`, 'u');
/** "a" or "an" at a position (sticky), before a name and a report noun. */
export const ARTICLE_AT = /(?:a|an)[^\S\n]+/uy;
/** What may follow "a"/"an" and a name: "according to a Reuters report", "told an NBC News reporter". */
export const REPORT_NOUN_AFTER =
  /^[^\S\n]+(?:report|reporting|story|article|investigation|analysis|exclusive|scoop|interview|broadcast|reporter|correspondent|journalist|interviewer)(?![\p{L}])/u;
/** How far back a name before a verb may start: eight words and some. */
export const LOOK_BACK = 120;
/** How far before a reporting verb its name may end ("NBC News, citing two people …, reported"). */
export const GAP_LOOK_BACK = 220;
/** How many earlier occurrences of a name the cheap test looks at before it gives up and scans. */
export const OCCURRENCE_LIMIT = 40;
/** After this many cheap tests the scan of names (linear over the whole text) is cheaper than more of them. */
export const CHEAP_TEST_LIMIT = 32;

/** One attributing phrase: where it starts and ends, and which way its name lies from its words. */
export interface Trigger {
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

/** Every attributing phrase the text is searched for, with the side its name lies on. */
export const TRIGGERS: readonly Trigger[] = [
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
/** A parenthesized wire tag: "(AP)", "(Reuters)". */
export const WIRE_TAG = /\(([^()\n]{1,40})\)/gu;
/** The dash that follows a wire tag opening a story. */
export const DASH_AFTER = /^\s*[—–―-]/u;
/** A word of a dateline, the capitalized place names before a wire tag ("MEXICO CITY, Mexico (Reuters)"). */
export const DATELINE_WORD = /^\p{Lu}[\p{L}\p{M}.'’-]*$/u;
