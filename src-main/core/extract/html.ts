/**
 * HTML pages → article text and metadata: page chrome removed, main text found by Mozilla Readability on a linkedom
 * document (no scripts run, nothing fetched), then turned into reading text by our own DOM walk.
 */

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanByline, firstField } from './format-metadata';
import { readDeclaredMetadata } from './html-metadata';
import { elementToText, type HtmlText } from './html-text';
import { limitNesting } from './html-nesting';
import type { ParsedSource } from './types';

/*
 * Readability is slow (quadratic, sometimes worse) on huge, deep or odd pages. Beyond these limits the page's own
 * text, chrome removed, is kept instead: always reasonable, always fast.
 */
const MAX_READABILITY_CHARS = 8_000_000;
const MAX_READABILITY_ELEMENTS = 10_000;
const MAX_READABILITY_DEPTH = 64;
/** Nesting depth × text length, and depth × elements × 100: Readability's cost on deep pages. */
const MAX_READABILITY_WORK = 40_000_000;
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

/** Options of parseHtml. */
export interface HtmlOptions {
  /** Where the page came from, to resolve a relative canonical link. */
  url?: string;
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

/** Size and shape of a DOM tree: deepest element nesting and element count, walked iteratively. */
export function treeShape(root: Node): { depth: number; elements: number } {
  let deepest = 0;
  let depth = 0;
  let elements = 0;
  let current: Node | null = root.firstChild;
  while (current !== null && current !== root) {
    if (current.nodeType === 1) elements += 1;
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
  return { depth: deepest, elements };
}

/** Whether Readability can run in reasonable time: its cost grows with depth × size on odd or hostile pages. */
function readabilityAffordable(html: string, root: Node, textLength: number): boolean {
  if (html.length > MAX_READABILITY_CHARS) return false;
  const shape = treeShape(root);
  if (shape.depth > MAX_READABILITY_DEPTH || shape.elements > MAX_READABILITY_ELEMENTS) return false;
  return shape.depth * textLength <= MAX_READABILITY_WORK && shape.depth * shape.elements <= MAX_READABILITY_WORK / 100;
}

function readArticle(document: Document): { text: HtmlText; title: string | null; byline: string | null } | null {
  try {
    const options = { serializer: (node: Node) => node };
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

/** A title without the outlet's name the page appended ("Headline | The Daily" → "Headline"), when the outlet is known. */
function withoutOutletSuffix(title: string | null, outlet: string | null): string | null {
  if (title === null || outlet === null) return title;
  const separators = [' | ', ' - ', ' – ', ' — ', ' : ', ' · '];
  const lowerTitle = title.toLowerCase();
  for (const separator of separators) {
    const suffix = `${separator}${outlet}`.toLowerCase();
    if (lowerTitle.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
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
  const article = root !== null && readabilityAffordable(html, root, pageText.text.length) ? readArticle(document) : null;
  const useful =
    article !== null &&
    (article.text.text.length >= USEFUL_ARTICLE_CHARS || article.text.text.length >= pageText.text.length * USEFUL_ARTICLE_SHARE);
  const text = useful && article !== null ? article.text : pageText;
  return {
    format: 'html',
    rawText: text.text,
    boilerplate: text.boilerplate,
    metadata: {
      title: withoutOutletSuffix(
        firstField(declared.openGraphTitle, article?.title, declared.documentTitle, declared.jsonLdTitle),
        declared.outlet,
      ),
      outlet: declared.outlet,
      byline: declared.metaAuthor ?? shortByline(article?.byline ?? null) ?? declared.jsonLdAuthor,
      published: declared.published,
      url: declared.url,
    },
  };
}
