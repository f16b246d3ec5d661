import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs, { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { SEEDS, temporaryFolder } from '../support/cli';
import { API_METHODS, type Api, type ApiMethod } from '../../src-main/contract/api';
import type { Note } from '../../src-main/contract/notes';
import type { AppErrorCode, Result } from '../../src-main/contract/result';
import { INPUT_SCHEMAS, validateInput } from '../../src-main/contract/schemas';
import { openLibrary } from '../../src-main/engine/in-process';
import { startEngineHost, type EngineHost } from '../../src-main/engine/host';
import { registerContract } from '../../src-main/electron/ipc';
import { methodChannel } from '../../src-main/electron/channels';
import { isInside } from '../../src-main/server/static-files';
import { BODY_LIMIT, startServer, type RunningServer } from '../../src-main/server/http-server';

// Every contract method, found from the contract's list, is called as the desktop app's IPC handlers and the HTTP
// host call it (schema first, then the engine) with generated hostile arguments: wrong types, prototype-pollution
// keys, strings of 1–10 MB, path tricks (traversal, absolute paths elsewhere, NUL, file:// URLs, symlinks into /etc,
// a FIFO, a device). Every answer must be a Result — a value or a typed error with a sentence — never a throw, an
// 'internal' error (what a caught throw becomes) or a crash, and nothing may be written outside the library folder.

const SLOW = Boolean(process.env.PARALLAX_SLOW);
/** Generated calls per method through IPC (in-process engine) and through HTTP (engine worker). */
const RUNS = Number(process.env.CONTRACT_FUZZ_RUNS ?? (SLOW ? 500 : 50));
const HTTP_RUNS = Math.max(1, Math.round(RUNS / 5));
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_103);

/** Error codes a caller may branch on; 'internal' is what a thrown exception turns into, so it counts as a crash. */
const TYPED_CODES = new Set<AppErrorCode>(['bad-request', 'bad-query', 'not-found', 'unreadable', 'storage', 'database-too-new', 'unsupported']);

const root = temporaryFolder('parallax-contract-fuzz-');
/** The only places anything may be written: the two libraries. */
const libraryDir = join(root.dir, 'library');
const httpLibraryDir = join(root.dir, 'library-http');
/** Files the reporter owns, read by ingest and never written. */
const sources = join(root.dir, 'sources');
/** Traps: symlinks into /etc, a FIFO and a device named like articles, a symlink loop. */
const sentinel = join(root.dir, 'sentinel');
/** The working folder during the fuzz, so relative paths land where they are watched. */
const work = join(root.dir, 'work', 'here');
const originalCwd = process.cwd();
/** Files outside the temporary folder that path tricks point at: their stat must not change. */
const OUTSIDE = ['/etc', '/etc/passwd', '/etc/hostname'];

/** Path strings that try to reach or write outside the library. */
function pathTricks(): string[] {
  return [
    '../../etc/passwd',
    `${'../'.repeat(12)}etc/passwd`,
    `${'../'.repeat(12)}etc/hostname.txt`,
    '/etc/passwd',
    '/etc/shadow',
    '/etc',
    'file:///etc/passwd',
    'file://localhost/etc/passwd',
    '\0',
    'a\0b.txt',
    '/etc/passwd\0.txt',
    '%2e%2e%2fetc%2fpasswd',
    '..\\..\\etc\\passwd',
    'C:\\Windows\\System32\\config\\SAM',
    '\\\\server\\share\\story.txt',
    '~/.ssh/id_rsa',
    '/dev/zero',
    '/dev/stdin',
    `${'a/'.repeat(2047)}b`,
    'x'.repeat(4096),
    'x'.repeat(4097),
    '.',
    '..',
    ' ',
    'nul',
    sentinel,
    join(sentinel, 'etc'),
    join(sentinel, 'etc', 'passwd'),
    join(sentinel, 'passwd.txt'),
    join(sentinel, 'zero.txt'),
    join(sentinel, 'pipe.txt'),
    join(sentinel, 'loop'),
    join(libraryDir, 'library.db'),
    libraryDir,
    sources,
  ];
}

