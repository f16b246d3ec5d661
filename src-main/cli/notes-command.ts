import { readFileSync } from 'node:fs';
import type { Command, CommandContext } from './commands';
import type { Result } from '../contract/result';
import { NOTE_EXPORT_FORMATS, type Note, type NoteExportFormat } from '../contract/notes';
import { CommandFailure, UsageError } from './output';

/** The actions of `parallax notes`. */
const ACTIONS = ['add', 'list', 'export', 'import'] as const;

/** Unwraps a result: usage-type errors exit 2, others 1. */
async function unwrap<T>(pending: Result<T> | Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  if (result.error.code === 'bad-request') throw new UsageError(result.error.message);
  throw new CommandFailure(result.error.message);
}

/** A note as `parallax notes list --json` prints it (CLI.md): anchors with the noted text and where it is now. */
export function listedNote(note: Note): unknown {
  return {
    id: note.id,
    body: note.body,
    tags: note.tags,
    anchors: note.anchors.map((anchor) => ({
      docId: anchor.docId,
      path: anchor.path,
      exact: anchor.selector.exact,
      start: anchor.start,
      end: anchor.end,
      state: anchor.state,
    })),
  };
}

/** Notes as lines a reporter reads in a terminal. */
function describeNotes(notes: readonly Note[]): string {
  if (notes.length === 0) return 'No notes.';
  return notes
    .map((note) => {
      const heading = note.body.split('\n').find((line) => line.trim())?.trim() ?? '(no text)';
      const tags = note.tags.length > 0 ? `  ${note.tags.map((tag) => `#${tag}`).join(' ')}` : '';
      const passages = note.anchors.map((anchor) => {
        const where = anchor.state === 'orphan' ? (anchor.orphanReason === 'source-missing' ? 'orphan: source missing' : 'orphan: not found') : `${anchor.start}–${anchor.end}`;
        const words = anchor.selector.exact.replace(/\s+/g, ' ');
        return `    [${anchor.state}] ${anchor.path} (${where}): “${words.length > 80 ? `${words.slice(0, 79)}…` : words}”`;
      });
      return [`${note.id}  ${heading}${tags}`, ...passages].join('\n');
    })
    .join('\n');
}

/** `parallax notes add|list|export|import`: the notebook from the command line. */
export const notesCommand: Command = {
  validate(positionals, options) {
    const [action, ...rest] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`"notes" takes one of: ${ACTIONS.join(', ')}.`);
    if (action === 'add') {
      if (rest.length > 0) throw new UsageError('"notes add" takes its passage as --doc DOC --exact TEXT.');
      if (!options.doc || !options.exact) throw new UsageError('"notes add" needs --doc DOC and --exact TEXT.');
    } else if (action === 'export') {
      if (rest.length > 0) throw new UsageError('"notes export" takes no arguments: choose a format with --format.');
      if (!options.format || !(NOTE_EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`"notes export" needs --format ${NOTE_EXPORT_FORMATS.join('|')}.`);
      }
    } else if (action === 'import') {
      if (rest.length !== 1) throw new UsageError('"notes import" takes one file (a JSON export).');
    } else if (rest.length > 0) {
      throw new UsageError('"notes list" takes no arguments.');
    }
  },
  async run({ engine, positionals, options, output }: CommandContext) {
    const [action, file] = positionals;
    if (action === 'add') {
      const note = await unwrap(engine.createNote({ body: options.body ?? '', tags: options.tag ?? [], passages: [{ doc: options.doc!, exact: options.exact! }] }));
      const state = note.anchors[0]?.state ?? 'orphan';
      if (options.json) output.out(JSON.stringify({ id: note.id, state }));
      else output.out(`Added note ${note.id} (${state}).`);
    } else if (action === 'list') {
      const notes = await unwrap(engine.listNotes({ tag: options.tag?.[0], orphans: options.orphans || undefined, trash: options.trash || undefined }));
      if (options.json) output.out(JSON.stringify(notes.map(listedNote), null, 2));
      else output.out(describeNotes(notes));
    } else if (action === 'export') {
      const exported = await unwrap(engine.exportNotes({ format: options.format as NoteExportFormat }));
      output.write(exported.text);
    } else {
      let text: string;
      try {
        text = readFileSync(file!, 'utf8');
      } catch (error) {
        throw new CommandFailure(`The file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      }
      const report = await unwrap(engine.importNotes({ text }));
      if (options.json) output.out(JSON.stringify(report));
      else output.out(`Imported ${report.imported} notes; ${report.skipped} already in the library; ${report.orphanedAnchors} passages found no document.`);
    }
    return 0;
  },
};
