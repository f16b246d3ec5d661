/**
 * Rules that judge one trimmed line on its own. Every rule is a whole-line shape (anchored, length-capped, bounded
 * quantifiers), never a word that merely occurs inside a sentence: prose must never be marked.
 */

import type { BoilerplateReason } from './types';
import { type Byline, mayBeByline, parseByline } from './byline';
import { parseNewsDate } from './news-date';

/** Decoration around a marker line, at its start and its end, and one character of the end's decoration. */
const LEADING_DECORATION = /^[\s\-–—_*·•|[\]()]{1,10}/;
const TRAILING_DECORATION = /[\s\-–—_*·•|[\]():.!›»→>]{1,10}$/;
const TRAILING_DECORATION_CHARACTER = /^[\s\-–—_*·•|[\]():.!›»→>]$/;
/** Whitespace that collapsing runs to one space would change: any but a space, or two in a row. */
const LOOSE_WHITESPACE = /[^\S ]|\s\s/;

/**
 * Strips decoration around a short marker line ("— Advertisement —", "[Ad]") before comparing it to a phrase list.
 * Each replacement runs only when a cheap test shows it would change something (the trailing one scans every position).
 */
function markerCore(text: string): string {
  let core = text.toLowerCase();
  if (LEADING_DECORATION.test(core)) core = core.replace(LEADING_DECORATION, '');
  if (TRAILING_DECORATION_CHARACTER.test(core.charAt(core.length - 1))) core = core.replace(TRAILING_DECORATION, '');
  if (LOOSE_WHITESPACE.test(core)) core = core.replace(/\s+/g, ' ');
  if (core.includes('’')) core = core.replace(/[’]/g, "'");
  return core;
}

const AD_PHRASES: ReadonlySet<string> = new Set([
  'advertisement', 'advertisements', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content', 'paid post',
  'promoted', 'promoted content', 'skip advertisement', 'advertisement - scroll to continue', 'scroll to continue',
  'scroll to continue with content', 'continue reading below', 'continue reading after advertisement',
  'ad feedback', 'report this ad', 'partner content',
]);
const AD_CONTINUES = /^(?:the )?(?:story|article|content|text) continues (?:below|after) (?:this |the )?(?:advertisement|ad)$/;

/** Longest line whose marker core any rule compares to a phrase list (ad markers; embeds and navigation allow 60). */
const MARKER_LINE_CHARS = 80;

/** The marker core of a line short enough for any phrase rule, else null: classifyLine computes it once for three rules. */
function markerCoreOf(text: string): string | null {
  return text.length <= MARKER_LINE_CHARS ? markerCore(text) : null;
}

/** isAdMarker on a line whose marker core is already known. */
function isAdMarkerLine(text: string, core: string | null): boolean {
  return text.length <= 80 && core !== null && (AD_PHRASES.has(core) || AD_CONTINUES.test(core));
}

