/** Attribution: the cue verb before or after a quote, its subject or object, resolved to a canonical speaker. */
import { cueLength, isParticipleCue } from './cue-verbs';
import { describe, nameValue, resolveDefinite, resolvePronoun, type DocumentModel } from './mentions';
import type { MarkedSpan } from './quote-marks';
import { looksLikePerson, nameSpans } from './names';
import { classifyPart, objectPhrase, subjectOfCue, type SpeakerPhrase } from './phrases';
import { sentenceEnd, sentenceStart } from './sentences';

/** A quote's attributed speaker and whether a cue verb names it. */
export interface Attribution {
  speaker: string | null;
  cued: boolean;
}

const PLATFORMS = /\b(Reddit|Twitter|X|Facebook|TikTok|Instagram|YouTube|Threads|Bluesky)\b/gu;

interface Word {
  text: string;
  at: number;
}

/** A word as attribution reads it: letters and digits, with inner apostrophes, dots and hyphens. */
const ATTRIBUTION_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.\-]*/gu;

function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  const slice = text.slice(from, to);
  ATTRIBUTION_WORD.lastIndex = 0;
  for (let match = ATTRIBUTION_WORD.exec(slice); match !== null; match = ATTRIBUTION_WORD.exec(slice)) {
    const word = match[0];
    words.push({ text: word.endsWith('.') ? word.slice(0, -1) : word, at: from + match.index });
  }
  return words;
}

/** Resolves a phrase to a speaker string: pronouns and definite descriptions point back; names become canonical. */
export function resolvePhrase(model: DocumentModel, text: string, phrase: SpeakerPhrase): string | null {
  if (phrase.type === 'pronoun') return resolvePronoun(model, phrase.word, phrase.at);
  if (phrase.type === 'name') return nameValue(model.registry, phrase.words, phrase.person).value;
  if (phrase.type === 'description') {
    if (phrase.determiner === 'its') return resolveDefinite(model, phrase.head, phrase.at);
    if (phrase.determiner === 'the') return resolveDefinite(model, phrase.head, phrase.at, phrase.words);
    return describe(phrase.determiner, phrase.words);
  }
  const window = text.slice(Math.max(0, phrase.at - 800), phrase.at);
  const platform = [...window.matchAll(PLATFORMS)].pop()?.[1];
  if (platform === undefined) return null;
  return phrase.word === 'one' ? `a ${platform} user` : `another ${platform} user`;
}

/** True when the words after a quote that ends its sentence still attribute it: a name of up to three words and a cue
 * verb, then the sentence ends ("…?” Huang asked.", "…!” Mayor Jane Roe said."). */
