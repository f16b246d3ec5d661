/** Word lists drawn from compromise's lexicon (first names with their gender, function words) and house lists. */
import nlp from 'compromise';

type Lexicon = Record<string, string | string[] | undefined>;

let cached: Lexicon | null = null;

function lexicon(): Lexicon {
  if (cached === null) {
    try {
      cached = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
    } catch {
      cached = {};
    }
  }
  return cached;
}

function tagsOf(word: string): string[] {
  const entry = lexicon()[word.toLowerCase()];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/** The gender a first name suggests ('f', 'm'), 'x' for a first name of either, null when it is not a first name. */
export function firstNameGender(word: string): 'f' | 'm' | 'x' | null {
  const tags = tagsOf(word);
  if (tags.includes('FemaleName')) return 'f';
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FirstName')) return 'x';
  return null;
}

const FUNCTION_TAGS = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Copula', 'Modal', 'Negative',
  'Auxiliary', 'Month', 'WeekDay', 'Possessive', 'Expression', 'Value', 'Cardinal', 'Ordinal', 'Condition',
]);

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'if', 'but', 'when', 'and', 'so', 'in', 'at', 'on', 'during', 'meanwhile', 'while', 'after',
  'before', 'as', 'not', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'unlike', 'under', 'since', 'his',
  'her', 'their', 'our', 'my', 'its', 'for', 'of', 'to', 'by', 'from', 'with', 'why', 'what', 'how', 'where', 'who',
  'there', 'these', 'those', 'one', 'another', 'every', 'all', 'some', 'many', 'most', 'no', 'yes', 'even', 'only',
  'still', 'yet', 'then', 'now', 'also', 'however', 'although', 'though', 'because', 'until', 'once', 'said', 'says',
  'according', 'like', 'maybe', 'perhaps', 'posted', 'read', 'more', 'watch', 'nobody', 'everyone', 'people',
]);

/** True for words that never start a name (determiners, prepositions, pronouns, months…), whatever their case. */
export function isFunctionWord(word: string): boolean {
  const known = functionCache.get(word);
  if (known !== undefined) return known;
  const lower = word.toLowerCase();
  const value = FUNCTION_WORDS.has(lower) || tagsOf(lower).some((tag) => FUNCTION_TAGS.has(tag));
  if (functionCache.size > 50000) functionCache.clear();
  functionCache.set(word, value);
  return value;
}

/** Answers by the word as written (no lowercasing on a hit): names are asked about at every capital. */
const functionCache = new Map<string, boolean>();

/** Titles and roles stripped from names ("President", "Mayor", "Gov.", "chief executive"…), lowercase. */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'mayor', 'governor', 'gov.', 'gov', 'senator', 'sen.', 'sen', 'representative', 'rep.', 'rep',
  'judge', 'justice', 'general', 'gen.', 'minister', 'secretary', 'chancellor', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs',
  'ms', 'dr.', 'dr', 'prof.', 'professor', 'councilman', 'councilwoman', 'councillor', 'councilor', 'prosecutor',
  'officer', 'sergeant', 'sgt.', 'detective', 'chief', 'coach', 'captain', 'capt.', 'lieutenant', 'lt.', 'colonel',
  'col.', 'commissioner', 'ambassador', 'king', 'queen', 'prince', 'princess', 'pope', 'rev.', 'reverend', 'sheriff',
  'attorney', 'speaker', 'premier', 'ceo', 'director', 'manager', 'chairman', 'chairwoman', 'chair', 'superintendent',
  'inspector', 'lawmaker', 'congressman', 'congresswoman', 'assemblyman', 'assemblywoman', 'dean', 'principal',
  'engineer', 'analyst', 'host', 'anchor', 'correspondent', 'founder', 'spokesman', 'spokeswoman', 'spokesperson',
]);

/** Role nouns compromise's lexicon lacks or tags otherwise, that news copy puts before names or uses for sources. */
const EXTRA_ROLES = new Set([
  'trustee', 'treasurer', 'executive', 'striker', 'midfielder', 'defender', 'goalkeeper', 'forward', 'librarian',
  'shareholder', 'investor', 'spokesman', 'spokeswoman', 'spokesperson', 'senator', 'founder', 'coach', 'nurse',
  'negotiator', 'volunteer', 'juror', 'councillor', 'councilor', 'commissioner', 'superintendent', 'regulator',
]);

/** True for a role noun ("minister", "trustee", "goalkeeper"): a title before a name, or the head of an unnamed
 * source's description. Drawn from compromise's lexicon (its Actor tag) plus the house titles. */
export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (TITLES.has(lower) || EXTRA_ROLES.has(lower)) return true;
  const singular = lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
  return tagsOf(lower).includes('Actor') || (singular !== lower && (EXTRA_ROLES.has(singular) || tagsOf(singular).includes('Actor')));
}

/** Title words that tell a person's gender. */
export const GENDERED_TITLES: ReadonlyMap<string, 'f' | 'm'> = new Map([
  ['mr.', 'm'], ['mr', 'm'], ['mrs.', 'f'], ['mrs', 'f'], ['ms.', 'f'], ['ms', 'f'], ['king', 'm'], ['queen', 'f'],
  ['prince', 'm'], ['princess', 'f'], ['councilman', 'm'], ['councilwoman', 'f'], ['congressman', 'm'],
  ['congresswoman', 'f'], ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'], ['chairwoman', 'f'],
]);

/** Last words that make a capitalized name an organization ("Union", "Inc.", "Authority"…), lowercase. */
export const ORGANIZATION_WORDS: ReadonlySet<string> = new Set([
  'inc.', 'inc', 'corp.', 'corp', 'co.', 'ltd.', 'ltd', 'llc', 'plc', 'gmbh', 'company', 'corporation', 'group',
  'association', 'union', 'authority', 'agency', 'department', 'ministry', 'council', 'commission', 'committee',
  'board', 'foundation', 'institute', 'university', 'college', 'school', 'hospital', 'bank', 'party', 'league', 'club',
  'federation', 'organization', 'organisation', 'office', 'bureau', 'service', 'services', 'police', 'army', 'navy',
  'court', 'senate', 'congress', 'parliament', 'administration', 'government', 'network', 'news', 'times', 'post',
  'press', 'airlines', 'airways', 'motors', 'foods', 'systems', 'technologies', 'labs', 'partners', 'fund', 'trust',
  'society', 'coalition', 'alliance', 'center', 'centre', 'command', 'guard', 'house', 'water', 'energy', 'power',
  'athletic', 'united', 'city', 'fc', 'inter',
]);

/** Legal-form suffixes dropped from organization names. */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(['inc.', 'inc', 'corp.', 'corp', 'co.', 'ltd.', 'ltd', 'llc', 'plc', 'gmbh']);