/** Ad markers: a line that is only "Advertisement", "Story continues below advertisement" and the like. */
export function isAdMarker(text: string): boolean {
  return isAdMarkerLine(text, markerCoreOf(text));
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const TWEET_CREDIT = new RegExp(`[—–-]\\s?[^\\n()]{1,60}\\(@\\w{1,15}\\)\\s{1,3}${MONTH}\\s\\d{1,2},\\s\\d{4}$`);
const SHARED_POST = /^A (?:post|photo|video|reel) shared by [^\n]{1,80}\(@[\w.]{1,30}\)/i;
const TIKTOK_CREDIT = /^@[\w.]{2,30}\s[^\n]{0,300}♬/;
const EMBED_PHRASES: ReadonlySet<string> = new Set([
  'view this post on instagram', 'watch on youtube', 'watch on tiktok', 'watch on x', 'view on twitter',
  'view on instagram', 'view on threads', 'view on x',
]);

/** Whether a character code is an ASCII digit. */
function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** TWEET_CREDIT on the line's last 160 characters; it needs "(@" there and a final digit, checked first as they are cheap. */
function endsWithTweetCredit(text: string): boolean {
  if (!isDigitCode(text.charCodeAt(text.length - 1)) || text.indexOf('(@', text.length - 160) === -1) return false;
  return TWEET_CREDIT.test(text.slice(-160));
}

/** isSocialEmbed on a line whose marker core is already known. */
function isSocialEmbedLine(text: string, core: string | null): boolean {
  if (text.length > 2000) return false;
  // Looking for "/" first is much cheaper, and few lines have one.
  if (text.includes('/') && text.includes('pic.twitter.com/')) return true;
  if (endsWithTweetCredit(text)) return true;
  if (SHARED_POST.test(text) || TIKTOK_CREDIT.test(text)) return true;
  return text.length <= 60 && core !== null && EMBED_PHRASES.has(core);
}

/** Social embeds: a line carrying a pic.twitter.com link or a "— Name (@handle) Month D, YYYY" credit, post credits. */
export function isSocialEmbed(text: string): boolean {
  return isSocialEmbedLine(text, markerCoreOf(text));
}

const NEWSLETTER_OPENER =
  /^(?:sign up|subscribe|get (?:our|the)|join (?:our|the)|want (?:more|the|to)|don[’']t miss|never miss|stay (?:informed|up to date|in the loop)|enter your email|be the first|like (?:this|what you)|enjoy(?:ed)? (?:this|reading))\b/i;
const NEWSLETTER_WORD = /\b(?:newsletters?|inbox|e-?mail (?:updates|alerts|briefing))\b/i;

/** Newsletter calls: a line opening with "Sign up", "Subscribe", "Get our"… that names a newsletter or inbox. */
export function isNewsletterCall(text: string): boolean {
  return text.length <= 400 && NEWSLETTER_OPENER.test(text) && NEWSLETTER_WORD.test(text);
}

const EDITOR_NOTE = /^editor[’']?s[’']?\s+note\s*:\s*/i;
const PROMO_OPENER =
  /^(?:please (?:make|consider|support|donate|help|become|subscribe|chip)|help us|support (?:our|us|independent|local|quality|the)|consider (?:supporting|donating|subscribing|becoming|making)|donate|become an? (?:member|subscriber|supporter|patron|paid)|use (?:promo|coupon|discount|the) code|click here to (?:donate|subscribe|support|become)|if you (?:value|like|enjoy|appreciate|support)|we rely on|your (?:support|contribution|donation)|get \d{1,2}% off|subscribe (?:now|today))\b/i;
const PROMO_TARGET =
  /\b(?:journalism|donat\w{0,6}|membership|subscription|subscrib\w{0,4}|promo code|coupon code|patrons?|\d{1,2}% off|newsroom|non-?profit|readers like you|independent (?:news|media|reporting)|our (?:reporting|work|mission)|your (?:contribution|support|donation|gift))\b/i;

/** Promotion and donation appeals: a line opening with an appeal ("Help us", "Please make a … donation") to support the outlet. */
export function isPromotion(text: string): boolean {
  if (text.length > 600) return false;
  const body = EDITOR_NOTE.test(text) ? text.replace(EDITOR_NOTE, '') : text;
  return PROMO_OPENER.test(body) && PROMO_TARGET.test(body);
}

/** Whether a line is an "Editor's Note:" line; it is a promotion when an appeal follows it (see the block rules). */
export function isEditorNote(text: string): boolean {
  return EDITOR_NOTE.test(text);
}

const DISCLAIMER_OPENERS = [
  /^disclaimer\s*[:：\-–—]/i,
  /^(?:the )?(?:views|opinions) expressed (?:in this|here|above|by the author|are (?:those|solely))/i,
  /^comments (?:(?:do not )?(?:reflect|represent) (?:the )?(?:users|readers|commenters)|are moderated)/i,
];
/** DISCLAIMER_OPENERS in one regex (each is anchored and case-insensitive), so a line costs one test. */
const DISCLAIMER_OPENER = new RegExp(DISCLAIMER_OPENERS.map((rule) => rule.source).join('|'), 'i');
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\s(?:©\s?)?\d{4})/i;
const AFFILIATE = /^(?:disclosure|note)\s*:.{0,200}\b(?:affiliate|commission)\b/i;

/** Disclaimers: "Disclaimer: …", "The views expressed …", comment-policy lines, copyright and affiliate notices. */
export function isDisclaimer(text: string): boolean {
  if (text.length <= 200 && COPYRIGHT.test(text)) return true;
  if (text.length <= 400 && AFFILIATE.test(text)) return true;
  return text.length <= 1500 && DISCLAIMER_OPENER.test(text);
}

const PHOTO_LABEL =
  /^(?:photo|image|picture|photograph|illustration|graphic|credit|photo credit|image credit|image source|picture credit|featured image|feature image|cover image|header image|top image|lead image|file photo)s?\s*[:|]\s*\S/i;
const PHOTO_BY = /^(?:photo|photograph|image|picture|illustration)s?\s+(?:by|courtesy(?: of)?|via)\s+\S/i;
const CAPTION_CREDIT =
  /\((?:[^()]{0,40}\b)?(?:photo|image|picture|pic|photograph|illustration|credit|file)s?\b\s*(?:[:/]|by\b)[^()]{0,80}\)\.?$/i;
const STOCK_NAMES = ['Getty Images', 'Shutterstock', 'Unsplash', 'Pexels', 'Pixabay', 'iStock', 'iStockphoto', 'Alamy', 'Wikimedia Commons'];
/** The last letters of the stock agencies' names, to refuse most lines on one character. */
const STOCK_NAME_ENDINGS: ReadonlySet<number> = new Set(STOCK_NAMES.map((name) => name.charCodeAt(name.length - 1)));
const STOCK = '(?:Getty Images|Shutterstock|Unsplash|Pexels|Pixabay|iStock(?:photo)?|Alamy|Wikimedia Commons)';
const STOCK_TAIL = new RegExp(`(?:\\s[/|]\\s?|\\svia\\s|\\()[^/|()]{0,60}\\b${STOCK}\\)?\\.?$`);
const STOCK_LINE = new RegExp(`^(?:[A-Z][\\w.&'-]{0,30}\\s){0,4}(?:via\\s)?${STOCK}(?:\\s?\\(File\\))?$`);
const AGENCY_TAIL =
  /\s[/|]\s?(?:[A-Z][\w.&'-]{0,30}\s){0,3}(?:Reuters|REUTERS|AFP|AP|EPA|Bloomberg|ANI|PTI|Xinhua)(?:\s(?:Photo|File|Images?))?\)?$/;
const CREDIT_FRAGMENT = /^[A-Z][A-Z0-9 .,'&/-]{1,40}\)$/;
const CREDIT_FRAGMENT_WORD = /\b(?:FILE|PHOTO|IMAGE|PIC|REUTERS|AFP|AP|EPA|GETTY|ANI|PTI|CREDIT|XINHUA)\b/;

/** Where a text ends once one final "." is set aside: CAPTION_CREDIT and STOCK_TAIL allow one there. */
function endBeforePeriod(text: string): number {
  return text.charCodeAt(text.length - 1) === 0x2e ? text.length - 1 : text.length;
}

/** CAPTION_CREDIT on a tail; it ends with ")" or ")." so any other ending is refused without the regex. */
function endsWithCaptionCredit(tail: string): boolean {
  return tail.charCodeAt(endBeforePeriod(tail) - 1) === 0x29 && CAPTION_CREDIT.test(tail);
}

/** STOCK_TAIL on a tail; it ends with a stock agency's name, then an optional ")" and ".", checked first by hand. */
function endsWithStockCredit(tail: string): boolean {
  let end = endBeforePeriod(tail);
  if (tail.charCodeAt(end - 1) === 0x29) end -= 1;
  if (!STOCK_NAME_ENDINGS.has(tail.charCodeAt(end - 1))) return false;
  return STOCK_NAMES.some((name) => tail.endsWith(name, end)) && STOCK_TAIL.test(tail);
}

/** Whether a character code is an ASCII letter. */
function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** AGENCY_TAIL on a tail; it ends with a letter or ")" and needs a "/" or "|" before the name, both checked first. */
function endsWithAgencyCredit(tail: string): boolean {
  const last = tail.charCodeAt(tail.length - 1);
  if (last !== 0x29 && !isAsciiLetterCode(last)) return false;
  return (tail.includes('/') || tail.includes('|')) && AGENCY_TAIL.test(tail);
}

/** Photo credits and captions: "Photo: X / Unsplash", "(IMAGE: REUTERS FILE)" captions, stock-agency credits, orphan fragments. */
export function isPhotoCredit(text: string): boolean {
  if (text.length <= 160 && PHOTO_LABEL.test(text)) return true;
  if (text.length <= 120 && PHOTO_BY.test(text)) return true;
  if (text.length <= 100 && STOCK_LINE.test(text)) return true;
  if (text.length <= 60 && !text.includes('(') && CREDIT_FRAGMENT.test(text) && CREDIT_FRAGMENT_WORD.test(text)) return true;
  if (text.length > 800) return false;
  const tail = text.slice(-160);
  return endsWithCaptionCredit(tail) || endsWithStockCredit(tail) || endsWithAgencyCredit(tail);
}

const TRAILER_MARK = /^(?:#{3}|-\s?30\s?-|-\s?ends\s?-|ENDS)$/;
const CONTACT_LABEL = /^(?:media|press|investor|news) (?:contacts?|inquiries|enquiries|relations)\b\s*:?/i;
const RELEASE_SOURCE = /^SOURCE\s[A-Z]/;

/** Press-release trailers: "###" end marks, "Media contact:" lines and the "SOURCE Company" wire line. */
export function isPressReleaseTrailer(text: string): boolean {
  if (text.length <= 20 && TRAILER_MARK.test(text)) return true;
  if (text.length <= 200 && CONTACT_LABEL.test(text)) return true;
  return text.length <= 120 && RELEASE_SOURCE.test(text);
}

const NAVIGATION_PHRASES: ReadonlySet<string> = new Set([
  'read more', 'read full article', 'read full article at source', 'read the full article', 'read the full story',
  'read full story', 'read the original article', 'continue reading', 'keep reading', 'view comments',
  'show comments', 'see more', 'load more', 'more stories', 'related stories', 'related articles', 'related news',
  'related coverage', 'recommended', 'recommended stories', 'most read', 'most popular', 'trending', 'trending now',
  'also read', 'read also', 'back to top', 'share', 'share this', 'share this article', 'share this story', 'print',
  'print this article', 'click here to read more', 'go to source', 'view original article', 'listen to this article',
  'view gallery', 'open in app', 'comments', 'leave a comment', 'follow us',
]);
const NAVIGATION_PREFIX =
  /^(?:read more|read also|also read|related|see also|more on this|recommended|must read|don[’']t miss|watch|listen)\s*[:|›»]\s*\S/i;
const RELATIVE_TIME =
  /^(?:(?:updated|published|posted)\s)?(?:\d{1,3}|an?|one|a few)\s(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\sago\.?$/i;
const HOME_BREADCRUMB = /^home\s?[>›»/|]/i;
const DATE_LABEL =
  /^(?:first published|originally published|published(?: on)?|last updated(?: on)?|last modified|updated(?: on)?|posted(?: on)?)\s*:?\s*(.{4,90})$/i;
const LABEL_ONLY =
  /^(?:location|dateline|place|first published|originally published|published(?: on)?|last updated(?: on)?|last modified|updated(?: on)?|posted(?: on)?|date|tags|topics|filed under|categories|category|section|read time|reading time)\s*:$/i;

/** Longest line read as a date label with its value. */
const DATE_LABEL_CHARS = 120;

/** Whether a line is a date label with its value ("Last Updated: November 03, 2025, 20:49 IST", "Published March 14, 2026"). */
export function dateLabelValue(text: string): string | null {
  if (text.length > DATE_LABEL_CHARS) return null;
  const value = DATE_LABEL.exec(text)?.[1];
  return value !== undefined && parseNewsDate(value) !== null ? value : null;
}

/** Whether a line is a bare field label ("Location :", "First Published:") whose value sits on the next line. */
export function isFieldLabel(text: string): boolean {
  return text.length <= 40 && LABEL_ONLY.test(text);
}

/** isNavigation on a line whose marker core is already known, asking `parses` for its date label. */
function isNavigationLine(text: string, core: string | null, parses: LineParses): boolean {
  if (text.length <= 60 && core !== null && NAVIGATION_PHRASES.has(core)) return true;
  if (text.length <= 40 && (RELATIVE_TIME.test(text) || /^just now$/i.test(text))) return true;
  if (text.length <= 250 && (NAVIGATION_PREFIX.test(text) || HOME_BREADCRUMB.test(text))) return true;
  return parses.dateLabel(text) !== null || isFieldLabel(text);
}

/** Navigation: "Read More", "Read more: …" links, relative timestamps ("9 hours ago"), date labels, "Home >" breadcrumbs. */
export function isNavigation(text: string): boolean {
  return isNavigationLine(text, markerCoreOf(text), FRESH_PARSES);
}

/** The parses of a line that both classifyLine and the metadata reader ask for; one text's readers share them. */
export interface LineParses {
  byline(text: string): Byline | null;
  dateLabel(text: string): string | null;
}

/** Parses run afresh on every call, for a line judged on its own. */
const FRESH_PARSES: LineParses = { byline: parseByline, dateLabel: dateLabelValue };

/** A parse of a line from the cache, or parsed and cached. */
function remembered<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  if (cache.has(text)) return cache.get(text) as T;
  const value = parse(text);
  cache.set(text, value);
  return value;
}

/**
 * Parses remembered by line text for the readers of one text, so a byline or date label both ask about is parsed
 * once. Only lines that can hold one are remembered; the results are shared, so callers must not change them.
 */
export function sharedLineParses(): LineParses {
  const bylines = new Map<string, Byline | null>();
  const dateLabels = new Map<string, string | null>();
  return {
    byline: (text) => (mayBeByline(text) ? remembered(bylines, text, parseByline) : null),
    dateLabel: (text) => (text.length <= DATE_LABEL_CHARS ? remembered(dateLabels, text, dateLabelValue) : null),
  };
}

/** Classifies one trimmed line on its own; null for prose and for anything unsure. `parses` may be shared ones. */
export function classifyLine(text: string, parses: LineParses = FRESH_PARSES): BoilerplateReason | null {
  if (text === '') return null;
  const core = markerCoreOf(text);
  if (isAdMarkerLine(text, core)) return 'ad-marker';
  if (isSocialEmbedLine(text, core)) return 'social-embed';
  if (isNewsletterCall(text)) return 'newsletter';
  if (isPromotion(text)) return 'promotion';
  if (isDisclaimer(text)) return 'disclaimer';
  if (isPhotoCredit(text)) return 'photo-credit';
  if (isPressReleaseTrailer(text)) return 'press-release-trailer';
  if (isNavigationLine(text, core, parses)) return 'navigation';
  if (text.length <= 200 && /^(?:by|written by|story by|words by|reporting by|posted|published)\s/i.test(text)) {
    if (parses.byline(text) !== null) return 'metadata-line';
  }
  return null;
}