function shortCueClause(text: string, from: number): boolean {
  const clause = /^((?:\p{Lu}[\p{L}\p{M}'’.\-]*[ \u00a0]+){1,3})(\p{Ll}+)[.!?]/u.exec(text.slice(from, from + 80));
  return clause !== null && cueLength([(clause[2] as string)], 0) > 0;
}

/** A cue after the closing mark: "…,” she said", "…,” said Lena Roe, who…", "…,” according to the company". */
export function attributionAfter(text: string, span: MarkedSpan, model: DocumentModel): string | null | undefined {
  let from = span.close + 1;
  while (from < text.length && /[,.!?;:…—–\s"”’»]/u.test(text[from] as string) && text[from] !== '\n') from += 1;
  const inner = text.slice(span.start, span.end);
  const first = text[from];
  if (first === undefined) return undefined;
  if (/[.!?…]['’"”]*$/u.test(inner) && /\p{Lu}/u.test(first) && !shortCueClause(text, from)) return undefined;
  let to = sentenceEnd(text, from, 250);
  const nextMark = text.slice(from, to).search(/[“"«]/u);
  if (nextMark >= 0) to = from + nextMark;
  const words = wordsIn(text, from, to);
  const lowered = words.map((word) => word.text.toLowerCase());
  for (let index = 0; index < Math.min(words.length, 9); index += 1) {
    const length = cueLength(lowered, index);
    if (length === 0) continue;
    const cue = words[index] as Word;
    const after = words[index + length - 1] as Word;
    const phrase = index === 0
      ? objectPhrase(text, after.at + after.text.length, to)
      : classifyPart(text, from, cue.at);
    if (phrase === null) return undefined;
    return resolvePhrase(model, text, phrase);
  }
  return undefined;
}

/** A cue before the opening mark in the same sentence: "Sheinbaum stated, “…", "One said, “…". */
export function attributionBefore(text: string, span: MarkedSpan, model: DocumentModel, floor: number, partial: boolean): string | null | undefined {
  const start = Math.max(floor, sentenceStart(text, span.open, 400));
  const words = wordsIn(text, start, span.open);
  const lowered = words.map((word) => word.text.toLowerCase());
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const length = cueLength(lowered, index);
    if (length === 0) continue;
    const cue = words[index] as Word;
    const last = words[index + length - 1] as Word;
    const between = text.slice(last.at + last.text.length, span.open);
    if (!partial && (between.length > 80 || !/^(?:[^“"«]*[,:]\s*|\s*)$/u.test(between))) return undefined;
    if (partial) {
      const near = personNear(text, model, last.at + last.text.length, span.open, takesPersonObject(cue.text));
      if (near !== undefined) return near;
    }
    if (isParticipleCue(cue.text)) return mainSubject(text, model, start, cue.at);
    const phrase = subjectOfCue(text, start, cue.at) ?? objectPhrase(text, last.at + last.text.length, span.open);
    if (phrase !== null) return resolvePhrase(model, text, phrase);
    return partial ? firstPersonIn(text, model, start, span.open) : undefined;
  }
  return undefined;
}

/** Cue verbs whose object is the person spoken to ("warned him that", "told Lena Roe that"), never the speaker. */
const PERSON_OBJECT_CUES = new Set(['told', 'tells', 'warned', 'warns', 'asked', 'asks', 'urged', 'promised', 'reminded', 'assured', 'informed', 'telling', 'warning', 'promising']);

function takesPersonObject(cue: string): boolean {
  return PERSON_OBJECT_CUES.has(cue.toLowerCase());
}

/** The speaker of a participle cue: the subject of the sentence's main clause, i.e. its first comma part or the
 * words before its first cue verb ("The official said X, calling…", "Robert Kline, a former…, defended the plan,
 * saying…"). */
function mainSubject(text: string, model: DocumentModel, start: number, cueAt: number): string | null {
  const words = wordsIn(text, start, cueAt);
  const lowered = words.map((word) => word.text.toLowerCase());
  const firstCue = lowered.findIndex((_, index) => cueLength(lowered, index) > 0);
  const comma = text.slice(start, cueAt).search(/[,;—]/u);
  let end = comma < 0 ? cueAt : start + comma;
  if (firstCue >= 0) end = Math.min(end, (words[firstCue] as Word).at);
  const phrase = classifyPart(text, start, end);
  return phrase === null ? null : resolvePhrase(model, text, phrase);
}

/** The person mention nearest before `to` in [from, to): a name that looks like a person or a personal pronoun.
 * With `skipObject`, a name or pronoun right after the cue is the person addressed and is passed over. */
function personNear(text: string, model: DocumentModel, from: number, to: number, skipObject = false): string | null | undefined {
  if (skipObject) {
    const object = /^\s*(?:him|her|them|me|us|\p{Lu}[\p{L}'’\-]*(?:\s+\p{Lu}[\p{L}'’\-]*){0,3})(?=\s|,|$)/u.exec(text.slice(from, to));
    if (object !== null) from += object[0].length;
  }
  const words = wordsIn(text, from, to);
  const names = nameSpans(text, from, to)
    .filter((span) => looksLikePerson(span.words) || (span.words.length === 1 && model.registry.isSurname(span.words[0] as string)))
    .filter((span) => speaksHere(text, span.end, to, span.possessive));
  const lastName = names[names.length - 1];
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const word = words[index] as Word;
    if (lastName !== undefined && word.at < lastName.end) return model.registry.canonical(lastName.words);
    const lower = word.text.toLowerCase();
    if (['he', 'she', 'his', 'her'].includes(lower)) return resolvePronoun(model, lower, word.at);
  }
  return lastName === undefined ? undefined : model.registry.canonical(lastName.words);
}

/** Nouns for something said, after a possessive: "Trump’s earlier campaign promise to “…”". */
const SPEECH_NOUNS = /^(?:[\p{L}\-]+\s+){0,3}?(?:promise|promises|pledge|vow|words|remark|remarks|comment|comments|statement|call|calls|description|phrase|warning|claim|threat|assurance|message|post|tweet|speech|answer|reply|response)\b/u;

/** Whether a name in reported speech is the one speaking: a possessive before a speech noun ("Trump’s promise to"),
 * or a name followed by a cue ("Sheinbaum called it"), not the subject of some other verb ("Pyle had treated"). */
function speaksHere(text: string, end: number, to: number, possessive: boolean): boolean {
  const after = text.slice(end, Math.min(to, end + 60)).trimStart();
  if (possessive) return SPEECH_NOUNS.test(after);
  const next = /^(?:\p{Ll}+ly\s+|had\s+|has\s+|have\s+|also\s+)?(\p{Ll}+)/u.exec(after)?.[1];
  return next !== undefined && cueLength([next], 0) > 0;
}

/** The first person mentioned in [from, to), a pronoun resolved, or null. */
function firstPersonIn(text: string, model: DocumentModel, from: number, to: number): string | null {
  const names = nameSpans(text, from, to).filter((span) => looksLikePerson(span.words) || (span.words.length === 1 && model.registry.isSurname(span.words[0] as string)));
  for (const word of wordsIn(text, from, to)) {
    const first = names[0];
    if (first !== undefined && word.at >= first.start) return model.registry.canonical(first.words);
    const lower = word.text.toLowerCase();
    if (['he', 'she', 'his', 'her'].includes(lower)) return resolvePronoun(model, lower, word.at);
  }
  return null;
}

/** True when the sentence before the opening mark holds a cue word (speech is being reported). */
export function sentenceHasCue(text: string, span: MarkedSpan): boolean {
  const start = sentenceStart(text, span.open, 300);
  const lowered = wordsIn(text, start, span.open).map((word) => word.text.toLowerCase());
  return lowered.some((_, index) => cueLength(lowered, index) > 0);
}
