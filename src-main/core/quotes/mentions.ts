/** The document's speakers-to-be: people, organizations and unnamed sources with their positions, for back-reference. */
import { isOrganizationName, looksLikePerson, NameRegistry, nameSpans, organizationName, stripTitles } from './names';
import { isRoleNoun } from './lexicon';
import { ORGANIZATION_NOUNS, objectPhrase, subjectOfCue, type SpeakerPhrase } from './phrases';
import { sentenceEnd, sentenceStart } from './sentences';

/** One mention a pronoun or a definite description can point back to. */
export interface Mention {
  at: number;
  value: string;
  kind: 'person' | 'organization' | 'description';
  gender: 'f' | 'm' | null;
  /** A description's head noun, lowercase ("official"). */
  head: string;
}

/** The mentions of one document, in text order, and its name registry. */
export interface DocumentModel {
  registry: NameRegistry;
  mentions: Mention[];
  /** Sorted [start, end) ranges of quotes, whose names are not mentions. */
  quoted: [number, number][];
}

const CUE_PATTERN = /\b(?:said|says|told|stated|added|asked|replied|wrote|tweeted|posted|argued|insisted|warned|announced|explained|noted|claimed|pointed out)\b/gu;

/** A description's display text, as written but lowercased: "One resident" → "one resident", "A senior official" →
 * "a senior official" (an unnamed source keeps its description). */
export function describe(determiner: string, words: readonly string[]): string {
  const body = words.join(' ');
  return `${determiner.toLowerCase()} ${body}`;
}

function insideQuote(quoted: readonly [number, number][], at: number): boolean {
  let low = 0;
  let high = quoted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = quoted[middle] as [number, number];
    if (at < range[0]) high = middle - 1;
    else if (at >= range[1]) low = middle + 1;
    else return true;
  }
  return false;
}

/** Turns a name phrase into a mention value: canonical person, or organization display name. */
export function nameValue(registry: NameRegistry, words: readonly string[], person: boolean): { value: string; kind: 'person' | 'organization' } {
  const { name } = stripTitles(words);
  if (!person || isOrganizationName(name)) return { value: registry.organization(organizationName(name)), kind: 'organization' };
  return { value: registry.canonical(words), kind: 'person' };
}

/** Builds the registry and the mention list of a text; `quoted` ranges are skipped. */
export function buildModel(text: string, quoted: [number, number][]): DocumentModel {
  const registry = new NameRegistry();
  const spans = nameSpans(text).filter((span) => !insideQuote(quoted, span.start));
  for (const span of spans) {
    const stripped = stripTitles(span.words).name;
    if (!span.possessive && isOrganizationName(stripped)) registry.addOrganization(organizationName(stripped));
    const { titles, name } = stripTitles(span.words);
    const roleBefore = /(\p{Ll}+),?[ \u00a0]+$/u.exec(text.slice(Math.max(0, span.start - 24), span.start))?.[1];
    const hasRole = roleBefore !== undefined && isRoleNoun(roleBefore) && name.length >= 2 && name.length <= 4 && !isOrganizationName(name);
    if (!looksLikePerson(span.words) && !hasRole) continue;
    if (hasRole && roleBefore !== undefined) titles.push(roleBefore);
    registry.addPerson(name, titles);
  }
  const speakingSurnames = new Set<string>();
  let lastCue = -Infinity;
  const cues = [...text.matchAll(CUE_PATTERN)].filter((match) => {
    const at = match.index ?? 0;
    if (at - lastCue < 25 || insideQuote(quoted, at)) return false;
    lastCue = at;
    return true;
  });
  for (const match of cues) {
    const at = match.index ?? 0;
    const phrases = [subjectOfCue(text, sentenceStart(text, at, 200), at), objectPhrase(text, at + match[0].length, sentenceEnd(text, at, 120))];
    for (const phrase of phrases) {
      if (phrase?.type !== 'name' || !phrase.person) continue;
      const { titles, name } = stripTitles(phrase.words);
      if (name.length >= 2 && name.length <= 4) registry.addPerson(name, titles);
      else if (name.length === 1) speakingSurnames.add((name[0] as string).toLowerCase());
    }
  }
  // "Tiago Ferreira rose…" then "Ferreira said": a full name whose last word speaks alone later is a person.
  for (const span of spans) {
    const { titles, name } = stripTitles(span.words);
    if (name.length < 2 || name.length > 3 || span.possessive || isOrganizationName(name)) continue;
    if (speakingSurnames.has((name[name.length - 1] as string).toLowerCase())) registry.addPerson(name, titles);
  }
  const mentions: Mention[] = [];
  for (const span of spans) {
    if (span.possessive) continue;
    const { name } = stripTitles(span.words);
    if (isOrganizationName(name)) {
      mentions.push({ at: span.start, value: registry.organization(organizationName(name)), kind: 'organization', gender: null, head: (name[name.length - 1] ?? '').toLowerCase() });
      continue;
    }
    const person = looksLikePerson(span.words) || (name.length === 1 && registry.isSurname(name[0] as string));
    if (!person) continue;
    const value = registry.canonical(span.words);
    mentions.push({ at: span.start, value, kind: 'person', gender: registry.person(value)?.gender ?? null, head: '' });
  }
  for (const match of cues) {
    const at = match.index ?? 0;
    const phrase = subjectOfCue(text, Math.max(sentenceStart(text, at, 200), quoteEndBefore(quoted, at)), at);
    const mention = phrase === null ? null : mentionOf(registry, phrase);
    if (mention !== null) mentions.push(mention);
  }
  mentions.sort((left, right) => left.at - right.at);
  return { registry, mentions, quoted };
}

