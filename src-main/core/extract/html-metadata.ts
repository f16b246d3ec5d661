/**
 * Metadata an HTML page declares: Open Graph and other <meta> tags, JSON-LD, <link rel="canonical">, <time>. Read
 * before Readability runs, because Readability removes the scripts that carry JSON-LD.
 */

import { cleanByline, cleanDate, cleanName, cleanUrl, firstField } from './format-metadata';

/** What the page says about itself, each field cleaned, null when absent; title and byline come in several flavours. */
export interface DeclaredHtmlMetadata {
  openGraphTitle: string | null;
  documentTitle: string | null;
  jsonLdTitle: string | null;
  metaAuthor: string | null;
  jsonLdAuthor: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

const ARTICLE_TYPE = /article|posting|report|story/i;
const MAX_JSON_LD_CHARS = 1_000_000;
const DATE_META_NAMES = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'published_time', 'dc.date.issued', 'dc.date',
  'dcterms.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'datepublished', 'og:published_time',
];

type JsonObject = Record<string, unknown>;

/** Content of <meta> tags by lowercased name, property or itemprop; the first tag of each key wins. */
function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta')) {
    const content = meta.getAttribute('content');
    if (content === null) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key !== undefined && key !== '' && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object of a JSON-LD value, flattening arrays and @graph lists (bounded: pages are untrusted). */
function jsonLdObjects(value: unknown, found: JsonObject[] = [], depth = 0): JsonObject[] {
  if (depth > 4 || found.length > 200) return found;
  if (Array.isArray(value)) {
    for (const item of value) jsonLdObjects(item, found, depth + 1);
  } else if (isObject(value)) {
    found.push(value);
    if (value['@graph'] !== undefined) jsonLdObjects(value['@graph'], found, depth + 1);
  }
  return found;
}

/** The JSON-LD object describing the article: an *Article / *Posting type first, else anything with a date. */
function jsonLdArticle(document: Document): JsonObject | null {
  const objects: JsonObject[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      jsonLdObjects(JSON.parse(source), objects);
    } catch {
      // Malformed JSON-LD is common on news sites; the other sources still count.
    }
  }
  const typeOf = (item: JsonObject): string => [item['@type']].flat().filter((type) => typeof type === 'string').join(' ');
  return (
    objects.find((item) => ARTICLE_TYPE.test(typeOf(item))) ??
    objects.find((item) => item.datePublished !== undefined) ??
    null
  );
}

/** The datetime of the page's publication <time>: inside the article first, then anywhere. */
function timeElementDate(document: Document): string | null {
  for (const selector of ['article time[datetime]', 'time[pubdate][datetime]', 'time[datetime]']) {
    for (const time of document.querySelectorAll(selector)) {
      const date = cleanDate(time.getAttribute('datetime'));
      if (date !== null) return date;
    }
  }
  return null;
}

function canonicalHref(document: Document): string | null {
  for (const link of document.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical')) return link.getAttribute('href');
  }
  return null;
}

function firstDate(...values: unknown[]): string | null {
  for (const value of values) {
    const date = cleanDate(value);
    if (date !== null) return date;
  }
  return null;
}

function firstUrl(base: string | undefined, ...values: unknown[]): string | null {
  for (const value of values) {
    const url = cleanUrl(value, base);
    if (url !== null) return url;
  }
  return null;
}

/** Reads the metadata the page declares, before anything mutates the document. */
export function readDeclaredMetadata(document: Document, baseUrl?: string): DeclaredHtmlMetadata {
  const meta = metaContents(document);
  const article = jsonLdArticle(document);
  const dateMeta = DATE_META_NAMES.map((name) => meta.get(name));
  return {
    openGraphTitle: firstField(meta.get('og:title'), meta.get('twitter:title')),
    documentTitle: firstField(document.querySelector('title')?.textContent),
    jsonLdTitle: firstField(article?.headline, article?.name),
    metaAuthor: cleanByline(meta.get('author')) ?? cleanByline(meta.get('article:author')),
    jsonLdAuthor: cleanByline(article?.author),
    outlet: firstField(meta.get('og:site_name'), meta.get('application-name')) ?? cleanName(article?.publisher),
    published: firstDate(meta.get('article:published_time'), article?.datePublished, timeElementDate(document), ...dateMeta),
    url: firstUrl(baseUrl, canonicalHref(document), meta.get('og:url'), article?.url),
  };
}