/** Strings no field expects: control characters, lone surrogates, markup, SQL, format strings, prototype names. */
const oddStrings = fc.constantFrom(
  '',
  '\u0000',
  '\u0001\u0002',
  '\uD800',
  '\u202Eevil',
  '<script>alert(1)</script>',
  "'; DROP TABLE documents; --",
  '%s%n%x',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'x'.repeat(999),
  'x'.repeat(1000),
  'x'.repeat(1001),
  'x'.repeat(2001),
);

/** Strings of 1 to 10 MB (past every cap but the notebook import's). */
const hugeString = fc
  .tuple(fc.integer({ min: 1 << 20, max: 10 << 20 }), fc.constantFrom('x', 'é"\\\u0000', '../', 'Sheinbaum said ', '{"a":'))
  .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Inputs crafted to pollute Object.prototype if anything merged them naively. */
const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"toString":"polluted"}}'),
  JSON.parse('[{"__proto__":{"polluted":"yes"}}]'),
];

/** Any value at all: wrong types, nested objects, arrays, null, numbers JSON cannot carry, polluting keys. */
const anyValue = fc.oneof(
  fc.anything({
    maxDepth: 3,
    maxKeys: 4,
    key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'doc', 'paths', 'id', 'then')),
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom(null, undefined, true, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 53 + 2, 1e308, [], {}, [[]], { '': '' }),
  fc.constantFrom(...POLLUTERS),
);

/** What the fuzz knows about its library, so that generated values often name real things. */
interface Known {
  documents: string[];
  notes: string[];
  anchors: string[];
  stories: string[];
  notebooks: string[];
}

/** A text value suited to a field by its name: mostly real references (so calls reach the engine), else tricks. */
function textFor(key: string, known: Known): fc.Arbitrary<string> {
  const random = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', ' ', '.', '-', '"', '*', ':', '\u0000', '東'), maxLength: 12 });
  const hostile = fc.oneof({ weight: 4, arbitrary: oddStrings }, { weight: 4, arbitrary: random }, { weight: 1, arbitrary: hugeString });
  const pick = (values: string[], tricks: string[] = []) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...values) },
      { weight: tricks.length > 0 ? 3 : 0, arbitrary: fc.constantFrom(...tricks, '') },
      { weight: 2, arbitrary: hostile },
    );
  switch (key) {
    case 'doc':
    case 'paths':
    case 'docs':
    case 'within':
      return pick(known.documents, pathTricks());
    case 'story':
      return pick(known.stories);
    case 'id':
    case 'anchorId':
      return pick([...known.notes, ...known.anchors]);
    case 'query':
      return pick(['Sheinbaum', '"Title 50" OR JSOC', 'cartel*', 'outlet:news18', 'Sheinbam~1', '(a OR', 'NOT', '"']);
    case 'text':
      return pick(['We reject any form of intervention or interference', 'not imminent', ...known.notebooks], ['{"format":"parallax-notebook"}', '[]', 'null', '{']);
    case 'exact':
      return pick(['not imminent', 'Sheinbaum', 'the', 'Title 50']);
    case 'speaker':
      return pick(['Sheinbaum', 'Trump', 'Claudia Sheinbaum']);
    default:
      return pick(['strike', 'follow-up', '# Heading\n\n**bold** <b>html</b>']);
  }
}

/** The parts of a zod schema's definition this fuzz reads. */
interface SchemaDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  options?: unknown[];
  innerType?: unknown;
  entries?: Record<string, string>;
}

/** The definition zod keeps on every schema (zod 4's `_zod.def`). */
function defOf(schema: unknown): SchemaDef {
  return (schema as { _zod: { def: SchemaDef } })._zod.def;
}

