/**
 * A small PDF 1.4 writer for tests: real objects, an xref table with exact byte offsets and a trailer, text in the
 * standard Helvetica font with WinAnsiEncoding. Enough to exercise the PDF parser (pages, columns, running headers,
 * scans, encryption, hostile actions) without a PDF library. The file is pure ASCII, so string length = byte length.
 */

/** Page size (US Letter, points) and the layout every page shares. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const MARGIN = 72;
const DEFAULT_FONT_SIZE = 11;
const DEFAULT_LEADING = 14;
/** Left edge of the right column and width of each column in two-column pages. */
const COLUMN_GAP = 36;
const COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN - COLUMN_GAP) / 2;

/** One line of text placed explicitly; a plain string in `lines` is laid out on the next row at the left margin. */
export interface PdfLine {
  text: string;
  /** Left edge in points from the page's left side (default: the margin, plus `indent`). */
  x?: number;
  /** Baseline in points from the page's top (default: the next row). */
  top?: number;
  /** Font size in points (default 11). */
  size?: number;
  /** Extra indentation in points for a first-line indent (default 0). */
  indent?: number;
}

/** One page. Rows run top to bottom from the top margin, one row per line; an empty string leaves a blank row. */
export interface PdfPage {
  /** Single-column text, or the left column when `rightColumn` is given. */
  lines?: (string | PdfLine)[];
  /** Makes a two-column page: `lines` fill the left column, these the right one, both starting at the same row. */
  rightColumn?: (string | PdfLine)[];
  /** Lines spanning the full width above the columns (a headline over a two-column page). */
  above?: string[];
  /** Draws a small grey image covering the page's body and no text at all: what a scanned page looks like. */
  image?: boolean;
}

/** The Info dictionary; values are written as PDF text strings (dates as "D:YYYYMMDDHHmmSS..." raw strings). */
export interface PdfInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Creator?: string;
  Producer?: string;
  /** A PDF date string, e.g. "D:20240305" or "D:20240305143000+01'00'". */
  CreationDate?: string;
}

/** Everything makePdf can write. */
export interface PdfOptions {
  pages: PdfPage[];
  info?: PdfInfo;
  /** A running header printed at the top of every page (above the first row). */
  header?: string;
  /** A running footer printed at the bottom of every page. */
  footer?: string;
  /** Prints the bare page number centred at the bottom of every page. */
  pageNumbers?: boolean;
  /** Font size and line spacing of the body text in points (defaults 11 and 14). */
  fontSize?: number;
  leading?: number;
  /** Adds an /Encrypt dictionary (standard handler, RC4 40-bit) whose password checks fail: a password-protected file. */
  encrypt?: boolean;
  /** Hostile extras on page 1: a JavaScript OpenAction, a /URI link and a /Launch action. */
  hostile?: { javaScript?: string; uri?: string; launch?: string };
}

/** Windows-1252 codes 0x80–0x9F for the characters that are not Latin-1. */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** A PDF literal string "(...)" of WinAnsi codes: ( ) \ escaped, bytes outside printable ASCII as octal, others "?". */
export function pdfString(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    const byte = WIN_ANSI_EXTRA[char] ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code >= 0xa0) ? code : 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

/** A text-showing operation at (x, top) measured from the page's top-left corner. */
function textOp(text: string, x: number, top: number, size: number): string {
  return `BT /F1 ${size} Tf ${x.toFixed(2)} ${(PAGE_HEIGHT - top).toFixed(2)} Td ${pdfString(text)} Tj ET`;
}

/** Content-stream operations for a column of lines starting at row `firstTop`; returns the ops and the next row. */
function columnOps(lines: (string | PdfLine)[], left: number, firstTop: number, size: number, leading: number): string[] {
  const ops: string[] = [];
  let top = firstTop;
  for (const line of lines) {
    const spec: PdfLine = typeof line === 'string' ? { text: line } : line;
    const lineTop = spec.top ?? top;
    if (spec.text !== '') ops.push(textOp(spec.text, spec.x ?? left + (spec.indent ?? 0), lineTop, spec.size ?? size));
    top = lineTop + leading;
  }
  return ops;
}

/** A grey 4×4 image drawn over the page body, hex-encoded so the file stays ASCII. */
function imageOps(): string[] {
  return [`q ${PAGE_WIDTH - 2 * MARGIN} 0 0 ${PAGE_HEIGHT - 2 * MARGIN} ${MARGIN} ${MARGIN} cm /Im1 Do Q`];
}

const IMAGE_STREAM = `${'80a0c0e0'.repeat(4)}>`;

/** The content stream of one page. */
function pageContent(page: PdfPage, index: number, options: PdfOptions): string {
  const size = options.fontSize ?? DEFAULT_FONT_SIZE;
  const leading = options.leading ?? DEFAULT_LEADING;
  const ops: string[] = [];
  if (options.header !== undefined) ops.push(textOp(options.header, MARGIN, MARGIN - 30, 9));
  if (page.image === true) ops.push(...imageOps());
  let top = MARGIN + size;
  if (page.above !== undefined) {
    ops.push(...columnOps(page.above, MARGIN, top, size, leading));
    top += leading * (page.above.length + 1);
  }
  if (page.rightColumn === undefined) {
    ops.push(...columnOps(page.lines ?? [], MARGIN, top, size, leading));
  } else {
    ops.push(...columnOps(page.lines ?? [], MARGIN, top, size, leading));
    ops.push(...columnOps(page.rightColumn, MARGIN + COLUMN_WIDTH + COLUMN_GAP, top, size, leading));
  }
  if (options.footer !== undefined) ops.push(textOp(options.footer, MARGIN, PAGE_HEIGHT - MARGIN + 30, 9));
  if (options.pageNumbers === true) ops.push(textOp(String(index + 1), PAGE_WIDTH / 2 - 3, PAGE_HEIGHT - MARGIN + 44, 9));
  return ops.join('\n');
}

