/**
 * Markdown files → reading text and metadata: YAML front matter read with `yaml`, Markdown syntax reduced to the
 * words a reader sees with the `marked` lexer (no HTML is rendered, raw HTML is reduced to its text).
 */

import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import { cleanByline, cleanDate, cleanUrl, firstField } from './format-metadata';
import { decodeEntities, fragmentToText } from './html-text';
import { normalizeText } from './normalize';
import { emptyMetadata, type DocumentMetadata, type ParsedSource } from './types';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n?(?:---|\.\.\.)[ \t]*(?:\n|$)/;
/** Deeper token nesting is read from the token's own text instead of recursing (hostile input). */
const MAX_TOKEN_DEPTH = 64;
/** Longest line prefix of indentation and quote markers kept: deeper nesting costs marked quadratic memory. */
const MAX_PREFIX_CHARS = 48;
const LINE_PREFIX = new RegExp(`^[ \\t>]{${MAX_PREFIX_CHARS + 1},}`, 'gm');
/** Budget for marked's emphasis matching, quadratic in the * and _ delimiters of one block: Σ delimiters² per block. */
const MAX_DELIMITER_WORK = 4_000_000;

const KEYS = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'source', 'publication', 'site', 'site_name', 'publisher'],
  published: ['date', 'published', 'published_at', 'publish_date', 'pubdate'],
  byline: ['author', 'authors', 'byline'],
  url: ['url', 'canonical_url', 'link', 'canonical'],
} as const;

/** Front matter split from the body: its fields (empty when absent or malformed) and the Markdown that follows. */
export interface FrontMatter {
  fields: Record<string, unknown>;
  body: string;
}

/** Splits YAML front matter from the body; malformed YAML is dropped (the body is kept), non-mapping YAML is body. */
export function splitFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return { fields: {}, body: text };
  const body = text.slice(match[0].length);
  let value: unknown;
  try {
    value = parseYaml(match[1] ?? '', { uniqueKeys: false, maxAliasCount: 50, prettyErrors: false });
  } catch {
    return { fields: {}, body };
  }
  if (value === null || value === undefined) return { fields: {}, body };
  if (typeof value !== 'object' || Array.isArray(value)) return { fields: {}, body: text };
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) fields[key.trim().toLowerCase()] = field;
  return { fields, body };
}

function pick(fields: Record<string, unknown>, keys: readonly string[]): unknown[] {
  return keys.map((key) => fields[key]);
}

/** Metadata from front matter fields, each cleaned; unknown or unusable values stay null. */
export function frontMatterMetadata(fields: Record<string, unknown>): DocumentMetadata {
  const metadata = emptyMetadata();
  metadata.title = firstField(...pick(fields, KEYS.title));
  metadata.outlet = firstField(...pick(fields, KEYS.outlet));
  metadata.published = pick(fields, KEYS.published).map((value) => cleanDate(value)).find((date) => date !== null) ?? null;
  metadata.byline = pick(fields, KEYS.byline).map((value) => cleanByline(value)).find((name) => name !== null) ?? null;
  metadata.url = pick(fields, KEYS.url).map((value) => cleanUrl(value)).find((url) => url !== null) ?? null;
  return metadata;
}

/** Sum over blocks (runs of non-blank lines) of the squared count of emphasis delimiters, marked's inline cost. */
function delimiterWork(markdown: string): number {
  let work = 0;
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    let delimiters = 0;
    for (let index = 0; index < block.length; index += 1) {
      const character = block.charCodeAt(index);
      if (character === 42 || character === 95 || character === 126) delimiters += 1;
    }
    work += delimiters * delimiters;
  }
  return work;
}

/**
 * Markdown made safe for the lexer: line prefixes of indentation and '>' markers cut to 48 characters; null when the
 * emphasis delimiters would cost the lexer minutes (hostile input), so the caller keeps the words as plain text.
 */
export function tameMarkdown(markdown: string): string | null {
  if (delimiterWork(markdown) > MAX_DELIMITER_WORK) return null;
  return markdown.replace(LINE_PREFIX, (prefix) => prefix.slice(0, MAX_PREFIX_CHARS));
}

