/** Reads a speaker phrase next to a cue verb: a pronoun, a name, an unnamed source's description or a bare "One". */
import { CUE_ADVERBS } from './cue-verbs';
import { isOrganizationName, looksLikePerson, nameSpans, stripTitles } from './names';
import { isRoleNoun } from './lexicon';

/** What a speaker phrase names, before pronouns and descriptions are resolved. */
export type SpeakerPhrase =
  | { type: 'pronoun'; word: string; at: number }
  | { type: 'name'; words: string[]; person: boolean; at: number }
  | { type: 'description'; determiner: string; words: string[]; head: string; at: number }
  | { type: 'bare'; word: string; at: number };

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'his', 'her', 'their']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'its', 'his', 'her', 'their']);
const CONJUNCTIONS = new Set(['but', 'and', 'so', 'yet', 'then', 'now', 'still']);
const SKIP_STARTS = new Set([
  'in', 'at', 'on', 'during', 'when', 'while', 'after', 'before', 'as', 'meanwhile', 'however', 'asked', 'speaking',
  'if', 'for', 'with', 'since', 'later', 'earlier', 'last', 'this', 'under', 'unlike', 'citing', 'although', 'who',
  'which', 'whose', 'where', 'that', 'by', 'from', 'to', 'of', 'once', 'pressed', 'responding', 'writing', 'like',
  'outside', 'inside', 'near', 'across', 'throughout', 'among', 'amid', 'despite', 'following', 'according', 'beyond',
]);
const STOP_AFTER = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'on', 'during', 'when', 'after', 'as', 'who', 'whose', 'which', 'to', 'before', 'while', 'that']);

/** Person nouns an unnamed source's description ends in. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'official', 'officials', 'spokesperson', 'spokesman', 'spokeswoman', 'source', 'sources', 'resident', 'residents',
  'user', 'users', 'redditor', 'commenter', 'analyst', 'analysts', 'expert', 'experts', 'witness', 'witnesses',
  'neighbour', 'neighbor', 'worker', 'workers', 'employee', 'employees', 'student', 'teacher', 'officer', 'officers',
  'aide', 'aides', 'lawyer', 'attorney', 'prosecutor', 'prosecutors', 'doctor', 'nurse', 'fan', 'fans', 'voter',
  'farmer', 'driver', 'member', 'members', 'person', 'man', 'woman', 'parent', 'minister', 'manager', 'director',
  'executive', 'engineer', 'diplomat', 'representative', 'staffer', 'insider', 'observer', 'critic', 'critics',
  'supporter', 'protester', 'protesters', 'investigator', 'investigators', 'mayor', 'judge', 'president', 'governor',
  'senator', 'coach', 'chief', 'defendant', 'victim', 'survivor', 'mother', 'father', 'owner', 'customer', 'poster',
  'viewer', 'reader', 'caller', 'passenger', 'soldier', 'player', 'captain', 'colleague', 'friend', 'activist',
  'juror', 'jurors', 'parents', 'neighbours', 'neighbors', 'patient', 'patients', 'researcher', 'researchers',
  'scientist', 'scientists', 'economist', 'economists', 'historian', 'professor', 'commuter', 'commuters', 'shopper',
  'shoppers', 'tenant', 'tenants', 'landlord', 'veteran', 'volunteer', 'volunteers', 'organizer', 'organizers',
  'negotiator', 'negotiators', 'delegate', 'delegates', 'lawmaker', 'lawmakers', 'legislator', 'councillor',
  'councilor', 'trustee', 'administrator', 'official’s', 'agent', 'agents', 'guard', 'ranger', 'pilot', 'crew',
]);

/** Generic nouns an organization is referred back to with ("the company", "the union"). */
export const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'utility', 'association', 'union', 'authority', 'agency', 'department', 'ministry', 'council',
  'club', 'team', 'league', 'government', 'hospital', 'university', 'school', 'district', 'city', 'county',
  'network', 'bank', 'group', 'organization', 'organisation', 'campaign', 'commission', 'board', 'committee',
  'police', 'retailer', 'airline', 'manufacturer', 'maker', 'insurer', 'charity', 'foundation', 'party', 'broadcaster',
  'office', 'bureau', 'court', 'regulator', 'watchdog', 'administration', 'embassy', 'consulate', 'prosecutor’s',
]);

interface Word {
  text: string;
  at: number;
}

/** A clause word: anything between spaces and clause punctuation. */
const CLAUSE_WORD = /[^\s,;:()—–]+/gu;

function wordsOf(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const slice = text.slice(from, to);
  CLAUSE_WORD.lastIndex = 0;
  for (let match = CLAUSE_WORD.exec(slice); match !== null; match = CLAUSE_WORD.exec(slice)) words.push({ text: match[0], at: from + match.index });
  return words;
}

