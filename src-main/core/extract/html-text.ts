/**
 * DOM → reading text: an iterative walk (no recursion, so no depth limit) that turns block elements into paragraphs,
 * list items and table rows into lines, and never returns markup. Figure captions are kept but marked as boilerplate.
 */

import { parseHTML } from 'linkedom';
import { limitNesting } from './html-nesting';
import { normalizeText } from './normalize';
import type { BoilerplateSpan } from './types';

/** Elements whose content is never reading text. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'MATH', 'IFRAME', 'OBJECT',
  'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'OPTION', 'DATALIST', 'DIALOG', 'MAP',
]);

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);

const LIST_TAGS: ReadonlySet<string> = new Set(['UL', 'OL', 'DL', 'MENU']);
const CELL_TAGS: ReadonlySet<string> = new Set(['TD', 'TH']);
const LAYOUT_CONTENT = 'p, h1, h2, h3, h4, h5, h6, blockquote, ul, ol, table, article, section, pre';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Reading text of a DOM subtree with the spans the markup itself marks as boilerplate (figure captions). */
export interface HtmlText {
  text: string;
  boilerplate: BoilerplateSpan[];
}

interface Block {
  text: string;
  caption: boolean;
}

/** Accumulates inline text and turns it into paragraphs, lines and cells as the walk enters and leaves elements. */
class TextBuilder {
  readonly blocks: Block[] = [];
  /** Pieces of the current paragraph (an array: indexing a long concatenated string would flatten it each time). */
  private pieces: string[] = [];
  /** Whether the current line of the paragraph has no visible character yet. */
  private lineStart = true;
  private listDepth = 0;
  private dataTableDepth = 0;
  private dataCellDepth = 0;
  private captionDepth = 0;
  private preDepth = 0;
  private readonly tableKinds: boolean[] = [];

  text(value: string): void {
    this.append(this.preDepth > 0 ? value : value.replace(/[ \t\n\r\f]+/g, ' '));
  }

  enter(element: Element): void {
    const tag = element.tagName.toUpperCase();
    if (tag === 'BR') this.append(this.dataCellDepth > 0 ? ' ' : '\n');
    if (!BLOCK_TAGS.has(tag)) return;
    if (CELL_TAGS.has(tag) && this.inDataTable()) {
      if (!this.lineStart) this.append(' | ');
      this.dataCellDepth += 1;
      return;
    }
    this.boundary();
    if (tag === 'TABLE') this.enterTable(element);
    if (LIST_TAGS.has(tag)) this.listDepth += 1;
    if (tag === 'FIGCAPTION') this.captionDepth += 1;
    if (tag === 'PRE') this.preDepth += 1;
  }

  leave(element: Element): void {
    const tag = element.tagName.toUpperCase();
    if (!BLOCK_TAGS.has(tag)) return;
    if (CELL_TAGS.has(tag) && this.dataCellDepth > 0 && this.inDataTable()) {
      this.dataCellDepth -= 1;
      return;
    }
    if (tag === 'TABLE') this.leaveTable();
    if (LIST_TAGS.has(tag)) this.listDepth = Math.max(0, this.listDepth - 1);
    if (tag === 'PRE') this.preDepth = Math.max(0, this.preDepth - 1);
    this.boundary();
    if (tag === 'FIGCAPTION') this.captionDepth = Math.max(0, this.captionDepth - 1);
  }

  finish(): HtmlText {
    this.flush();
    const parts: string[] = [];
    const boilerplate: BoilerplateSpan[] = [];
    let offset = 0;
    for (const block of this.blocks) {
      if (parts.length > 0) offset += 2;
      if (block.caption) boilerplate.push({ start: offset, end: offset + block.text.length, reason: 'photo-credit' });
      parts.push(block.text);
      offset += block.text.length;
    }
    return { text: parts.join('\n\n'), boilerplate };
  }

  private inDataTable(): boolean {
    return this.tableKinds[this.tableKinds.length - 1] === true;
  }

  private enterTable(table: Element): void {
    const data = table.querySelector(LAYOUT_CONTENT) === null;
    this.tableKinds.push(data);
    if (data) this.dataTableDepth += 1;
  }

  private leaveTable(): void {
    if (this.tableKinds.pop() === true) this.dataTableDepth = Math.max(0, this.dataTableDepth - 1);
  }

  /** Ends the current paragraph, or the current line inside lists and data tables, or a phrase inside a cell. */
  private boundary(): void {
    if (this.dataCellDepth > 0) this.append(' ');
    else if (this.listDepth > 0 || this.dataTableDepth > 0) {
      if (!this.lineStart) this.append('\n');
    } else this.flush();
  }

  private append(value: string): void {
    if (value === '') return;
    this.pieces.push(value);
    const lastBreak = value.lastIndexOf('\n');
    const tail = value.slice(lastBreak + 1);
    if (lastBreak >= 0) this.lineStart = tail.trim() === '';
    else if (tail.trim() !== '') this.lineStart = false;
  }

  private flush(): void {
    const text = normalizeText(this.pieces.join(''));
    this.pieces = [];
    this.lineStart = true;
    if (text !== '') this.blocks.push({ text, caption: this.captionDepth > 0 });
  }
}

function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.tagName.toUpperCase()) || element.hasAttribute('hidden');
}

/**
 * Reading text of a DOM subtree: paragraphs separated by one blank line, <br> as a line break, one list item or
 * table row per line (cells joined by " | "), scripts, styles and form controls skipped. Walks iteratively.
 */
export function elementToText(root: Node): HtmlText {
  const builder = new TextBuilder();
  let current: Node | null = root.firstChild;
  while (current !== null && current !== root) {
    let descend = false;
    if (current.nodeType === TEXT_NODE) builder.text(current.nodeValue ?? '');
    else if (current.nodeType === ELEMENT_NODE && !isSkipped(current as Element)) {
      builder.enter(current as Element);
      descend = current.firstChild !== null;
    }
    if (descend && current.firstChild !== null) {
      current = current.firstChild;
      continue;
    }
    while (current !== null && current !== root) {
      if (current.nodeType === ELEMENT_NODE && !isSkipped(current as Element)) {
        builder.leave(current as Element);
      }
      if (current.nextSibling !== null) {
        current = current.nextSibling;
        break;
      }
      current = current.parentNode;
    }
  }
  return builder.finish();
}

let scratchDocument: Document | null = null;

/** An empty element of a shared, script-free document, to parse small fragments into. */
function scratchElement(): HTMLElement {
  scratchDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document;
  return scratchDocument.createElement('div');
}

/** Reading text of an HTML fragment (e.g. raw HTML inside Markdown): tags stripped, entities decoded, no scripts. */
export function fragmentToText(html: string): string {
  const container = scratchElement();
  container.innerHTML = limitNesting(html);
  return elementToText(container).text;
}

/** Decodes HTML character references (&amp;, &#8220;, &rsquo;) in plain text, leaving everything else as it is. */
export function decodeEntities(text: string): string {
  if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/i.test(text)) return text;
  const container = scratchElement();
  container.innerHTML = text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return container.textContent ?? text;
}
