import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SEEDS, temporaryFolder } from '../support/cli';
import { API_METHODS } from '../../src-main/contract/api';
import type { Note } from '../../src-main/contract/notes';
import type { Result } from '../../src-main/contract/result';
import { secureWebPreferences } from '../../src-main/electron/window';

// Source protection: nothing phones home, and what a reporter reads and writes never lands in a log. Statically, no
// source makes a network request off the machine and no telemetry package is installed. Dynamically, an article and
// a note carry marker words; `parallax serve` and the CLI are driven through ingest, search, notes and failing calls,
// and the markers must never appear in the server's output, in any CLI error, or in CLI output that is not the data
// the command exists to print.

/** Words of one sentence of the planted article: none of them occurs in the seeds or in any message. */
const ARTICLE_WORDS = ['quokka', 'vexhollow', 'bandicoots'];
const ARTICLE_SENTENCE = 'The quokka ledger of Vexhollow was signed by seventeen bandicoots at noon.';
/** Words of the planted note's body. */
const NOTE_WORDS = ['zephyrine', 'oubliette'];
const NOTE_BODY = 'Call the zephyrine archivist about the marmalade oubliette before Friday.';

/** The marker words found in a text, case-insensitively. */
function markersIn(text: string, words: readonly string[] = [...ARTICLE_WORDS, ...NOTE_WORDS]): string[] {
  const lower = text.toLowerCase();
  return words.filter((word) => lower.includes(word));
}

/** Source files of the app: main process, renderer, launchers. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.html', '.css'].includes(extname(entry.name))) files.push(path);
    }
  };
  for (const folder of ['src-main', 'src-renderer', 'bin']) visit(join(ROOT, folder));
  return files;
}

/** Code without comments and type-only imports (a URL in a comment or a type from node:http requests nothing). */
function codeOf(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/^\s*import\s+type\b[^;]*;/gm, '');
}