function bare(word: string): string {
  return word.replace(/[.!?'"“”’]+$/u, '').toLowerCase();
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Classifies one clause part (no commas inside); null when it names no speaker. */
export function classifyPart(text: string, from: number, to: number): SpeakerPhrase | null {
  let words = wordsOf(text, from, to);
  while (words.length > 0 && CONJUNCTIONS.has(bare((words[0] as Word).text))) words = words.slice(1);
  while (words.length > 1 && CUE_ADVERBS.has(bare((words[words.length - 1] as Word).text))) words = words.slice(0, -1);
  const first = words[0];
  if (first === undefined || words.length > 12) return null;
  const lead = bare(first.text);
  if (PRONOUNS.has(lead)) return lead === 'his' || lead === 'her' || lead === 'their' ? null : { type: 'pronoun', word: lead, at: first.at };
  if (SKIP_STARTS.has(lead)) return null;
  if ((lead === 'one' || lead === 'another') && words.length === 1) return { type: 'bare', word: lead, at: first.at };
  const capitalizedRest = words.slice(1).every((word) => isCapitalized(word.text));
  if (DETERMINERS.has(lead) && !(capitalizedRest && lead === 'the' && words.length > 1)) {
    const headWords: string[] = [];
    for (const word of words.slice(1)) {
      if (STOP_AFTER.has(bare(word.text))) break;
      headWords.push(word.text);
    }
    const head = bare(headWords[headWords.length - 1] ?? '').replace(/['’]s$/u, '');
    const known = PERSON_NOUNS.has(head) || ORGANIZATION_NOUNS.has(head) || head.endsWith('redditor') || isRoleNoun(head);
    if (!known) return null;
    const kept = words.slice(1).map((word) => (/^(?:\p{L}\.)+$/u.test(word.text) ? word.text : word.text.replace(/[.]+$/u, '')));
    return { type: 'description', determiner: lead, words: kept, head, at: first.at };
  }
  return nameInPart(text, from, to);
}

function nameInPart(text: string, from: number, to: number): SpeakerPhrase | null {
  const spans = nameSpans(text, from, to).filter((span) => !span.possessive);
  const introduced = spans.find((span) => {
    const role = /(\p{Ll}+)[ \u00a0]+$/u.exec(text.slice(Math.max(from, span.start - 24), span.start))?.[1];
    return role !== undefined && isRoleNoun(role) && !isOrganizationName(span.words);
  });
  const multi = spans.find((span) => stripTitles(span.words).name.length >= 2);
  const chosen = introduced ?? multi ?? spans[0];
  if (chosen === undefined) return null;
  const before = text.slice(from, chosen.start);
  if (/\b(?:of|for|at|from|with|to|by|about|against)\s+$/iu.test(before) && multi === undefined) return null;
  const prefix = wordsOf(text, from, chosen.start).map((word) => bare(word.text));
  if (chosen !== introduced && prefix.some((word) => STOP_AFTER.has(word) || PRONOUNS.has(word))) return null;
  const person = looksLikePerson(chosen.words) || (!isOrganizationName(chosen.words) && chosen.words.length <= 3);
  return { type: 'name', words: chosen.words, person, at: chosen.start };
}

/** The speaker phrase in a subject before a cue: the first comma part that names one, an appositive name preferred. */
export function subjectPhrase(text: string, from: number, to: number): SpeakerPhrase | null {
  const parts: [number, number][] = [];
  let start = from;
  for (let index = from; index <= to; index += 1) {
    if (index === to || text[index] === ',' || text[index] === ';' || text[index] === ':' || text[index] === '—') {
      if (index > start) parts.push([start, index]);
      start = index + 1;
    }
  }
  for (let index = 0; index < parts.length; index += 1) {
    const [partStart, partEnd] = parts[index] as [number, number];
    if (text.slice(partStart, partEnd).trim() === '') continue;
    const phrase = classifyPart(text, partStart, partEnd);
    if (phrase === null) continue;
    if (phrase.type === 'description' && phrase.determiner !== 'one' && phrase.determiner !== 'another') {
      const next = parts[index + 1];
      const appositive = next === undefined ? null : classifyPart(text, next[0], next[1]);
      if (appositive !== null && appositive.type === 'name') return appositive;
    }
    return phrase;
  }
  return null;
}

/** The speaker phrase right after a cue ("said Lena Roe, who runs…" → "Lena Roe"). */
export function objectPhrase(text: string, from: number, to: number): SpeakerPhrase | null {
  const words = wordsOf(text, from, to);
  let end = from;
  for (const word of words) {
    if (STOP_AFTER.has(bare(word.text)) && end > from && !/^(?:a|an|one)\b/iu.test(text.slice(from).trimStart())) break;
    end = word.at + word.text.length;
  }
  const comma = text.slice(from, to).search(/[,;:—]/u);
  const limit = comma < 0 ? Math.min(end, to) : Math.min(end, from + comma);
  return classifyPart(text, from, limit);
}

/** The subject of a cue at `cueAt`; "Ben Okafor, who tweeted" → the name before "who". */
export function subjectOfCue(text: string, start: number, cueAt: number): SpeakerPhrase | null {
  const relative = /,?\s*who(?:\s+(?:also|later|then|once|had|has))?\s*$/u.exec(text.slice(start, cueAt));
  if (relative === null) return subjectPhrase(text, start, cueAt);
  const end = start + relative.index;
  const names = nameSpans(text, start, end).filter((span) => !span.possessive);
  const last = names[names.length - 1];
  if (last !== undefined && last.end >= end - 1) return { type: 'name', words: last.words, person: !isOrganizationName(last.words), at: last.start };
  let comma = end - 1;
  while (comma >= start && text[comma] !== ',') comma -= 1;
  return subjectPhrase(text, comma >= start ? comma + 1 : start, end);
}