/** The end of the last quote before `at` (its closing mark included), or 0: a subject never starts inside a quote. */
function quoteEndBefore(quoted: readonly [number, number][], at: number): number {
  let end = 0;
  for (const range of quoted) {
    if (range[1] > at) break;
    end = range[1] + 1;
  }
  return end;
}

function mentionOf(registry: NameRegistry, phrase: SpeakerPhrase): Mention | null {
  if (phrase.type === 'description' && phrase.determiner !== 'the') {
    return { at: phrase.at, value: describe(phrase.determiner, phrase.words), kind: 'description', gender: null, head: phrase.head };
  }
  if (phrase.type === 'name' && !phrase.person) {
    const { value } = nameValue(registry, phrase.words, false);
    return { at: phrase.at, value, kind: 'organization', gender: null, head: (phrase.words[phrase.words.length - 1] ?? '').toLowerCase() };
  }
  return null;
}

/** The mention a pronoun at `at` refers to: the nearest compatible one before it, outside quotes, or null. */
export function resolvePronoun(model: DocumentModel, pronoun: string, at: number): string | null {
  const word = pronoun.toLowerCase();
  const wanted = word === 'he' || word === 'his' || word === 'him' ? 'm' : word === 'she' || word === 'her' ? 'f' : null;
  const plural = word === 'they' || word === 'their' || word === 'it' || word === 'its' || word === 'we';
  let seen = 0;
  for (let index = lastBefore(model.mentions, at); index >= 0 && seen < 60; index -= 1, seen += 1) {
    const mention = model.mentions[index] as Mention;
    if (at - mention.at > 4000) break;
    if (plural) {
      if (mention.kind === 'organization' || (mention.kind === 'description' && /s$/u.test(mention.head))) return mention.value;
      if (mention.kind === 'person') return null;
      continue;
    }
    if (mention.kind === 'organization') continue;
    if (wanted !== null && mention.gender !== null && mention.gender !== wanted) continue;
    return mention.value;
  }
  return null;
}

/** "the woman", "the man": the nearest person of that gender, as "she"/"he" would be resolved. */
const GENDERED_NOUNS = new Map([['woman', 'she'], ['man', 'he'], ['girl', 'she'], ['boy', 'he'], ['lady', 'she']]);

/**
 * What a definite description ("the official", "the company", "the mayor") points back to, or null. A description
 * with modifiers ("the city clerk's office") that points back to nothing keeps its own words.
 */
export function resolveDefinite(model: DocumentModel, head: string, at: number, words: readonly string[] = [head]): string | null {
  const holder = model.registry.holderOf(head);
  if (holder !== null) return holder;
  if (GENDERED_NOUNS.has(head)) return resolvePronoun(model, GENDERED_NOUNS.get(head) as string, at);
  if (words.length > 1) {
    for (let index = lastBefore(model.mentions, at); index >= 0; index -= 1) {
      const mention = model.mentions[index] as Mention;
      if (at - mention.at > 3000) break;
      if (mention.head === head) return mention.value;
    }
    return `the ${words.join(' ')}`;
  }
  const organizationNoun = ORGANIZATION_NOUNS.has(head);
  let fallback: string | null = null;
  for (let index = lastBefore(model.mentions, at); index >= 0; index -= 1) {
    const mention = model.mentions[index] as Mention;
    if (at - mention.at > 3000) break;
    if (mention.head === head || (mention.kind === 'description' && mention.head.startsWith(head))) return mention.value;
    if (organizationNoun && mention.kind === 'organization' && fallback === null && mention.head !== 'news') fallback = mention.value;
  }
  return fallback;
}

function lastBefore(mentions: readonly Mention[], at: number): number {
  let low = 0;
  let high = mentions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((mentions[middle] as Mention).at < at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
