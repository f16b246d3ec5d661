/**
 * A minimal but valid Word (.docx) writer for tests: [Content_Types].xml, _rels/.rels, word/document.xml and its
 * relationships, docProps/core.xml, plus styles, numbering, footnotes, endnotes and comments when the content needs
 * them. Every text is XML-escaped; curly quotes, apostrophes and any Unicode survive as written.
 */

import { makeZip, type ZipEntry, type ZipOptions } from './zip-writer';

/** Paragraph styles the fixture knows by id (the style names Word gives them are written to styles.xml). */
export type DocxStyle = 'Normal' | 'Title' | 'Heading1' | 'Heading2' | 'Heading3' | 'Quote' | 'IntenseQuote';

/** One paragraph of the body. */
export interface DocxParagraph {
  /** Text of the paragraph; "\n" becomes a line break (<w:br/>), "\t" a tab. */
  text: string;
  /** Paragraph style id; Normal when absent. */
  style?: DocxStyle;
  /** Makes the paragraph an item of a bulleted or numbered list (first level). */
  list?: 'bullet' | 'number';
  /** A footnote whose reference mark follows the paragraph's text. */
  footnote?: string;
  /** An endnote whose reference mark follows the paragraph's text. */
  endnote?: string;
  /** A reviewer's comment anchored on the whole paragraph (never part of the document's text). */
  comment?: string;
}

/** A table of plain-text cells, one inner array per row. */
export interface DocxTable {
  table: string[][];
}

/** A block of the body: a paragraph or a table. */
export type DocxBlock = DocxParagraph | DocxTable;

/** What makeDocx writes. Every field is optional. */
export interface DocxOptions {
  /** dc:title of docProps/core.xml. */
  title?: string;
  /** dc:creator of docProps/core.xml. */
  author?: string;
  /** dcterms:created, written as given (W3CDTF, e.g. "2025-11-03T14:05:00Z"). */
  created?: string;
  /** dcterms:modified, written as given. */
  modified?: string;
  /** Body blocks, in order. */
  paragraphs?: DocxBlock[];
  /** Replaces the generated word/document.xml with this exact text (e.g. malformed XML). */
  documentXml?: string;
  /** Leaves these part names out of the archive (e.g. "word/document.xml", "docProps/core.xml"). */
  omit?: string[];
  /** Entries appended after the document's own parts (hostile names, bombs, duplicates). */
  extraEntries?: ZipEntry[];
  /** Options of the zip writer (lying entry count). */
  zip?: ZipOptions;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const STYLE_NAMES: Record<DocxStyle, string> = {
  Normal: 'Normal',
  Title: 'Title',
  Heading1: 'heading 1',
  Heading2: 'heading 2',
  Heading3: 'heading 3',
  Quote: 'Quote',
  IntenseQuote: 'Intense Quote',
};

/** XML-escapes text for element content and attribute values; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Runs of one text: text pieces, line breaks and tabs. */
function runs(text: string): string {
  const content = text
    .split(/(\n|\t)/)
    .map((piece) => {
      if (piece === '\n') return '<w:br/>';
      if (piece === '\t') return '<w:tab/>';
      return piece === '' ? '' : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
    })
    .join('');
  return content === '' ? '' : `<w:r>${content}</w:r>`;
}

function isTable(block: DocxBlock): block is DocxTable {
  return 'table' in block;
}

interface Notes {
  footnotes: string[];
  endnotes: string[];
  comments: string[];
}

function noteReference(kind: 'footnote' | 'endnote', id: number): string {
  const style = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  return `<w:r><w:rPr><w:rStyle w:val="${style}"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
}

function paragraphXml(paragraph: DocxParagraph, notes: Notes): string {
  const properties: string[] = [];
  if (paragraph.style !== undefined) properties.push(`<w:pStyle w:val="${paragraph.style}"/>`);
  if (paragraph.list !== undefined) {
    properties.push(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${paragraph.list === 'bullet' ? 1 : 2}"/></w:numPr>`);
  }
  let body = runs(paragraph.text);
  if (paragraph.comment !== undefined) {
    const id = notes.comments.push(paragraph.comment) - 1;
    body = `<w:commentRangeStart w:id="${id}"/>${body}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
  }
  // Ids 0 and -1 are Word's separator notes, so real notes start at 1.
  if (paragraph.footnote !== undefined) body += noteReference('footnote', notes.footnotes.push(paragraph.footnote));
  if (paragraph.endnote !== undefined) body += noteReference('endnote', notes.endnotes.push(paragraph.endnote));
  const pPr = properties.length === 0 ? '' : `<w:pPr>${properties.join('')}</w:pPr>`;
  return `<w:p>${pPr}${body}</w:p>`;
}

function tableXml(table: DocxTable): string {
  const rows = table.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${runs(cell)}</w:p></w:tc>`).join('')}</w:tr>`);
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>`;
}

