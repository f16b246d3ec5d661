/**
 * Names for the files attached to an e-mail: made safe to show and to use as a document's path suffix (no folders,
 * no bidirectional tricks, no device names), and chosen only for the formats Parallax reads.
 */

/** Longest attachment file name kept, in UTF-16 units (the extension is kept when cutting). */
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * Extensions of attachments handed on for ingestion, lowercase with the dot. Kept here rather than imported from
 * index.ts (which imports this module) so the two never form an import cycle; it lists the same formats.
 */
export const ATTACHMENT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.pdf', '.docx', '.eml'];

/** The extension an unnamed attachment gets from its MIME type. */
const EXTENSION_BY_TYPE: ReadonlyMap<string, string> = new Map([
  ['text/plain', '.txt'],
  ['text/markdown', '.md'],
  ['text/html', '.html'],
  ['application/xhtml+xml', '.xhtml'],
  ['application/pdf', '.pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
  ['message/rfc822', '.eml'],
]);

/** Bidirectional overrides and marks: "invoice\u202Efdp.exe" displays as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Characters Windows refuses in file names. */
const RESERVED_CHARACTERS = /[<>:"|?*]/g;
/** Device names Windows refuses as file names, with or without an extension. */
const RESERVED_NAMES = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** The extension of a file name, lowercase with the dot, or '' when it has none. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/**
 * A sender-supplied file name reduced to a safe base name: folders and ".." removed, control and bidirectional
 * characters removed, Windows-reserved characters replaced, leading dots and edge spaces trimmed, at most 200
 * characters (the extension kept). '' when nothing is left.
 */
export function safeFileName(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').replace(BIDI_CONTROLS, '');
  const base = cleaned.split(/[\\/]/).pop() ?? '';
  let name = base.replace(/\.{2,}/g, '.').replace(RESERVED_CHARACTERS, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED_NAMES.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_LENGTH) {
    const extension = extensionOf(name);
    const keep = extension.length <= 16 ? extension : '';
    name = `${name.slice(0, MAX_FILE_NAME_LENGTH - keep.length).trimEnd()}${keep}`;
  }
  return name;
}

/**
 * The name an attachment is handed on under, or null when it is skipped: images (inline or not) and files of a
 * format Parallax does not read. A name without an extension gets its MIME type's; a forwarded message (message/rfc822)
 * is always an .eml; an unnamed part is "attachment-N.<ext>".
 */
export function attachmentFileName(rawName: string | undefined, contentType: string, position: number): string | null {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return null;
  const name = safeFileName(rawName ?? '');
  const extension = extensionOf(name);
  const typeExtension = EXTENSION_BY_TYPE.get(type);
  if (name !== '' && ATTACHMENT_EXTENSIONS.includes(extension)) return name;
  if (typeExtension === undefined) return null;
  if (name === '') return `attachment-${position}${typeExtension}`;
  // "Budget talks" (Outlook names forwarded messages by subject) → "Budget talks.eml"; "notes.xlsx" is skipped.
  if (extension === '' || type === 'message/rfc822') return safeFileName(`${name.slice(0, MAX_FILE_NAME_LENGTH - typeExtension.length)}${typeExtension}`);
  return null;
}