/** Writes a complete PDF file from the options: catalog, page tree, pages, font, optional Info, Encrypt, actions. */
export function makePdf(options: PdfOptions): Uint8Array {
  const objects: string[] = [];
  /** Reserves an object number; its body is set later (objects may refer to each other). */
  const reserve = (): number => objects.push('') ;
  const set = (id: number, body: string): void => {
    objects[id - 1] = body;
  };
  const stream = (dictionary: string, data: string): string => `<< ${dictionary} /Length ${data.length} >>\nstream\n${data}\nendstream`;

  const catalog = reserve();
  const pageTree = reserve();
  const font = reserve();
  set(font, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = reserve();
  set(image, stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode', IMAGE_STREAM));

  const pageIds: number[] = [];
  let openAction = '';
  options.pages.forEach((page, index) => {
    const pageId = reserve();
    const contents = reserve();
    set(contents, stream('', pageContent(page, index, options)));
    const annotations: number[] = [];
    if (index === 0 && options.hostile?.uri !== undefined) {
      const link = reserve();
      set(link, `<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Border [0 0 0] /A << /S /URI /URI ${pdfString(options.hostile.uri)} >> >>`);
      annotations.push(link);
    }
    if (index === 0 && options.hostile?.launch !== undefined) {
      const launch = reserve();
      set(launch, `<< /Type /Annot /Subtype /Link /Rect [72 650 300 670] /A << /S /Launch /F ${pdfString(options.hostile.launch)} /NewWindow true >> >>`);
      annotations.push(launch);
    }
    const annots = annotations.length === 0 ? '' : ` /Annots [${annotations.map((id) => `${id} 0 R`).join(' ')}]`;
    const pageActions = index === 0 && options.hostile?.javaScript !== undefined
      ? ` /AA << /O << /S /JavaScript /JS ${pdfString(options.hostile.javaScript)} >> >>`
      : '';
    set(pageId, `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${contents} 0 R${annots}${pageActions} >>`);
    pageIds.push(pageId);
  });
  if (options.hostile?.javaScript !== undefined) {
    const action = reserve();
    set(action, `<< /Type /Action /S /JavaScript /JS ${pdfString(options.hostile.javaScript)} >>`);
    const names = reserve();
    set(names, `<< /Names [(open) ${action} 0 R] >>`);
    openAction = ` /OpenAction ${action} 0 R /Names << /JavaScript ${names} 0 R >>`;
  }
  set(pageTree, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  set(catalog, `<< /Type /Catalog /Pages ${pageTree} 0 R${openAction} >>`);

  let infoId: number | null = null;
  if (options.info !== undefined) {
    infoId = reserve();
    const entries = Object.entries(options.info).filter((entry): entry is [string, string] => entry[1] !== undefined);
    set(infoId, `<< ${entries.map(([key, value]) => `/${key} ${pdfString(value)}`).join(' ')} >>`);
  }
  let encryptId: number | null = null;
  if (options.encrypt === true) {
    encryptId = reserve();
    // Standard security handler, revision 2; /O and /U are arbitrary, so neither the empty user password nor any
    // owner password checks out and a reader must ask for a password.
    set(encryptId, `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'5a'.repeat(32)}> /U <${'a5'.repeat(32)}> >>`);
  }

  let file = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(file.length);
    file += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = file.length;
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = `<${'0123456789abcdef'.repeat(2)}>`;
  const trailerInfo = infoId === null ? '' : ` /Info ${infoId} 0 R`;
  const trailerEncrypt = encryptId === null ? '' : ` /Encrypt ${encryptId} 0 R`;
  file += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${trailerInfo}${trailerEncrypt} /ID [${id} ${id}] >>\n`;
  file += `startxref\n${xrefOffset}\n%%EOF\n`;
  return new TextEncoder().encode(file);
}

/** Options of makeArticlePdf beyond the Info dictionary. */
export interface ArticlePdfOptions extends Omit<PdfOptions, 'pages' | 'info'> {
  /** Characters per line when wrapping (default 80, about the body width in 11-point Helvetica). */
  lineChars?: number;
  /** Rows per page before a new page starts (default 44). */
  rowsPerPage?: number;
}

/** Splits a paragraph into lines of at most `width` characters at spaces (a longer word gets a line of its own). */
export function wrapParagraph(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lays out an article: paragraphs wrapped into lines, a blank row between paragraphs, a new page when one is full.
 * Paragraph breaks come from the blank rows, so the parser's paragraphs should match the input's.
 */
export function makeArticlePdf(paragraphs: string[], info?: PdfInfo, options: ArticlePdfOptions = {}): Uint8Array {
  const lineChars = options.lineChars ?? 80;
  const rowsPerPage = options.rowsPerPage ?? 44;
  const pages: PdfPage[] = [];
  let rows: string[] = [];
  for (const paragraph of paragraphs) {
    const lines = wrapParagraph(paragraph, lineChars);
    if (lines.length === 0) continue;
    for (const line of lines) {
      if (rows.length >= rowsPerPage) {
        pages.push({ lines: rows });
        rows = [];
      }
      rows.push(line);
    }
    if (rows.length > 0 && rows.length < rowsPerPage) rows.push('');
  }
  if (rows.length > 0 || pages.length === 0) pages.push({ lines: rows });
  const { lineChars: _lineChars, rowsPerPage: _rows, ...rest } = options;
  return makePdf({ ...rest, pages, ...(info === undefined ? {} : { info }) });
}
