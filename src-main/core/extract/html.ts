/**
 * HTML pages → article text and metadata: page chrome removed, main text found by Mozilla Readability on a linkedom
 * document (no scripts run, nothing fetched), then turned into reading text by our own DOM walk.
 */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanByline, firstField } from './format-metadata';
import { readDeclaredMetadata } from './html-metadata';
import { elementToText, type HtmlText } from './html-text';
import type { ParsedSource } from './types';

/** Deepest element nesting kept; deeper tags become spaces (hostile pages nest 100k deep to stall parsers). */
export const MAX_HTML_NESTING = 128;
/** Larger pages skip Readability (slow on huge inputs) and keep the cleaned body text. */
export const MAX_READABILITY_CHARS = 8_000_000;
/** Readability's cost grows with nesting depth × text length; above this product the cleaned body text is kept. */
export const MAX_READABILITY_WORK = 40_000_000;
/** Readability gives up (and the cleaned body text is kept) on pages with more elements than this. */
const MAX_READABILITY_ELEMENTS = 30_000;
/** Readability's text is used when it is this long, or when it covers this share of the page's own text. */
const USEFUL_ARTICLE_CHARS = 200;
const USEFUL_ARTICLE_SHARE = 0.5;
const MAX_BYLINE_CHARS = 150;

/** Elements that never hold reading text: removed outright. */
const NEVER_TEXT_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'object', 'embed', 'button', 'select', 'input',
  'textarea', '[hidden]', '[aria-hidden="true"]',
].join(', ');

/** Page chrome: navigation, banners, dialogs, forms and footers, removed unless they hold the article itself. */
const CHROME_SELECTOR = [
  'nav', 'header', 'footer', 'aside', 'form', 'dialog', 'menu', '[aria-modal="true"]', '[role="navigation"]',
  '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]', '[role="dialog"]',
  '[role="alertdialog"]', '[role="menu"]', '[role="menubar"]',
].join(', ');

/** Class or id words of boxes that are never the article (whole words between -, _ or spaces). */
const CHROME_WORD =
  /(?:^|[-_\s])(?:ads?|advert|advertisement|banner|breadcrumbs?|comments?|consent|cookies?|gdpr|masthead|modal|newsletter|outbrain|paywall|popup|promos?|recirc|recommended|related|share|sharing|signup|social|sponsor(?:ed)?|subscribe|subscription|taboola|toolbar|trending)(?:$|[-_\s])/i;
/** Class or id fragments distinctive enough to match inside camelCase names. */
const CHROME_FRAGMENT = /cookie|consent|gdpr|newsletter|outbrain|taboola|breadcrumb|signup|sign-up|more-stories|read-next/i;

/** Tags with optional end tags and void tags: they cannot nest on their own and are not counted. */
const UNCOUNTED_TAGS: ReadonlySet<string> = new Set([
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'html', 'head', 'body',
]);
const TAG_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/gi;
const CLOSE_SEARCH_WINDOW = 256;
/** Placeholder of a flattened tag; NUL never survives normalization, so a stray one in the page is harmless. */
const FLATTENED = '\u0000';
const FLATTENED_RUN = /\u0000[\s\u0000]*/g;

/** Options of parseHtml. */
export interface HtmlOptions {
  /** Where the page came from, to resolve a relative canonical link. */
  url?: string;
}

/**
 * Replaces tags nested deeper than maxDepth with a space, before any parser sees them, so that parsing and
 * Readability stay fast on hostile input. Text is kept; only structure below the limit is flattened.
 */
export function limitNesting(html: string, maxDepth = MAX_HTML_NESTING): string {
  const stack: Array<{ name: string; kept: boolean }> = [];
  let foreign = 0;
  let flattened = false;
  const result = html.replace(TAG_TOKEN, (token, raw: string | undefined, slash: string, rawName: string | undefined, selfClosing: string) => {
    if (raw !== undefined || rawName === undefined) return token;
    const name = rawName.toLowerCase();
    if (UNCOUNTED_TAGS.has(name) || (selfClosing === '/' && foreign > 0)) return token;
    if (slash === '/') {
      const bottom = Math.max(0, stack.length - CLOSE_SEARCH_WINDOW);
      for (let index = stack.length - 1; index >= bottom; index -= 1) {
        const entry = stack[index];
        if (entry?.name !== name) continue;
        stack.length = index;
        if (name === 'svg' || name === 'math') foreign = Math.max(0, foreign - 1);
        if (!entry.kept) flattened = true;
        return entry.kept ? token : FLATTENED;
      }
      return token;
    }
    const kept = stack.length < maxDepth;
    stack.push({ name, kept });
    if (name === 'svg' || name === 'math') foreign += 1;
    if (!kept) flattened = true;
    return kept ? token : FLATTENED;
  });
  // A run of flattened tags (and the whitespace between them) becomes one space.
  return flattened ? result.replace(FLATTENED_RUN, ' ') : html;
}