function inlineText(tokens: readonly Token[] | undefined, depth: number): string {
  if (tokens === undefined) return '';
  let text = '';
  let hidden = false;
  for (const token of tokens) {
    if (token.type === 'html') {
      // Inline <script>/<style> elements: their content is code, not words.
      if (/^<(?:script|style)\b/i.test(token.text)) hidden = true;
      else if (/^<\/(?:script|style)\s*>/i.test(token.text)) hidden = false;
    }
    if (!hidden) text += inlineTokenText(token, depth + 1);
  }
  return text;
}

function inlineTokenText(token: Token, depth: number): string {
  switch (token.type) {
    case 'image':
    case 'checkbox':
      return '';
    case 'br':
      return '\n';
    case 'codespan':
      return decodeEntities(token.text as string);
    case 'html':
      return /^<br\s*\/?>$/i.test((token.text as string).trim()) ? '\n' : '';
    case 'text':
    case 'escape':
      if ('tokens' in token && token.tokens !== undefined && depth < MAX_TOKEN_DEPTH) return inlineText(token.tokens, depth);
      return decodeEntities(typeof token.text === 'string' ? token.text : '');
    default:
      if ('tokens' in token && token.tokens !== undefined && depth < MAX_TOKEN_DEPTH) return inlineText(token.tokens, depth);
      return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
  }
}

function listLines(list: Tokens.List, depth: number): string[] {
  return list.items.flatMap((item) =>
    item.tokens.flatMap((token) =>
      token.type === 'list' && depth < MAX_TOKEN_DEPTH ? listLines(token as Tokens.List, depth + 1) : blockTexts(token, depth + 1),
    ),
  );
}

function tableText(table: Tokens.Table, depth: number): string {
  const rows = [table.header, ...table.rows];
  return rows.map((cells) => cells.map((cell) => inlineText(cell.tokens, depth).trim()).join(' | ')).join('\n');
}

/** The paragraphs a block token reads as. */
function blockTexts(token: Token, depth: number): string[] {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return [];
    case 'heading':
    case 'paragraph':
      return [inlineText(token.tokens, depth)];
    case 'code':
      return [token.text as string];
    case 'blockquote':
      return depth < MAX_TOKEN_DEPTH ? (token.tokens ?? []).flatMap((child) => blockTexts(child, depth + 1)) : [token.text as string];
    case 'list':
      return [listLines(token as Tokens.List, depth).join('\n')];
    case 'table':
      return [tableText(token as Tokens.Table, depth)];
    case 'html':
      return [fragmentToText(token.text as string)];
    default:
      return [inlineTokenText(token, depth)];
  }
}

/** The first block token is a level-1 heading: its text, the document's title. */
function leadingHeading(tokens: readonly Token[]): string | null {
  const first = tokens.find((token) => token.type !== 'space');
  if (first?.type !== 'heading' || (first as Tokens.Heading).depth !== 1) return null;
  return firstField(normalizeText(inlineText(first.tokens, 0)));
}

/**
 * Parses a Markdown article: front matter gives metadata (a leading "# Heading" gives the title when it has none),
 * the body becomes reading text with headings, list items and table rows kept as words, markup dropped.
 */
export function parseMarkdown(text: string): ParsedSource {
  const source = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const { fields, body } = splitFrontMatter(source);
  const metadata = frontMatterMetadata(fields);
  const tame = tameMarkdown(body);
  let tokens: Token[] | null = null;
  try {
    if (tame !== null) tokens = new Lexer({ gfm: true }).lex(tame);
  } catch {
    // The lexer recurses; hostile nesting can exhaust the stack.
  }
  if (tokens === null) return { format: 'md', rawText: normalizeText(body), metadata, boilerplate: [] };
  metadata.title ??= leadingHeading(tokens);
  const paragraphs = tokens
    .flatMap((token) => blockTexts(token, 0))
    .map((paragraph) => normalizeText(paragraph))
    .filter((paragraph) => paragraph !== '');
  return { format: 'md', rawText: paragraphs.join('\n\n'), metadata, boilerplate: [] };
}