/** Values of the right shape, read from the method's schema, filled with hostile but well-typed contents. */
function shaped(schema: unknown, known: Known, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = Object.entries(def.shape ?? {});
      const record = fc.record(Object.fromEntries(shape.map(([name, field]) => [name, shaped(field, known, name)])), {
        requiredKeys: shape.filter(([, field]) => defOf(field).type !== 'optional').map(([name]) => name),
      });
      // A selection usually ends after it starts, so that calls get past the schema to the engine.
      return fc.tuple(record, fc.boolean()).map(([value, ordered]) => {
        const { start, end } = value as { start?: unknown; end?: unknown };
        if (!ordered || typeof start !== 'number' || typeof end !== 'number' || end > start) return value;
        return { ...value, start: end, end: start === end ? start + 1 : start };
      });
    }
    case 'optional':
      return shaped(def.innerType, known, key);
    case 'nullable':
      return fc.oneof(fc.constant(null), shaped(def.innerType, known, key));
    case 'array':
      return fc.oneof(
        { weight: 3, arbitrary: fc.array(shaped(def.element, known, key), { minLength: 1, maxLength: 2 }) },
        { weight: 1, arbitrary: fc.array(shaped(def.element, known, key), { maxLength: 6 }) },
      );
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => shaped(option, known, key)));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(
        { weight: 4, arbitrary: fc.nat(60) },
        { weight: 1, arbitrary: fc.integer() },
        { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, NaN, Infinity) },
      );
    case 'string':
      return textFor(key, known);
    default:
      return anyValue;
  }
}

/** Hostile arguments for one method: anything at all, the right shape with hostile contents, or one field swapped. */
function hostileInput(method: ApiMethod, known: Known): fc.Arbitrary<unknown> {
  const schema = INPUT_SCHEMAS[method];
  const keys = Object.keys(defOf(schema).shape ?? {});
  const swapped = fc
    .tuple(
      shaped(schema, known),
      fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', 'then', 'extra'),
      fc.oneof({ weight: 4, arbitrary: anyValue }, { weight: 2, arbitrary: oddStrings }, { weight: 1, arbitrary: hugeString }),
    )
    .map(([input, key, value]) => {
      if (typeof input !== 'object' || input === null) return input;
      const copy = { ...input };
      Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.oneof(
        { weight: 4, arbitrary: anyValue },
        { weight: 1, arbitrary: hugeString },
        { weight: 2, arbitrary: oddStrings },
        { weight: 2, arbitrary: fc.constantFrom(...pathTricks()) },
      ),
    },
    { weight: 5, arbitrary: shaped(schema, known) },
    { weight: 3, arbitrary: swapped },
  );
}

/** A short description of an input for assertion messages (never megabytes). */
function show(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)) ?? String(input);
  } catch {
    text = String(input);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}

/** A Result: a value, or a typed error with a short sentence — not a caught throw, not a megabyte echo. */
function assertAnswer(method: ApiMethod, input: unknown, answer: unknown): void {
  const where = `${method}(${show(input)})`;
  assert.ok(typeof answer === 'object' && answer !== null && typeof (answer as { ok: unknown }).ok === 'boolean', `${where}: not a Result: ${show(answer)}`);
  const result = answer as Result<unknown>;
  if (result.ok) return;
  assert.ok(TYPED_CODES.has(result.error.code), `${where}: ${result.error.code}: ${result.error.message.slice(0, 300)}`);
  assert.equal(typeof result.error.message, 'string', where);
  assert.ok(result.error.message.trim().length > 0, `${where}: an empty message`);
  assert.ok(result.error.message.length < 5000, `${where}: a message of ${result.error.message.length} characters`);
  assert.doesNotMatch(result.error.message, /\n\s+at /, `${where}: a stack trace`);
}

/** Nothing may have polluted Object.prototype. */
function assertUnpolluted(): void {
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, 'Object.prototype was polluted');
  assert.equal(typeof probe.toString, 'function', 'Object.prototype.toString was replaced');
}

