import type { EngineHandlers } from '../core/engine';
import type { Result } from '../contract/result';
import type { DocumentSummary, IngestReport } from '../contract/library';
import { RECENT_ORDER_NOTE, type SearchHitDetails } from '../contract/search';
import { CommandFailure, UsageError, type Output } from './output';
import { describeQuotes, describeVerification } from './describe-quotes';
import { describeClaims, describeProvenance } from './describe-compare';
import { notesCommand } from './notes-command';
import { printPassagePages } from './passage-pages';

/** Shared passages `compare` asks for at once (their texts are read per page). */
const PASSAGE_PAGE = 5000;

/** What a command receives: the engine, its arguments and where to write. */
export interface CommandContext {
  engine: EngineHandlers;
  positionals: string[];
  options: {
    json?: boolean; story?: string; limit?: string; raw?: boolean; port?: string; db?: string; debug?: boolean; doc?: string;
    speaker?: string; docs?: string; exact?: string; body?: string; tag?: string[]; format?: string; orphans?: boolean; trash?: boolean;
  };
  output: Output;
}

/** One `parallax` subcommand. */
export interface Command {
  /** Checks the arguments before the library is opened; throws UsageError. */
  validate?(positionals: string[], options: CommandContext['options']): void;
  run(context: CommandContext): Promise<number> | number;
  /** False for commands that open the library themselves (serve runs it in the engine host); `engine` is then unset. */
  opensLibrary?: false;
}

/** The help text. */
export const USAGE = `Usage: parallax COMMAND [options]

Commands:
  ingest PATH... [--story NAME]      add or update files and folders (txt, md, html)
  docs [--story NAME]                list the documents in the library
  text DOC [--raw]                   print a document's reading text (--raw: before boilerplate removal)
  search QUERY [--limit N] [--story NAME]
                                     search the library, or one story's passages
  quotes [--doc DOC] [--speaker NAME] [--story NAME]
                                     list quotes with their speaker and the cluster of the same quote elsewhere
  verify "TEXT" [--story NAME]       find where a quote appears: verbatim, altered (with the changes), or nowhere
  compare [--docs DOC,DOC,...] [--story NAME]
                                     passages documents share, verbatim or nearly (each pair once)
  claims [--story NAME]              matching sentences across sources, with their independent origins
  provenance [--story NAME]          which outlets each source credits ("according to NBC News", "(AP)")
  notes add --doc DOC --exact TEXT [--body TEXT] [--tag T]...
                                     note a passage (words that appear once in the document)
  notes list [--tag T] [--orphans] [--trash]
                                     list notes with their passages and whether each is still found
  notes export --format md|json|csv|w3c
                                     print the notebook: Markdown with citations, JSON, CSV or W3C Web Annotations
  notes import FILE                  import a JSON export (notes already present are left alone)
  serve [--port N]                   serve the workbench on 127.0.0.1 and print its URL (until Ctrl-C)

Options:
  --db FILE     the library file (default: $PARALLAX_HOME/library.db or the app-data folder)
  --json        print exactly one JSON value on stdout
  --debug       show stack traces on failure

DOC is a document id or its path. Query syntax: words, "phrases", +must, -not, AND/OR/NOT, (groups),
field:term (title, outlet, byline, text), prefix*, fuzzy~1, term^2.`;

/** A comma-separated list of document ids or paths, blanks dropped. */
function splitList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** Unwraps a result: usage-type errors exit 2, others 1. */
async function unwrap<T>(pending: Result<T> | Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  if (result.error.code === 'bad-query' || result.error.code === 'bad-request') throw new UsageError(result.error.message);
  throw new CommandFailure(result.error.message);
}

function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}

function describeIngest(report: IngestReport): string {
  const lines = [`Added ${report.added}, updated ${report.updated}, unchanged ${report.unchanged}, missing ${report.missing}.`];
  if (report.failed.length > 0) {
    lines.push(`${report.failed.length} ${report.failed.length === 1 ? 'file was' : 'files were'} not read:`);
    for (const failure of report.failed) lines.push(`  ${failure.path}: ${failure.error}`);
  }
  return lines.join('\n');
}

function describeDocuments(documents: DocumentSummary[]): string {
  if (documents.length === 0) return 'The library is empty. Add files with "parallax ingest PATH".';
  return documents
    .map((doc) => {
      const date = doc.published?.slice(0, 10) ?? '          ';
      const source = [doc.outlet, doc.byline].filter(Boolean).join(', ');
      return `${doc.id}  ${date}  ${doc.title ?? '(untitled)'}${source ? ` — ${source}` : ''}\n    ${doc.path}`;
    })
    .join('\n');
}

function describeHits(hits: SearchHitDetails[]): string {
  if (hits.length === 0) return 'No matches.';
  const note = hits[0]!.order === 'recent' ? `${RECENT_ORDER_NOTE}\n` : '';
  return note + hits
    .map((hit, index) => {
      const snippets = hit.snippets.map((snippet) => `    …${snippet.text.replace(/\s+/g, ' ')}…`).join('\n');
      return `${index + 1}. ${hit.title ?? '(untitled)'}  [${hit.id}, score ${hit.score}]\n    ${hit.path}\n${snippets}`;
    })
    .join('\n');
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10000) throw new UsageError('--limit takes a whole number from 1 to 10000.');
  return limit;
}