function documentXml(blocks: readonly DocxBlock[], notes: Notes): string {
  const body = blocks.map((block) => (isTable(block) ? tableXml(block) : paragraphXml(block, notes))).join('');
  return `${XML_DECLARATION}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

function notesXml(kind: 'footnote' | 'endnote', texts: readonly string[]): string {
  const separators =
    `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
    `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;
  const style = kind === 'footnote' ? 'FootnoteText' : 'EndnoteText';
  const notes = texts.map(
    (text, index) =>
      `<w:${kind} w:id="${index + 1}"><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>` +
      `<w:r><w:rPr><w:rStyle w:val="${style === 'FootnoteText' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr><w:${kind}Ref/></w:r>` +
      `${runs(` ${text}`)}</w:p></w:${kind}>`,
  );
  return `${XML_DECLARATION}<w:${kind}s xmlns:w="${W}" xmlns:r="${R}">${separators}${notes.join('')}</w:${kind}s>`;
}

function commentsXml(texts: readonly string[]): string {
  const comments = texts.map(
    (text, id) => `<w:comment w:id="${id}" w:author="Reviewer" w:initials="R"><w:p>${runs(text)}</w:p></w:comment>`,
  );
  return `${XML_DECLARATION}<w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`;
}

function stylesXml(): string {
  const styles = (Object.keys(STYLE_NAMES) as DocxStyle[]).map(
    (id) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${STYLE_NAMES[id]}"/></w:style>`,
  );
  const characterStyles =
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>' +
    '<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/></w:style>';
  return `${XML_DECLARATION}<w:styles xmlns:w="${W}">${styles.join('')}${characterStyles}</w:styles>`;
}

function numberingXml(): string {
  const level = (format: string, text: string) =>
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  return (
    `${XML_DECLARATION}<w:numbering xmlns:w="${W}">` +
    `<w:abstractNum w:abstractNumId="0">${level('bullet', '•')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${level('decimal', '%1.')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '</w:numbering>'
  );
}

function coreXml(options: DocxOptions): string {
  const fields: string[] = [];
  if (options.title !== undefined) fields.push(`<dc:title>${escapeXml(options.title)}</dc:title>`);
  if (options.author !== undefined) fields.push(`<dc:creator>${escapeXml(options.author)}</dc:creator>`);
  if (options.created !== undefined) {
    fields.push(`<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(options.created)}</dcterms:created>`);
  }
  if (options.modified !== undefined) {
    fields.push(`<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(options.modified)}</dcterms:modified>`);
  }
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${fields.join('')}</cp:coreProperties>`
  );
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
}

/** Writes a .docx archive from the options: a document Word, LibreOffice and mammoth all open. */
export function makeDocx(options: DocxOptions = {}): Uint8Array {
  const notes: Notes = { footnotes: [], endnotes: [], comments: [] };
  const blocks = options.paragraphs ?? [];
  const generated = documentXml(blocks, notes);
  const lists = blocks.some((block) => !isTable(block) && block.list !== undefined);
  const parts: Array<{ name: string; data: string; type: string; rel?: string }> = [
    { name: 'word/document.xml', data: options.documentXml ?? generated, type: `${WORD_TYPE}.document.main+xml` },
    { name: 'word/styles.xml', data: stylesXml(), type: `${WORD_TYPE}.styles+xml`, rel: `${R}/styles` },
  ];
  if (lists) parts.push({ name: 'word/numbering.xml', data: numberingXml(), type: `${WORD_TYPE}.numbering+xml`, rel: `${R}/numbering` });
  if (notes.footnotes.length > 0) {
    parts.push({ name: 'word/footnotes.xml', data: notesXml('footnote', notes.footnotes), type: `${WORD_TYPE}.footnotes+xml`, rel: `${R}/footnotes` });
  }
  if (notes.endnotes.length > 0) {
    parts.push({ name: 'word/endnotes.xml', data: notesXml('endnote', notes.endnotes), type: `${WORD_TYPE}.endnotes+xml`, rel: `${R}/endnotes` });
  }
  if (notes.comments.length > 0) {
    parts.push({ name: 'word/comments.xml', data: commentsXml(notes.comments), type: `${WORD_TYPE}.comments+xml`, rel: `${R}/comments` });
  }
  parts.push({ name: 'docProps/core.xml', data: coreXml(options), type: 'application/vnd.openxmlformats-package.core-properties+xml' });

  const omitted = new Set(options.omit ?? []);
  const kept = parts.filter((part) => !omitted.has(part.name));
  const overrides = kept.map((part) => `<Override PartName="/${part.name}" ContentType="${part.type}"/>`).join('');
  const contentTypes =
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
  const packageRels =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">` +
    relationship('rId1', `${R}/officeDocument`, 'word/document.xml') +
    relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    '</Relationships>';
  const documentRels =
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS}">` +
    kept
      .filter((part) => part.rel !== undefined && part.name.startsWith('word/'))
      .map((part, index) => relationship(`rId${index + 1}`, part.rel ?? '', part.name.slice('word/'.length)))
      .join('') +
    '</Relationships>';
  const entries: ZipEntry[] = [
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRels },
    ...kept.map((part) => ({ name: part.name, data: part.data })),
    { name: 'word/_rels/document.xml.rels', data: documentRels },
    ...(options.extraEntries ?? []),
  ].filter((entry) => !omitted.has(entry.name));
  return makeZip(entries, options.zip);
}

/** A plain article: one Normal paragraph per string, with optional title, author and dates in docProps/core.xml. */
export function makeArticleDocx(
  paragraphs: readonly string[],
  info: Pick<DocxOptions, 'title' | 'author' | 'created' | 'modified'> = {},
): Uint8Array {
  return makeDocx({ ...info, paragraphs: paragraphs.map((text) => ({ text })) });
}
