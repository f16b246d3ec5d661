/** The document's speakers-to-be: people, organizations and unnamed sources with their positions, for back-reference. */
import { nameFacts, NameRegistry, nameSpans, organizationName, type NameSpan } from './names';
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
  const { name, organization } = nameFacts(words);
  if (!person || organization) return { value: registry.organization(organizationName(name)), kind: 'organization' };
  return { value: registry.canonical(words), kind: 'person' };
}

/** A cue verb outside quotes, with the subject found before it from its sentence's start (reused when the mention
 * pass looks from the same start). */
interface Cue {
  at: number;
  length: number;
  sentence: number;
  subject: SpeakerPhrase | null;
}

/** The role noun written just before a name ("anchor Maria Delgado", "the trustee, Ann Lee"), or undefined. */
function roleBefore(text: string, start: number): string | undefined {
  return /(\p{Ll}+),?[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1];
}

/** Records the organizations and persons the name spans show: a person by its title, first name or role noun. */
function addNamedSpans(registry: NameRegistry, text: string, spans: readonly NameSpan[]): void {
  for (const span of spans) {
    const facts = nameFacts(span.words);
    if (!span.possessive && facts.organization) registry.addOrganization(organizationName(facts.name));
    const roleAllowed = facts.name.length >= 2 && facts.name.length <= 4 && !facts.organization;
    const role = roleAllowed ? roleBefore(text, span.start) : undefined;
    const hasRole = role !== undefined && isRoleNoun(role);
    if (!facts.person && !hasRole) continue;
    registry.addPerson(facts.name, hasRole ? [...facts.titles, role] : facts.titles);
  }
}

/** Cue verbs outside quotes, at least 25 characters apart, with their subjects. */
function findCues(text: string, quoted: readonly [number, number][]): Cue[] {
  const cues: Cue[] = [];
  let lastCue = -Infinity;
  for (const match of text.matchAll(CUE_PATTERN)) {
    const at = match.index ?? 0;
    if (at - lastCue < 25 || insideQuote(quoted, at)) continue;
    lastCue = at;
    const sentence = sentenceStart(text, at, 200);
    cues.push({ at, length: match[0].length, sentence, subject: subjectOfCue(text, sentence, at) });
  }
  return cues;
}

/** Records the names that are the subject or object of a cue: full names as persons, single words as speaking
 * surnames (returned). */
function addCueSpeakers(registry: NameRegistry, text: string, cues: readonly Cue[]): Set<string> {
  const speakingSurnames = new Set<string>();
  for (const cue of cues) {
    const phrases = [cue.subject, objectPhrase(text, cue.at + cue.length, sentenceEnd(text, cue.at, 120))];
    for (const phrase of phrases) {
      if (phrase?.type !== 'name' || !phrase.person) continue;
      const { titles, name } = nameFacts(phrase.words);
      if (name.length >= 2 && name.length <= 4) registry.addPerson(name, titles);
      else if (name.length === 1) speakingSurnames.add((name[0] as string).toLowerCase());
    }
  }
  return speakingSurnames;
}

/** "Tiago Ferreira rose…" then "Ferreira said": a full name whose last word speaks alone later is a person. */
function addSpeakingSurnames(registry: NameRegistry, spans: readonly NameSpan[], speakingSurnames: ReadonlySet<string>): void {
  if (speakingSurnames.size === 0) return;
  for (const span of spans) {
    const { titles, name, organization } = nameFacts(span.words);
    if (name.length < 2 || name.length > 3 || span.possessive || organization) continue;
    if (speakingSurnames.has((name[name.length - 1] as string).toLowerCase())) registry.addPerson(name, titles);
  }
}

/** The mentions of persons and organizations that name spans and cue subjects make, unsorted. */
function collectMentions(registry: NameRegistry, text: string, spans: readonly NameSpan[], cues: readonly Cue[], quoted: readonly [number, number][]): Mention[] {
  const mentions: Mention[] = [];
  for (const span of spans) {
    if (span.possessive) continue;
    const facts = nameFacts(span.words);
    const { name } = facts;
    if (facts.organization) {
      mentions.push({ at: span.start, value: registry.organization(organizationName(name)), kind: 'organization', gender: null, head: (name[name.length - 1] ?? '').toLowerCase() });
      continue;
    }
    const person = facts.person || (name.length === 1 && registry.isSurname(name[0] as string));
    if (!person) continue;
    const value = registry.canonical(span.words);
    mentions.push({ at: span.start, value, kind: 'person', gender: registry.person(value)?.gender ?? null, head: '' });
  }
  for (const cue of cues) {
    const start = Math.max(cue.sentence, quoteEndBefore(quoted, cue.at));
    const phrase = start === cue.sentence ? cue.subject : subjectOfCue(text, start, cue.at);
    const mention = phrase === null ? null : mentionOf(registry, phrase);
    if (mention !== null) mentions.push(mention);
  }
  return mentions;
}

/** Builds the registry and the mention list of a text; `quoted` ranges are skipped. */
export function buildModel(text: string, quoted: [number, number][]): DocumentModel {
  const registry = new NameRegistry();
  const spans = nameSpans(text).filter((span) => !insideQuote(quoted, span.start));
  addNamedSpans(registry, text, spans);
  const cues = findCues(text, quoted);
  addSpeakingSurnames(registry, spans, addCueSpeakers(registry, text, cues));
  const mentions = collectMentions(registry, text, spans, cues, quoted);
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