/** The commands by name. */
export const COMMANDS: Record<string, Command> = {
  ingest: {
    validate(positionals) {
      if (positionals.length === 0) throw new UsageError('Give at least one file or folder to ingest.');
    },
    async run({ engine, positionals, options, output }) {
      const report = await unwrap(engine.ingest({ paths: positionals, story: options.story }));
      if (options.json) printJson(output, report);
      else output.out(describeIngest(report));
      return 0;
    },
  },
  docs: {
    validate(positionals) {
      if (positionals.length > 0) throw new UsageError('"docs" takes no arguments.');
    },
    async run({ engine, options, output }) {
      // The CLI's shape (CLI.md) has no missing flag: the workbench's list has.
      const documents = (await unwrap(engine.listDocuments({ story: options.story }))).map(({ missing: _missing, ...summary }) => summary);
      if (options.json) printJson(output, documents);
      else output.out(describeDocuments(documents));
      return 0;
    },
  },
  text: {
    validate(positionals) {
      if (positionals.length !== 1) throw new UsageError('"text" takes one document id or path.');
    },
    async run({ engine, positionals, options, output }) {
      const { text } = await unwrap(engine.getDocumentText({ doc: positionals[0]!, raw: options.raw }));
      output.write(text);
      return 0;
    },
  },
  search: {
    validate(positionals, options) {
      if (positionals.length === 0) throw new UsageError('"search" needs a query.');
      parseLimit(options.limit);
    },
    async run({ engine, positionals, options, output }) {
      const hits = await unwrap(engine.search({ query: positionals.join(' '), limit: parseLimit(options.limit), story: options.story }));
      if (options.json) printJson(output, hits.map(({ highlights: _highlights, order: _order, ...hit }) => hit));
      else output.out(describeHits(hits));
      return 0;
    },
  },
  quotes: {
    validate(positionals) {
      if (positionals.length > 0) throw new UsageError('"quotes" takes no arguments: filter with --doc, --speaker and --story.');
    },
    async run({ engine, options, output }) {
      const quotes = await unwrap(engine.listQuotes({ doc: options.doc, speaker: options.speaker, story: options.story }));
      if (options.json) printJson(output, quotes);
      else output.out(describeQuotes(quotes));
      return 0;
    },
  },
  verify: {
    validate(positionals) {
      if (positionals.join(' ').trim() === '') throw new UsageError('"verify" needs the words of the quote.');
    },
    async run({ engine, positionals, options, output }) {
      const verification = await unwrap(engine.verifyQuote({ text: positionals.join(' '), story: options.story }));
      if (options.json) printJson(output, verification);
      else output.out(describeVerification(verification, options.story));
      return 0;
    },
  },
  compare: {
    validate(positionals, options) {
      if (positionals.length > 0) throw new UsageError('"compare" takes no arguments: choose documents with --docs DOC,DOC or a story with --story.');
      if (options.docs !== undefined && options.story !== undefined) throw new UsageError('Give either --docs or --story, not both.');
      if (options.docs !== undefined && splitList(options.docs).length < 2) throw new UsageError('--docs takes at least two documents, separated by commas.');
    },
    async run({ engine, options, output }) {
      const docs = options.docs === undefined ? undefined : splitList(options.docs);
      await printPassagePages((offset) => unwrap(engine.comparePassagePage({ docs, story: options.story, offset, limit: PASSAGE_PAGE })), options.json === true, output);
      return 0;
    },
  },
  claims: {
    validate(positionals) {
      if (positionals.length > 0) throw new UsageError('"claims" takes no arguments: choose a story with --story.');
    },
    async run({ engine, options, output }) {
      const claims = await unwrap(engine.listClaims({ story: options.story }));
      // The JSON contract's shape: sources without the origin each rests on (the text output shows it).
      if (options.json) printJson(output, claims.map((claim) => ({ ...claim, sources: claim.sources.map(({ origin: _origin, ...source }) => source) })));
      else output.out(describeClaims(claims));
      return 0;
    },
  },
  provenance: {
    validate(positionals) {
      if (positionals.length > 0) throw new UsageError('"provenance" takes no arguments: choose a story with --story.');
    },
    async run({ engine, options, output }) {
      const edges = await unwrap(engine.listProvenance({ story: options.story }));
      if (options.json) printJson(output, edges);
      else output.out(describeProvenance(edges));
      return 0;
    },
  },
  notes: notesCommand,
  serve: {
    opensLibrary: false,
    validate(positionals, options) {
      if (positionals.length > 0) throw new UsageError('"serve" takes no arguments.');
      const port = Number(options.port ?? 0);
      if (!/^\d+$/.test(options.port ?? '0') || port > 65535) throw new UsageError('--port takes a whole number from 0 to 65535.');
    },
    async run({ options, output }) {
      const { serve, builtWorkbenchDir } = await import('../server/serve');
      const { defaultLibraryPath } = await import('../core/store/location');
      return serve({
        dbFile: options.db ?? defaultLibraryPath(),
        port: Number(options.port ?? 0),
        staticDir: builtWorkbenchDir(),
        print: output.out,
        warn: output.error,
      });
    },
  },
};
