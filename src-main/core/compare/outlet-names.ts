/**
 * Outlet names: one canonical name per outlet ("NBC", "nbcnews.com" → "NBC News"), the small alias table of
 * well-known agencies and networks, and the word lists that tell an outlet's name from a person's or a government
 * body's. Used by provenance.ts.
 */

/**
 * Well-known agencies and networks whose short forms, domains and long forms differ from their usual name, keyed
 * by compact spelling (lower case, letters and digits only, no leading "the"). Deliberately small: every other
 * outlet is recognized and named by the general rules in `normalizeOutletName`.
 */
const OUTLET_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'Associated Press': ['ap', 'associatedpress', 'apnews'],
  AFP: ['afp', 'agencefrancepresse', 'agencefrancepress'],
  Reuters: ['reuters', 'thomsonreuters'],
  UPI: ['upi', 'unitedpressinternational'],
  'BBC News': ['bbc', 'bbcnews'],
  CNN: ['cnn'],
  'NBC News': ['nbc', 'nbcnews'],
  'CBS News': ['cbs', 'cbsnews'],
  'ABC News': ['abc', 'abcnews'],
  'Fox News': ['fox', 'foxnews', 'foxnewschannel'],
  MSNBC: ['msnbc'],
  NPR: ['npr', 'nationalpublicradio'],
  'New York Times': ['nyt', 'nytimes', 'newyorktimes'],
  'Wall Street Journal': ['wsj', 'wallstreetjournal'],
  'Washington Post': ['wapo', 'washingtonpost'],
  Bloomberg: ['bloomberg', 'bloombergnews'],
  Politico: ['politico'],
  Axios: ['axios'],
  'Al Jazeera': ['aljazeera', 'aljazeeraenglish'],
  'Daily Mail': ['dailymail', 'mailonline', 'dailymailonline'],
  Guardian: ['guardian', 'theguardian'],
};
export const ALIAS_BY_KEY: ReadonlyMap<string, string> = new Map(
  Object.entries(OUTLET_ALIASES).flatMap(([name, keys]) => keys.map((key) => [key, name] as const)),
);

/** Last words that make a name an outlet ("Tampa Bay Times", "Anadolu Agency"); compared in lower case. */
export const PRESS_WORDS: ReadonlySet<string> = new Set([
  'news', 'times', 'post', 'journal', 'herald', 'tribune', 'mail', 'telegraph', 'guardian', 'gazette', 'wire',
  'press', 'daily', 'today', 'radio', 'tv', 'television', 'network', 'media', 'magazine', 'chronicle', 'courier',
  'ledger', 'star', 'observer', 'independent', 'insider', 'express', 'agency', 'economist', 'mirror',
]);
/** Press words that name an outlet on their own after "the" ("The Independent", "the Times"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'times', 'post', 'journal', 'herald', 'tribune', 'mail', 'telegraph', 'guardian', 'gazette', 'chronicle',
  'courier', 'ledger', 'star', 'observer', 'independent', 'insider', 'express', 'economist', 'mirror',
]);
/** Words that make a name with a press word a government body ("Central Intelligence Agency"). */
export const GOVERNMENT_WORDS: ReadonlySet<string> = new Set([
  'intelligence', 'security', 'defense', 'defence', 'protection', 'enforcement', 'environmental', 'energy', 'space',
  'emergency', 'homeland', 'federal', 'police', 'army', 'navy', 'military', 'ministry', 'department', 'government',
  'administration', 'pentagon', 'kremlin', 'house', 'senate', 'congress', 'parliament', 'commission', 'council',
  'committee', 'bureau', 'office', 'court', 'atomic', 'nuclear', 'cartel',
]);
/** Capitalized words that open a sentence or clause rather than a name ("Meanwhile NBC News reported"). */
export const LEADING_WORDS: ReadonlySet<string> = new Set([
  'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'As', 'But', 'And', 'Or', 'So', 'Yet', 'Then', 'Now',
  'Meanwhile', 'However', 'Also', 'Earlier', 'Later', 'Last', 'Next', 'This', 'That', 'These', 'Those', 'Yesterday',
  'Today', 'Tonight', 'When', 'While', 'After', 'Before', 'If', 'Since', 'Separately', 'Still', 'Instead', 'Here',
  'There', 'Even', 'Only', 'Both', 'Per', 'Via', 'According', 'Citing', 'Reporting', 'Additional', 'Update', 'Breaking',
]);
/** Days and months: capitalized words that never name an outlet. */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);
/** Edition words dropped from the end of a name: "Fox News Digital" is Fox News. */
export const EDITION_WORDS: ReadonlySet<string> = new Set(['Digital', 'Online']);
/** Domains of platforms, not outlets ("pic.twitter.com"). */
export const PLATFORM_DOMAINS: ReadonlySet<string> = new Set([
  'twitter', 'x', 't', 'facebook', 'instagram', 'youtube', 'youtu', 'tiktok', 'reddit', 'google', 'bit', 'linkedin',
  'whatsapp', 'threads', 'bsky',
]);

/** A name in lower case with letters and digits only, without a leading "the": the alias table's key. */
export function compactKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Capitalizes a word's first letter and lowers the rest ("NEWS18" → "News18"). */
function titleWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** Title-cases a name written all in capitals or all in lower case, keeping joining words lower case. */
function commonCase(name: string): string {
  const words = name.split(' ');
  const shouting = !/\p{Ll}/u.test(name) && (words.length > 1 || /\p{N}/u.test(name) || name.length > 4);
  const whispering = !/\p{Lu}/u.test(name);
  if (!shouting && !whispering) return name;
  return words
    .map((word, index) => (index > 0 && /^(?:of|the|and|on|for)$/iu.test(word) ? word.toLowerCase() : titleWord(word)))
    .join(' ');
}

/** The name part of a domain: its last label before the public suffix ("edition.cnn.com" → "cnn"). */
export function domainName(domain: string): string | null {
  const match = /^(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)*?([a-z0-9][a-z0-9-]*)\.(?:co\.uk|com\.au|co\.in|com|org|net|news|tv|in|co|uk|ca|au|de|fr|es|it|ie|nz)(?:\/\S*)?$/iu.exec(domain);
  return match?.[1] ?? null;
}

/** One name for every spelling of an outlet ("NBC", "nbcnews.com" → "NBC News"), so credits count per outlet. */
export function normalizeOutletName(name: string): string {
  const cleaned = name
    .trim()
    .replace(/\s+/gu, ' ')
    .replace(/[\s.,;:!?)\]"“”]+$/u, '')
    .replace(/(?:['’]s|(?<=s)['’])$/u, '')
    .replace(/^[("“[]+/u, '')
    .replace(/^the\s+/iu, '')
    .replace(/(?<=\S)\s+(?:Digital|Online)$/u, '');
  const domain = domainName(cleaned);
  const base = domain ?? cleaned;
  const alias = ALIAS_BY_KEY.get(compactKey(base));
  if (alias !== undefined) return alias;
  if (domain !== null) return titleWord(domain.charAt(0)) + domain.slice(1);
  const split = base.replace(/(\p{Lu}{2,})(?=\p{Lu}\p{Ll})/gu, '$1 ').replace(/(\p{Ll})(?=News\b)/gu, '$1 ');
  if (/^\p{Lu}{2,5}$/u.test(split)) return `${split} News`;
  return commonCase(split);
}