/** Ways code reaches the network, by name. */
const NETWORK: Readonly<Record<string, RegExp>> = {
  'fetch()': /\bfetch\s*\(/,
  XMLHttpRequest: /\bXMLHttpRequest\b/,
  WebSocket: /\bWebSocket\b/,
  EventSource: /\bEventSource\b/,
  sendBeacon: /\bsendBeacon\b/,
  'http(s).request/get': /\bhttps?\.(?:request|get)\s*\(/,
  'socket connect': /\b(?:net|tls)\.(?:connect|createConnection)\s*\(|\bnew\s+(?:net\.)?Socket\s*\(/,
  'network module': /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)(?:\/[a-z]+)?['"]/,
  'network package': new RegExp(
    String.raw`(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]` +
      String.raw`(?:axios|node-fetch|undici|got|ky|ws|socket\.io-client|request|superagent|needle|cross-fetch|isomorphic-fetch)['"]`,
  ),
  'Electron net, updater or crash reporter': /\b(?:net\.(?:request|fetch)|autoUpdater|crashReporter)\b/,
  'remote address': /\b(?:https?|wss?|ftp):\/\/(?!127\.0\.0\.1\b|localhost\b)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+/i,
};

/** Where a match is expected, and why it stays on the machine. Every entry must still match (no stale exceptions). */
const ALLOWED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'src-renderer/api/http-client.ts': {
    'fetch()': 'the workbench calls `parallax serve` on its own origin (relative /api/ URLs, checked below)',
    EventSource: 'ingest progress from its own origin (/api/events)',
  },
  'src-main/server/http-server.ts': { 'network module': 'the loopback server itself (createServer, bound to 127.0.0.1)' },
  'src-main/electron/native-binding.ts': {
    'remote address': "set-up only: node-gyp fetches Electron's headers once to build the database module for the desktop app",
  },
  'src-main/core/notes/export/web-annotation.ts': { 'remote address': 'the W3C JSON-LD context named in exports: an identifier, never fetched' },
};

/** Package names of telemetry, analytics, crash reporting and auto-update services. */
const TELEMETRY = new RegExp(
  [
    'sentry', 'analytics', 'telemetry', 'segment', 'mixpanel', 'amplitude', 'posthog', 'bugsnag', 'datadog', 'dd-trace', 'newrelic',
    'rollbar', 'honeybadger', 'crashlytics', 'applicationinsights', 'appcenter', 'logrocket', 'raygun', 'elastic-apm', 'opentelemetry',
    'firebase', 'electron-updater', 'update-electron-app', 'hotjar', 'matomo', 'plausible', 'umami', 'countly', 'fullstory', 'splunk',
    'loggly', 'logtail', 'statsd',
  ].join('|'),
  'i',
);

describe('no request leaves the machine', () => {
  test('no source makes a network request off the machine, outside an explicit allow-list', () => {
    const found: string[] = [];
    const used = new Set<string>();
    const files = sourceFiles();
    assert.ok(files.length > 50, `only ${files.length} source files found`);
    for (const file of files) {
      const name = relative(ROOT, file).split('\\').join('/');
      const code = codeOf(readFileSync(file, 'utf8'));
      for (const [check, pattern] of Object.entries(NETWORK)) {
        if (!pattern.test(code)) continue;
        if (ALLOWED[name]?.[check]) used.add(`${name}: ${check}`);
        else found.push(`${name}: ${check} (${pattern.exec(code)?.[0]})`);
      }
    }
    assert.deepEqual(found, [], 'network access outside the allow-list');
    const stale = Object.entries(ALLOWED).flatMap(([name, checks]) => Object.keys(checks).map((check) => `${name}: ${check}`)).filter((entry) => !used.has(entry));
    assert.deepEqual(stale, [], 'allow-list entries that no longer match: remove them');
  });

  test("the workbench's HTTP client only ever calls its own origin", () => {
    const code = codeOf(readFileSync(join(ROOT, 'src-renderer', 'api', 'http-client.ts'), 'utf8'));
    const fetches = [...code.matchAll(/\bfetch\s*\(\s*(.)(.)/g)];
    const sources = [...code.matchAll(/\bnew\s+EventSource\s*\(\s*(.)(.)/g)];
    assert.ok(fetches.length > 0 && sources.length > 0);
    for (const [call, quote, first] of [...fetches, ...sources]) {
      assert.ok(['`', "'", '"'].includes(quote ?? '') && first === '/', `${call}: not a relative URL`);
    }
    assert.doesNotMatch(code, /\bfetch\s*\(\s*[`'"]\/\//, 'a protocol-relative URL leaves the origin');
  });

  test('no telemetry, analytics, crash-reporting or auto-update package is installed', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'].flatMap((key) => Object.keys(manifest[key] ?? {}));
    assert.ok(declared.includes('better-sqlite3'));
    assert.deepEqual(declared.filter((name) => TELEMETRY.test(name)), []);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, '')).filter(Boolean);
    assert.ok(installed.length > declared.length);
    assert.deepEqual(installed.filter((name) => TELEMETRY.test(name)), [], 'a telemetry package in the dependency tree');
  });

  test("the desktop window downloads no spellcheck dictionaries (Chromium fetches them from Google's servers)", () => {
    assert.equal(secureWebPreferences('/preload.cjs').spellcheck, false);
  });
});

/** One child's output, gathered until it exits. */
interface Captured {
  stdout: string;
  stderr: string;
}

describe('logs never carry article or note text', () => {
  const folder = temporaryFolder('parallax-source-protection-');
  const sources = join(folder.dir, 'sources');
  const article = join(sources, 'marker-report.txt');

  before(() => {
    cpSync(SEEDS, sources, { recursive: true });
    writeFileSync(
      article,
      `Border talks resume\n\nOfficials met on Tuesday to discuss the plan. ${ARTICLE_SENTENCE} Nobody commented further.\n\n` +
        'A second paragraph says the talks will go on next week, according to two officials.\n',
    );
    const seedText = readFileSync(join(SEEDS, '003_ed9486401e0716a6.txt'), 'utf8');
    assert.deepEqual(markersIn(seedText), [], 'the marker words must be unique to the planted texts');
  });
  after(() => folder.cleanup());

  test('`parallax serve`: its stdout and stderr stay free of them through ingest, search, notes and failing calls', { timeout: 120_000 }, async (t) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'parallax.mjs'), 'serve', '--port', '0', '--db', join(folder.dir, 'served', 'library.db')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: Captured = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (log.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log.stderr += chunk.toString()));
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        const look = () => {
          const found = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(log.stdout);
          if (found?.[1]) resolve(new URL(found[1]));
        };
        child.stdout.on('data', look);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${log.stderr}`)));
      });
      const token = url.searchParams.get('token') ?? '';
      const raw = async (method: string, body: string, headers: Record<string, string> = { Authorization: `Bearer ${token}` }) => {
        const response = await fetch(new URL(`/api/${method}`, url), { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
        return { status: response.status, text: await response.text() };
      };
      const call = async <T>(method: string, input: unknown): Promise<Result<T>> => JSON.parse((await raw(method, JSON.stringify(input))).text) as Result<T>;
      /** A call that must fail without echoing the note's body in its error sentence. */
      const refused = async (method: string, input: unknown) => {
        const result = await call(method, input);
        assert.equal(result.ok, false, `${method} should fail`);
        if (!result.ok) assert.deepEqual(markersIn(result.error.message, NOTE_WORDS), [], `${method}: ${result.error.message}`);
      };

      assert.ok((await call('ingest', { paths: [sources] })).ok);
      const hits = await call<{ snippets: { text: string }[] }[]>('search', { query: 'quokka' });
      assert.ok(hits.ok && hits.value.length === 1 && markersIn(hits.value[0]!.snippets[0]!.text).length > 0, 'the article is found (its text is data)');
      assert.equal((await call('search', { query: '"quokka ledger' })).ok, false);
      assert.ok((await call('search', { query: 'Vexhollow', story: 'sources' })).ok);
      assert.ok((await call('getReaderView', { doc: article })).ok);
      assert.ok((await call('verifyQuote', { text: ARTICLE_SENTENCE })).ok);
      const note = await call<Note>('createNote', { body: NOTE_BODY, tags: ['border'], passages: [{ doc: article, exact: 'quokka ledger of Vexhollow' }] });
      assert.ok(note.ok, JSON.stringify(note));
      assert.ok((await call('updateNote', { id: note.value.id, body: `${NOTE_BODY} Again.` })).ok);
      for (const method of ['listNotes', 'listNoteTags', 'listQuotes', 'listClaims', 'listProvenance', 'getStoryComparison']) {
        assert.ok((await call(method, {})).ok, method);
      }
      const exported = await call<{ text: string }>('exportNotes', { format: 'json' });
      assert.ok(exported.ok && markersIn(exported.value.text, NOTE_WORDS).length > 0);

      await refused('createNote', { body: NOTE_BODY, passages: [{ doc: join(sources, 'absent.txt'), exact: 'quokka' }] });
      await refused('createNote', { body: NOTE_BODY, passages: [{ doc: article, exact: 'words that are not there' }] });
      await refused('createNote', { body: NOTE_BODY, passages: [{ doc: article, exact: 'the' }] });
      await refused('createNote', { body: NOTE_BODY, passages: [{ doc: article, start: 5, end: 100_000 }] });
      await refused('createNote', { body: NOTE_BODY.repeat(20_000), passages: [{ doc: article, exact: 'quokka' }] });
      await refused('updateNote', { id: 'no-such-note', body: NOTE_BODY });
      await refused('updateNote', { id: note.value.id, body: 7, tags: [NOTE_BODY] });
      await refused('addNotePassage', { id: 'no-such-note', passage: { doc: article, exact: ARTICLE_SENTENCE } });
      await refused('importNotes', { text: exported.value.text.slice(0, -40) });
      await refused('importNotes', { text: `{"format":"parallax-notebook","version":99,"notes":[{"body":"${NOTE_BODY}"}]}` });
      await refused('importNotes', { text: JSON.stringify({ format: 'parallax-notebook', notes: [{ id: 7, body: NOTE_BODY }] }) });
      // Requests refused before any method runs: their answers may name what was wrong, the log must not.
      await call('createNote', { [NOTE_BODY]: 1, passages: [] });
      assert.equal((await raw('createNote', `{"body":"${NOTE_BODY}",`)).status, 400);
      assert.equal((await raw('createNote', JSON.stringify({ body: NOTE_BODY.repeat(150_000) }))).status, 413);
      assert.equal((await raw('noSuchMethod', JSON.stringify({ body: NOTE_BODY }))).status, 404);
      assert.equal((await raw('createNote', JSON.stringify({ body: NOTE_BODY }), {})).status, 401);
      assert.ok((await call('deleteNote', { id: note.value.id })).ok);
      assert.ok(API_METHODS.length > 30);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      assert.equal(code, 0, log.stderr);
      t.diagnostic(`serve wrote ${log.stdout.length} characters to stdout and ${log.stderr.length} to stderr`);
      assert.deepEqual(markersIn(log.stdout), [], `stdout: ${log.stdout}`);
      assert.deepEqual(markersIn(log.stderr), [], `stderr: ${log.stderr}`);
      assert.equal((log.stdout + log.stderr).split(token).length - 1, 1, 'the token is printed once, in the URL, never again');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  test('the CLI: errors and non-data output stay free of them, with and without --json', { timeout: 120_000 }, async (t) => {
    const broken = join(folder.dir, 'broken-notebook.json');
    writeFileSync(broken, `{"format":"parallax-notebook","notes":[{"body":"${NOTE_BODY}"`);
    const foreign = join(folder.dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ format: 'something-else', notes: [{ body: NOTE_BODY }] }));
    const plain: [string[], 'all' | 'stderr'][] = [
      [['ingest', sources], 'all'],
      [['ingest', sources, '--story', 'again'], 'all'],
      [['docs'], 'all'],
      [['docs', '--story', 'sources'], 'all'],
      [['notes', 'add', '--doc', article, '--exact', 'quokka ledger of Vexhollow', '--body', NOTE_BODY, '--tag', 'border'], 'all'],
      [['notes', 'add', '--doc', join(sources, 'absent.txt'), '--exact', 'quokka', '--body', NOTE_BODY], 'all'],
      [['notes', 'add', '--doc', article, '--exact', 'words that are not there', '--body', NOTE_BODY], 'all'],
      [['notes', 'add', '--doc', article, '--exact', 'the', '--body', NOTE_BODY], 'all'],
      [['notes', 'add', '--doc', article, '--body', NOTE_BODY], 'all'],
      [['notes', 'add', '--exact', 'quokka', '--body', NOTE_BODY], 'all'],
      [['notes', 'import', broken], 'all'],
      [['notes', 'import', foreign], 'all'],
      [['notes', 'frobnicate', '--body', NOTE_BODY], 'all'],
      [['text', join(sources, 'absent.txt')], 'all'],
      [['search', 'quokka', '--limit', 'many'], 'all'],
      [['serve', '--port', 'none'], 'all'],
      // Commands whose purpose is to print the texts: their stdout is data, their stderr is checked.
      [['search', 'quokka'], 'stderr'],
      [['search', 'Vexhollow', '--story', 'sources'], 'stderr'],
      [['text', article], 'stderr'],
      [['verify', ARTICLE_SENTENCE], 'stderr'],
      [['quotes'], 'stderr'],
      [['compare', '--story', 'sources'], 'stderr'],
      [['claims', '--story', 'sources'], 'stderr'],
      [['provenance'], 'stderr'],
      [['notes', 'list'], 'stderr'],
      [['notes', 'export', '--format', 'md'], 'stderr'],
    ];
    const runs = plain.flatMap(([argv, checked]) => [
      { argv, checked },
      { argv: [...argv, '--json'], checked },
    ]);
    const dbFile = join(folder.dir, 'cli', 'library.db');
    mkdirSync(join(folder.dir, 'cli'));
    // One process runs every command through the real entry point, so that anything written to the process streams
    // (console.*, progress lines, stack traces) is captured; a separator line marks where each command starts.
    const script = `
      const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src-main', 'cli', 'main.ts')).href)});
      for (const [index, argv] of JSON.parse(process.env.PARALLAX_RUNS).entries()) {
        process.stdout.write('\\n@@' + index + '\\n');
        process.stderr.write('\\n@@' + index + '\\n');
        const status = await main([...argv, '--db', process.env.PARALLAX_DB]);
        process.stderr.write('\\n@@status ' + status + '\\n');
      }`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, PARALLAX_RUNS: JSON.stringify(runs.map((run) => run.argv)), PARALLAX_DB: dbFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: Captured = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (log.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log.stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0, log.stderr.slice(-2000));

    const split = (text: string) => text.split(/\n@@(\d+)\n/).slice(1);
    const byIndex = (parts: string[]) => new Map(Array.from({ length: parts.length / 2 }, (_, pair) => [Number(parts[2 * pair]), parts[2 * pair + 1] ?? '']));
    const stdout = byIndex(split(log.stdout));
    const stderr = byIndex(split(log.stderr));
    assert.equal(stderr.size, runs.length, 'every command ran');
    const statuses = runs.map((_, index) => Number(/@@status (\d+)/.exec(stderr.get(index) ?? '')?.[1]));
    assert.ok(statuses.filter((status) => status !== 0).length >= 20, 'many of the commands fail, so their error sentences are checked');
    assert.ok(markersIn(stdout.get(runs.findIndex((run) => run.argv[0] === 'text' && run.argv[1] === article)) ?? '').length > 0, 'the data commands do print the texts');
    const leaks: string[] = [];
    runs.forEach((run, index) => {
      const shown = `parallax ${run.argv.join(' ')}`.slice(0, 120);
      const errors = stderr.get(index) ?? '';
      // An error may quote back what the reporter typed (a passage, a query) but never a note's body.
      const typed = run.argv.join(' ').toLowerCase();
      const words = [...ARTICLE_WORDS.filter((word) => !typed.includes(word)), ...NOTE_WORDS];
      for (const word of markersIn(errors, words)) leaks.push(`${shown}: stderr has "${word}"`);
      if (run.checked === 'all') for (const word of markersIn(stdout.get(index) ?? '')) leaks.push(`${shown}: stdout has "${word}"`);
    });
    t.diagnostic(`${runs.length} commands, ${statuses.filter((status) => status !== 0).length} of them failing`);
    assert.deepEqual(leaks, []);
  });
});
