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
import { ALIAS_BY_KEY, compactKey, normalizeOutletName } from './outlet-names';
import { DOMAIN_AT, PHRASE_ANYWHERE, DOMAIN_HINT, NAME_CHARACTER, SIGNAL_WORDS, NOUN_LAST_WORDS, TRAILING_FIRST_WORDS, WHOLE_NAME, GAP_LOOK_BACK, OCCURRENCE_LIMIT, CHEAP_TEST_LIMIT, TRIGGERS, WIRE_TAG, DASH_AFTER, DATELINE_WORD, type Trigger } from './provenance-patterns';
import { readName, stickyAt, readAfter, readBefore, type NameRead } from './provenance-names';

export { normalizeOutletName } from './outlet-names';

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