/** Every entry under `folder` (except `skip`) with its type, size, mtime and content hash; links with their target. */
function snapshot(folder: string, skip: readonly string[]): Map<string, string> {
  const entries = new Map<string, string>();
  const visit = (path: string) => {
    const stats = lstatSync(path);
    let seen = `${stats.mode}:${stats.size}:${stats.mtimeMs}`;
    if (stats.isSymbolicLink()) seen += `→${readlinkSync(path)}`;
    else if (stats.isFile()) seen += `:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    else if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!skip.includes(join(path, name))) visit(join(path, name));
    }
    entries.set(path, seen);
  };
  visit(folder);
  for (const path of OUTSIDE) {
    const stats = lstatSync(path);
    entries.set(path, `${stats.mode}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`);
  }
  return entries;
}

/** Paths node:fs was asked to write, create, move, delete or re-permission while the spy was on. */
const written: string[] = [];

/** Records every writing call through node:fs (sync, callback and promise forms) in this thread; returns its undo. */
function spyOnWrites(): () => void {
  const writers: Record<string, number[]> = {
    writeFile: [0], appendFile: [0], mkdir: [0], mkdtemp: [0], rename: [0, 1], rm: [0], rmdir: [0], unlink: [0],
    copyFile: [1], cp: [1], symlink: [1], link: [1], truncate: [0], chmod: [0], chown: [0], utimes: [0], lutimes: [0],
  };
  const writeFlags = fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND;
  const opensForWriting = (args: unknown[]) => {
    const flags = args[1];
    return typeof flags === 'number' ? (flags & writeFlags) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
  };
  const undo: (() => void)[] = [];
  const wrap = (target: object, name: string, positions: number[], writes: (args: unknown[]) => boolean = () => true) => {
    const holder = target as Record<string, unknown>;
    const original = holder[name];
    if (typeof original !== 'function') return;
    holder[name] = function (this: unknown, ...args: unknown[]) {
      if (writes(args)) for (const position of positions) written.push(String(args[position]));
      return (original as (...args: unknown[]) => unknown).apply(this, args);
    };
    undo.push(() => (holder[name] = original));
  };
  for (const [name, positions] of Object.entries(writers)) {
    wrap(fs, name, positions);
    wrap(fs, `${name}Sync`, positions);
    wrap(fs.promises, name, positions);
  }
  wrap(fs, 'createWriteStream', [0]);
  wrap(fs, 'open', [0], opensForWriting);
  wrap(fs, 'openSync', [0], opensForWriting);
  wrap(fs.promises, 'open', [0], opensForWriting);
  syncBuiltinESMExports();
  return () => {
    for (const step of undo) step();
    syncBuiltinESMExports();
  };
}

/** Sends one raw POST to the HTTP host; a reset is reported as status 0 (only acceptable for oversized bodies). */
function post(server: RunningServer, method: string, body: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolvePost) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolvePost({ status: response.statusCode ?? 0, body: text }));
        response.on('error', () => resolvePost({ status: 0, body: text }));
      },
    );
    outgoing.on('error', () => resolvePost({ status: 0, body: '' }));
    outgoing.end(body);
  });
}

/** JSON for an HTTP body: what a script could send (BigInts as numbers' text, Maps and Sets as objects). */
function toJson(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? '';
}

describe('every contract method with hostile arguments', () => {
  let library: ReturnType<typeof openLibrary>;
  let known: Known;
  let untouched: Map<string, string>;
  let engine: EngineHost;
  let server: RunningServer;
  const calls = new Map<ApiMethod, { reached: number; answered: number }>();

  before(async () => {
    mkdirSync(work, { recursive: true });
    mkdirSync(sentinel, { recursive: true });
    cpSync(SEEDS, sources, { recursive: true });
    writeFileSync(join(sentinel, 'untouched.txt'), 'A file beside the library that nothing may write.\n');
    symlinkSync('/etc', join(sentinel, 'etc'));
    symlinkSync('/etc/passwd', join(sentinel, 'passwd.txt'));
    symlinkSync('/dev/zero', join(sentinel, 'zero.txt'));
    symlinkSync('.', join(sentinel, 'loop'));
    execFileSync('mkfifo', [join(sentinel, 'pipe.txt')]);

    library = openLibrary(join(libraryDir, 'library.db'));
    const ingest = await library.engine.ingest({ paths: [sources] });
    assert.ok(ingest.ok && ingest.value.added === 5);
    const documents = library.engine.listDocuments({});
    assert.ok(documents.ok);
    const notes: Note[] = [];
    for (const [index, doc] of documents.value.slice(0, 3).entries()) {
      const note = library.engine.createNote({ body: `Note ${index}`, tags: ['fuzz'], passages: [{ doc: doc.id, start: 10, end: 40 }] });
      assert.ok(note.ok);
      notes.push(note.value);
    }
    const notebook = library.engine.exportNotes({ format: 'json' });
    assert.ok(notebook.ok);
    known = {
      documents: documents.value.flatMap((doc) => [doc.id, doc.path, doc.path.slice(root.dir.length + 1), `../../${doc.path.slice(root.dir.length + 1)}`]),
      notes: notes.map((note) => note.id),
      anchors: notes.flatMap((note) => note.anchors.map((anchor) => anchor.id)),
      stories: ['sources', 'no such story'],
      notebooks: [notebook.value.text, notebook.value.text.replace('{', '{"__proto__":{"polluted":"yes"},'), notebook.value.text.replaceAll(notes[0]!.id, 'other')],
    };

    engine = await startEngineHost({ dbFile: join(httpLibraryDir, 'library.db') });
    const served = await engine.api.ingest({ paths: [sources] });
    assert.ok(served.ok);
    server = await startServer({ api: engine.api, port: 0, staticDir: join(root.dir, 'no-static'), host: engine });

    untouched = snapshot(root.dir, [libraryDir, httpLibraryDir]);
    process.chdir(work);
  });

  after(async () => {
    process.chdir(originalCwd);
    await server?.close();
    await engine?.close();
    library?.close();
    root.cleanup();
  });

  test('ingest of paths outside the library reads, refuses with reasons, and never hangs on a FIFO or a device', async () => {
    const result = await library.engine.ingest({
      paths: ['/etc/passwd', join(sentinel, 'zero.txt'), join(sentinel, 'pipe.txt'), join(sentinel, 'loop'), 'file:///etc/passwd', `${'../'.repeat(12)}etc/hostname`, '\0'],
      story: 'tricks',
    });
    assert.ok(result.ok);
    const failed = new Map(result.value.failed.map((entry) => [entry.path, entry.error]));
    assert.match(failed.get('/etc/passwd') ?? '', /does not read/);
    assert.match(failed.get(join(sentinel, 'zero.txt')) ?? '', /device/);
    assert.match(failed.get(join(sentinel, 'pipe.txt')) ?? '', /named pipe/);
    assert.match(failed.get(resolve(work, 'file:///etc/passwd')) ?? '', /No such file/);
    for (const error of failed.values()) assert.match(error, /^[A-Z].*\.$/);
  });

  test(`through IPC (schema, then the engine in-process): ${RUNS} calls × ${API_METHODS.length} methods`, { timeout: 10 * 60_000 }, async (t) => {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    const rendererFile = join(root.dir, 'renderer', 'index.html');
    const frame = { url: pathToFileURL(rendererFile).href, frameToken: 'main', parent: null };
    const window = { isDestroyed: () => false, webContents: { mainFrame: frame } };
    const api = Object.fromEntries(
      API_METHODS.map((method) => [method, async (input: unknown) => (library.engine[method] as (input: unknown) => unknown)(input)]),
    ) as unknown as Api;
    registerContract({
      ipcMain: { handle: (channel: string, handler: never) => void handlers.set(channel, handler), removeHandler: (channel: string) => void handlers.delete(channel) },
      window: window as never,
      renderer: { kind: 'file', file: rendererFile },
      api,
    } as never);
    const event = { sender: window.webContents, senderFrame: frame };
    const stopSpying = spyOnWrites();
    try {
      for (const [index, method] of API_METHODS.entries()) {
        const handler = handlers.get(methodChannel(method));
        assert.ok(handler, `no IPC handler for ${method}`);
        const counts = { reached: 0, answered: 0 };
        calls.set(method, counts);
        await fc.assert(
          fc.asyncProperty(hostileInput(method, known), async (input) => {
            // IPC carries a structured clone of what the renderer sent.
            const sent = structuredClone(input);
            if (validateInput(method, sent).ok) counts.reached++;
            const answer = await handler(event, sent);
            assertAnswer(method, input, answer);
            assertUnpolluted();
            if ((answer as Result<unknown>).ok) counts.answered++;
          }),
          { numRuns: RUNS, seed: SEED + index },
        );
      }
    } finally {
      stopSpying();
    }
    const outside = written.map((path) => resolve(work, path)).filter((path) => !isInside(libraryDir, path));
    assert.deepEqual(outside, [], 'written outside the library');
    t.diagnostic(`${written.length} writing calls through node:fs, all inside the library folder`);
    t.diagnostic(
      `${API_METHODS.length * RUNS} calls; past the schema / answered with a value, per method: ` +
        [...calls].map(([method, counts]) => `${method} ${counts.reached}/${counts.answered}`).join(', '),
    );
    const unreached = [...calls].filter(([, counts]) => counts.reached === 0).map(([method]) => method);
    assert.deepEqual(unreached, [], 'every method gets past its schema with well-typed hostile values (see textFor)');
  });

  test(`through HTTP (JSON bodies, engine worker): ${HTTP_RUNS} calls × ${API_METHODS.length} methods, and raw bodies`, { timeout: 10 * 60_000 }, async (t) => {
    let requests = 0;
    let resets = 0;
    for (const [index, method] of API_METHODS.entries()) {
      await fc.assert(
        fc.asyncProperty(hostileInput(method, known), async (input) => {
          const body = toJson(input);
          const answer = await post(server, method, body);
          requests++;
          if (answer.status === 0 || answer.status === 413) {
            assert.ok(Buffer.byteLength(body) > BODY_LIMIT, `${method}(${show(input)}): status ${answer.status} for ${Buffer.byteLength(body)} bytes`);
            resets += answer.status === 0 ? 1 : 0;
            return;
          }
          assert.ok(answer.status === 200 || answer.status === 400, `${method}(${show(input)}): status ${answer.status}`);
          assertAnswer(method, input, JSON.parse(answer.body));
        }),
        { numRuns: HTTP_RUNS, seed: SEED + 1000 + index },
      );
    }
    const rawBodies: (string | Buffer)[] = [
      ...['', 'null', '[]', '"text"', '1', 'tru', '{"a":', '\uFEFF{}', '{"__proto__":{"polluted":"yes"}}', '['.repeat(100_000)],
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    ];
    for (const method of API_METHODS) {
      for (const body of rawBodies) {
        const answer = await post(server, method, body);
        requests++;
        assert.ok(answer.status === 200 || answer.status === 400, `${method} ${show(String(body))}: status ${answer.status}`);
        assertAnswer(method, String(body), JSON.parse(answer.body));
      }
    }
    assertUnpolluted();
    const alive = await post(server, 'listDocuments', '{}');
    assert.equal(alive.status, 200);
    assert.equal((JSON.parse(alive.body) as Result<unknown>).ok, true, 'the engine still answers');
    t.diagnostic(`${requests} requests; ${resets} oversized bodies cut off by a reset instead of a 413`);
  });

  test('nothing outside the libraries changed: sources, traps, the working folder, /etc', () => {
    const now = snapshot(root.dir, [libraryDir, httpLibraryDir]);
    const changed = [...new Set([...untouched.keys(), ...now.keys()])].filter((path) => untouched.get(path) !== now.get(path));
    assert.deepEqual(changed, []);
    assert.ok(untouched.size > 10);
  });
});