function holdsArticle(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'BODY' || tag === 'HTML' || tag === 'MAIN' || tag === 'ARTICLE') return true;
  if (tag === 'HEADER' && element.closest('article, main') !== null) return true;
  return element.querySelector('article, main, [itemprop="articleBody"]') !== null;
}

/** Whether a box with a generic chrome name (form, "social", "related") holds most of the page's text: some sites
 * wrap the whole page in a <form> or give the article container such a class. */
function holdsMostText(element: Element, pageTextLength: number): boolean {
  return (element.textContent ?? '').length >= pageTextLength * 0.5;
}

/** Removes navigation, banners, cookie notices, newsletter boxes, related links, footers, scripts and styles. */
export function removePageChrome(document: Document): void {
  const root = document.body ?? document.documentElement;
  if (root === null) return;
  for (const element of root.querySelectorAll(NEVER_TEXT_SELECTOR)) element.remove();
  const pageTextLength = (root.textContent ?? '').length;
  for (const element of root.querySelectorAll(CHROME_SELECTOR)) {
    const generic = element.tagName.toUpperCase() === 'FORM';
    if (!holdsArticle(element) && !(generic && holdsMostText(element, pageTextLength))) element.remove();
  }
  for (const element of root.querySelectorAll('[class], [id]')) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const distinctive = CHROME_FRAGMENT.test(names);
    if (!distinctive && !CHROME_WORD.test(names)) continue;
    if (holdsArticle(element)) continue;
    const mostText = holdsMostText(element, pageTextLength);
    if (!mostText || (distinctive && element.querySelectorAll('p').length < 3)) element.remove();
  }
}

/** A complete document for linkedom: fragments get the html/head/body shell a browser would give them. */
function asDocumentSource(html: string): string {
  return /<(?:html|body)[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/** Deepest element nesting under root, walked iteratively. */
export function elementDepth(root: Node): number {
  let deepest = 0;
  let depth = 0;
  let current: Node | null = root.firstChild;
  while (current !== null && current !== root) {
    if (current.nodeType === 1 && current.firstChild !== null) {
      depth += 1;
      deepest = Math.max(deepest, depth);
      current = current.firstChild;
      continue;
    }
    while (current !== null && current !== root && current.nextSibling === null) {
      current = current.parentNode;
      depth -= 1;
    }
    current = current === null || current === root ? null : current.nextSibling;
  }
  return deepest + 1;
}

function readArticle(document: Document): { text: HtmlText; title: string | null; byline: string | null } | null {
  try {
    const options = { serializer: (node: Node) => node, maxElemsToParse: MAX_READABILITY_ELEMENTS };
    const article = new Readability<Node>(document, options).parse();
    if (article === null || article.content === null || article.content === undefined) return null;
    return { text: elementToText(article.content), title: article.title ?? null, byline: article.byline ?? null };
  } catch {
    return null;
  }
}

function shortByline(value: string | null): string | null {
  const byline = cleanByline(value);
  return byline !== null && byline.length <= MAX_BYLINE_CHARS ? byline : null;
}

/**
 * Parses an HTML page: the article's reading text (never markup), its figure captions as boilerplate spans, and the
 * metadata the page declares. Short pages Readability cannot read fall back to the page text without its chrome.
 */
export function parseHtml(html: string, options: HtmlOptions = {}): ParsedSource {
  const { document } = parseHTML(asDocumentSource(limitNesting(html)));
  const declared = readDeclaredMetadata(document, options.url);
  removePageChrome(document);
  const root = document.body ?? document.documentElement;
  const pageText = root === null ? { text: '', boilerplate: [] } : elementToText(root);
  const work = root === null ? 0 : elementDepth(root) * pageText.text.length;
  const affordable = html.length <= MAX_READABILITY_CHARS && work <= MAX_READABILITY_WORK;
  const article = affordable ? readArticle(document) : null;
  const useful =
    article !== null &&
    (article.text.text.length >= USEFUL_ARTICLE_CHARS || article.text.text.length >= pageText.text.length * USEFUL_ARTICLE_SHARE);
  const text = useful && article !== null ? article.text : pageText;
  return {
    format: 'html',
    rawText: text.text,
    boilerplate: text.boilerplate,
    metadata: {
      title: firstField(declared.openGraphTitle, article?.title, declared.documentTitle, declared.jsonLdTitle),
      outlet: declared.outlet,
      byline: declared.metaAuthor ?? shortByline(article?.byline ?? null) ?? declared.jsonLdAuthor,
      published: declared.published,
      url: declared.url,
    },
  };
}
