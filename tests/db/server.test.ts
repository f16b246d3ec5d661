import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { ROOT, SEEDS, temporaryFolder } from '../support/cli';
import { startEngineHost, type EngineHost } from '../../src-main/engine/host';
import { CONTENT_SECURITY_POLICY } from '../../src-main/server/access';
import { BODY_LIMIT, startServer, type RunningServer } from '../../src-main/server/http-server';
import type { DocumentSummary, IngestReport } from '../../src-main/contract/library';
import type { Result } from '../../src-main/contract/result';
import type { SearchHit } from '../../src-main/contract/search';

const SECRET = 'secret-outside-the-static-folder';
const PAGE = '<!doctype html><title>Parallax test page</title>';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Every answer the server gave in this file, to check that none carries CORS headers. */
const answers: Answer[] = [];

/** One raw HTTP request: exact path (no client-side normalization) and any Host/Origin header. */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        const answer = { status: response.statusCode ?? 0, headers: response.headers, body };
        answers.push(answer);
        resolve(answer);
      });
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Sends bytes exactly as given over a plain socket (no client-side header rules) and returns what comes back. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('parallax serve over HTTP', () => {
  const folder = temporaryFolder();
  const staticDir = join(folder.dir, 'static');
  let engine: EngineHost;
  let server: RunningServer;
  let auth: Record<string, string>;

  /** Calls a contract method with the bearer token. */
  async function call<T>(method: string, input: unknown): Promise<{ status: number; result: Result<T> }> {
    const answer = await send(server.port, `/api/${method}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return { status: answer.status, result: JSON.parse(answer.body) as Result<T> };
  }

  before(async () => {
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), PAGE);
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);\n');
    writeFileSync(join(folder.dir, 'package.json'), JSON.stringify({ secret: SECRET }));
    engine = await startEngineHost({ dbFile: join(folder.dir, 'library.db') });
    server = await startServer({ api: engine.api, port: 0, staticDir, host: engine });
    auth = { Authorization: `Bearer ${server.token}` };
  });
  after(async () => {
    await engine.close();
    folder.cleanup();
  });

  test('it listens on 127.0.0.1 only and prints a token URL', () => {
    const address = server.server.address();
    assert.ok(address && typeof address === 'object');
    assert.equal(address.address, '127.0.0.1');
    assert.equal(address.port, server.port);
    assert.equal(server.url, `http://127.0.0.1:${server.port}/?token=${server.token}`);
    assert.match(server.token, /^[A-Za-z0-9_-]{32}$/);
  });

  test('without the token nothing is served', async () => {
    for (const answer of [
      await send(server.port, '/'),
      await send(server.port, '/assets/app.js'),
      await send(server.port, '/?token=wrong'),
      await send(server.port, '/api/listDocuments', { method: 'POST', body: '{}' }),
      await send(server.port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer wrong' } }),
      await send(server.port, '/', { headers: { Cookie: `parallax_token_${server.port}=wrong` } }),
    ]) {
      assert.ok(answer.status === 401 || answer.status === 403, `status ${answer.status}`);
      assert.doesNotMatch(answer.body, /Parallax test page|console\.log/);
    }
  });

  test('the token URL sets an HttpOnly SameSite=Strict cookie and redirects to / without the token', async () => {
    const answer = await send(server.port, `/?token=${server.token}`);
    assert.ok(answer.status === 302 || answer.status === 303);
    assert.equal(answer.headers.location, '/');
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    assert.match(cookie, new RegExp(`^parallax_token_${server.port}=${server.token};`));
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
  });

  test('with the cookie, / is index.html with the security headers', async () => {
    const answer = await send(server.port, '/', { headers: { Cookie: `other=1; parallax_token_${server.port}=${server.token}` } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body, PAGE);
    assert.equal(answer.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(answer.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
    assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(answer.headers['referrer-policy'], 'no-referrer');
    assert.equal(answer.headers['cache-control'], 'no-store');
    const script = await send(server.port, '/assets/app.js', { headers: auth });
    assert.equal(script.status, 200);
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
  });

  test('a foreign Host header is refused, localhost is accepted', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `0.0.0.0:${server.port}`]) {
      const answer = await send(server.port, '/', { headers: { ...auth, Host: host } });
      assert.ok(answer.status === 421 || answer.status === 403, `${host}: ${answer.status}`);
    }
    assert.equal((await send(server.port, '/', { headers: { ...auth, Host: `localhost:${server.port}` } })).status, 200);
  });

  test('a foreign Origin is refused, the own origin is accepted', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port + 1}`, `https://127.0.0.1:${server.port}`]) {
      const answer = await send(server.port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...auth, Origin: origin } });
      assert.equal(answer.status, 403, origin);
    }
    const own = await send(server.port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...auth, Origin: `http://127.0.0.1:${server.port}` } });
    assert.equal(own.status, 200);
  });

  test('the token counts only as this port\'s exact cookie, a Bearer header, or a GET to the token URL', async () => {
    const { port, token } = server;
    const refused: [string, string, Record<string, string>][] = [
      ['GET', '/', { Cookie: `parallax_token_${port + 1}=${token}` }],
      ['GET', '/', { Cookie: `parallax_token=${token}` }],
      ['GET', '/', { Cookie: `parallax_token_${port}x=${token}` }],
      ['GET', '/', { Cookie: `parallax_token_${port}=${token}x` }],
      ['GET', '/', { Cookie: `parallax_token_${port}="${token}"` }],
      ['GET', '/', { Cookie: `parallax_token_${port}=${token.slice(0, -1)}` }],
      ['GET', '/', { Authorization: `Basic ${Buffer.from(`user:${token}`).toString('base64')}` }],
      ['GET', '/', { Authorization: `Bearer ${token.slice(0, -1)}` }],
      ['GET', '/', { Authorization: token }],
      ['POST', `/api/listDocuments?token=${token}`, {}],
      ['POST', `/api/listDocuments?token=${token}`, { 'X-Token': token }],
    ];
    for (const [method, path, headers] of refused) {
      const answer = await send(port, path, { method, headers, body: method === 'POST' ? '{}' : undefined });
      assert.equal(answer.status, 401, `${method} ${path} ${JSON.stringify(headers)}`);
      assert.equal(answer.headers['set-cookie'], undefined, `${method} ${path}: a cookie was set`);
      assert.doesNotMatch(answer.body, /Parallax test page|"ok":/);
    }
    // The token URL works on any path: the cookie is set and the token leaves the address (and the Referer).
    const deep = await send(port, `/assets/app.js?token=${token}&v=2`);
    assert.equal(deep.status, 303);
    assert.equal(deep.headers.location, '/assets/app.js?v=2');
    assert.match(deep.headers['set-cookie']?.[0] ?? '', /HttpOnly/);
    const tricky = await send(port, `//evil.example/?token=${token}`);
    assert.equal(tricky.status, 303);
    assert.equal(tricky.headers.location, '/', 'a protocol-relative path never redirects off the server');
  });

  test('Host tricks and DNS rebinding are refused before anything else', async () => {
    const { port } = server;
    for (const host of [
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil:${port}`,
      `localhost.:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `user@127.0.0.1:${port}`,
      `127.0.0.1:0${port}`,
      `127.1:${port}`,
      `2130706433:${port}`,
      `0x7f000001:${port}`,
      `[::1]:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
      `127.0.0.1:${port}, evil.example`,
      `rebind.attacker.example:${port}`,
    ]) {
      const answer = await send(port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...auth, Host: host } });
      assert.equal(answer.status, 421, `Host ${JSON.stringify(host)}: ${answer.status}`);
    }
    // What a page on a rebound name sends: its own name as Host and Origin, same-origin to the browser, no cookie.
    const rebound = await send(port, '/api/listDocuments', {
      method: 'POST',
      body: '{}',
      headers: { Host: `rebind.attacker.example:${port}`, Origin: `http://rebind.attacker.example:${port}`, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
    });
    assert.equal(rebound.status, 421);
    // Raw requests: no Host at all (HTTP/1.0), an empty one, and a foreign Host before ours.
    const bearer = `Authorization: Bearer ${server.token}\r\nConnection: close\r\n\r\n`;
    for (const head of [`GET / HTTP/1.0\r\n${bearer}`, `GET / HTTP/1.1\r\nHost: \r\n${bearer}`, `GET / HTTP/1.1\r\nHost: evil.example\r\nHost: 127.0.0.1:${port}\r\n${bearer}`]) {
      const reply = await rawRequest(port, head);
      assert.match(reply, /^HTTP\/1\.[01] (400|421) /, reply.slice(0, 60));
      assert.doesNotMatch(reply, /Parallax test page/);
    }
  });

  test('other origins are refused however they are spelled, on GET too; localhost is this server\'s origin too', async () => {
    const { port } = server;
    for (const origin of [
      `http://127.0.0.1:${port}.evil.example`,
      `http://127.0.0.1:${port}/`,
      `http://127.0.0.1:${port}@evil.example`,
      'http://127.0.0.1',
      `http://localhost.:${port}`,
      `http://[::1]:${port}`,
      'file://',
      `chrome-extension://abcdefghijklmnop`,
      '',
    ]) {
      const post = await send(port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...auth, Origin: origin } });
      assert.equal(post.status, 403, `POST from ${JSON.stringify(origin)}: ${post.status}`);
      const get = await send(port, '/', { headers: { ...auth, Origin: origin } });
      assert.equal(get.status, 403, `GET from ${JSON.stringify(origin)}: ${get.status}`);
    }
    const localhost = await send(port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...auth, Host: `localhost:${port}`, Origin: `http://localhost:${port}` } });
    assert.equal(localhost.status, 200);
  });

  test('requests a browser marks as from another site are refused even with the cookie; opening the link is not', { timeout: 20_000 }, async () => {
    const { port, token } = server;
    const cookie = { Cookie: `parallax_token_${port}=${token}` };
    const subresource = (site: string) => ({ ...cookie, 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'script' });
    for (const site of ['cross-site', 'same-site']) {
      for (const answer of [
        await send(port, '/assets/app.js', { headers: subresource(site) }),
        await send(port, '/', { headers: { ...cookie, 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'iframe' } }),
        await send(port, '/api/events', { headers: { ...cookie, 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' } }),
        await send(port, '/api/listDocuments', { method: 'POST', body: '{}', headers: { ...cookie, 'Sec-Fetch-Site': site, 'Sec-Fetch-Mode': 'cors', 'Content-Type': 'application/json' } }),
      ]) {
        assert.equal(answer.status, 403, `${site}: ${answer.status} ${answer.body}`);
        assert.doesNotMatch(answer.body, /console\.log|Parallax test page|"ok":/);
      }
    }
    // A link from elsewhere opens the workbench in its own tab (SameSite=Strict keeps cross-site links cookieless).
    const link = await send(port, '/', { headers: { ...cookie, 'Sec-Fetch-Site': 'same-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } });
    assert.equal(link.status, 200);
    for (const site of ['same-origin', 'none']) {
      assert.equal((await send(port, '/assets/app.js', { headers: subresource(site) })).status, 200, site);
    }
  });

  test('a form posted from another site (text/plain JSON trick, urlencoded, multipart, sandboxed) changes nothing', async () => {
    const { port, token } = server;
    const before = await call<DocumentSummary[]>('listDocuments', {});
    const form = join(folder.dir, 'form-target');
    mkdirSync(form);
    writeFileSync(join(form, 'planted.txt'), 'A report a hostile page wants in the library.\n');
    const trick = `{"paths":["${form}"],"story":"=x"}`;
    const browser = { Cookie: `parallax_token_${port}=${token}`, 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };
    for (const [origin, site] of [['http://evil.example', 'cross-site'], ['null', 'cross-site'], [`http://127.0.0.1:${port + 1}`, 'same-site']] as const) {
      for (const [type, body] of [
        ['text/plain', trick],
        ['application/x-www-form-urlencoded', `${encodeURIComponent(trick.slice(0, -1))}=${encodeURIComponent('"}')}`],
        ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="${trick}"\r\n\r\n\r\n--x--\r\n`],
      ] as const) {
        const answer = await send(port, '/api/ingest', { method: 'POST', body, headers: { ...browser, Origin: origin, 'Sec-Fetch-Site': site, 'Content-Type': type } });
        assert.equal(answer.status, 403, `${origin} ${type}: ${answer.status}`);
        const noOrigin = await send(port, '/api/ingest', { method: 'POST', body, headers: { ...browser, 'Sec-Fetch-Site': site, 'Content-Type': type } });
        assert.equal(noOrigin.status, 403, `no Origin, ${site} ${type}: ${noOrigin.status}`);
      }
    }
    const after = await call<DocumentSummary[]>('listDocuments', {});
    assert.ok(before.result.ok && after.result.ok);
    assert.deepEqual(after.result.value, before.result.value, 'nothing was ingested');
  });

  test('the contract over HTTP: ingest the seeds, list them, search with snippets, errors as data', async () => {
    const ingest = await call<IngestReport>('ingest', { paths: [SEEDS] });
    assert.equal(ingest.status, 200);
    assert.ok(ingest.result.ok);
    const documents = await call<DocumentSummary[]>('listDocuments', {});
    assert.ok(documents.result.ok);
    assert.equal(documents.result.value.length, ingest.result.value.added);
    const articles = documents.result.value.filter((doc) => /\d{3}_[0-9a-f]{16}\.txt$/.test(doc.path));
    assert.equal(articles.length, 5, 'the five seed reports are listed');
    const search = await call<SearchHit[]>('search', { query: 'Sheinbaum' });
    assert.ok(search.result.ok);
    assert.ok(search.result.value.length > 0);
    for (const hit of search.result.value) assert.ok(hit.snippets.length > 0 && hit.snippets.every((snippet) => typeof snippet.text === 'string'));
    const bad = await call<SearchHit[]>('search', { query: '"drug cart' });
    assert.equal(bad.status, 200);
    assert.equal(bad.result.ok, false);
    assert.equal(!bad.result.ok && bad.result.error.code, 'bad-query');
  });

  test('ingest progress streams as server-sent events', { timeout: 30_000 }, async () => {
    const extra = join(folder.dir, 'extra');
    mkdirSync(extra);
    writeFileSync(join(extra, 'note.txt'), 'A short report about Sheinbaum and the border.\n');
    const events = await new Promise<string>((resolve, reject) => {
      const stream = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth }, (response) => {
        assert.equal(response.statusCode, 200);
        assert.match(response.headers['content-type'] ?? '', /^text\/event-stream/);
        answers.push({ status: response.statusCode ?? 0, headers: response.headers, body: '' });
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('"phase":"done"')) {
            stream.destroy();
            resolve(text);
          }
        });
        void call('ingest', { paths: [extra] });
      });
      stream.on('error', reject);
      stream.end();
    });
    assert.match(events, /event: progress\ndata: \{.*"phase":"done"/);
  });

  test('unknown methods are 404, other verbs 405, bodies that are not JSON 400, oversized bodies 413', async () => {
    assert.equal((await send(server.port, '/api/dropTables', { method: 'POST', body: '{}', headers: auth })).status, 404);
    assert.equal((await send(server.port, '/api/constructor', { method: 'POST', body: '{}', headers: auth })).status, 404);
    assert.equal((await send(server.port, '/api/listDocuments', { headers: auth })).status, 405);
    const broken = await send(server.port, '/api/listDocuments', { method: 'POST', body: '{"story":', headers: auth });
    assert.equal(broken.status, 400);
    assert.equal((JSON.parse(broken.body) as Result<unknown>).ok, false);
    const huge = await send(server.port, '/api/search', { method: 'POST', body: JSON.stringify({ query: 'x'.repeat(BODY_LIMIT + 1) }), headers: auth });
    assert.equal(huge.status, 413);
    // A notebook import carries a whole file: its limit is larger, and a body above the common one is read and checked.
    const notebook = await send(server.port, '/api/importNotes', { method: 'POST', body: JSON.stringify({ text: `{"format":"other","pad":"${'x'.repeat(BODY_LIMIT)}"}` }), headers: auth });
    assert.equal(notebook.status, 200);
    assert.match((JSON.parse(notebook.body) as { error: { message: string } }).error.message, /not a Parallax notebook/i);
  });

  test('path traversal never reaches a file outside the static folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json', '/%00', '/.%2e/package.json']) {
      const answer = await send(server.port, path, { headers: auth });
      assert.ok([400, 403, 404].includes(answer.status), `${path}: ${answer.status}`);
      assert.doesNotMatch(answer.body, new RegExp(SECRET), path);
    }
  });

  test('no response ever carries CORS headers, not even a preflight', async () => {
    await send(server.port, '/api/listDocuments', { method: 'OPTIONS', headers: { ...auth, Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
    assert.ok(answers.length > 20);
    for (const answer of answers) {
      for (const header of Object.keys(answer.headers)) assert.doesNotMatch(header, /^access-control-/);
    }
  });

  test('close() frees the port', async () => {
    const { port } = server;
    await server.close();
    const probe = createNetServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});

test('`parallax serve --port 0` prints its token URL, loads the sample story into a new library, serves it, and exits on SIGTERM', { timeout: 60_000 }, async () => {
  const folder = temporaryFolder();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'parallax.mjs'), 'serve', '--port', '0', '--db', join(folder.dir, 'library.db')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /Parallax is serving the workbench at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)\n/.exec(stdout);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code} before printing its URL: ${stderr}`)));
    });
    const visit = await fetch(url, { redirect: 'manual' });
    assert.equal(visit.status, 303);
    const cookie = (visit.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^parallax_token_\d+=/);
    const listed = await fetch(new URL('/api/listDocuments', url), { method: 'POST', body: '{}', headers: { Cookie: cookie } });
    assert.equal(listed.status, 200);
    const body = (await listed.json()) as { ok: boolean; value: { path: string; stories: string[] }[] };
    assert.equal(body.ok, true);
    assert.equal(body.value.length, 5, 'the five seed articles, not their README');
    assert.ok(body.value.every((doc) => doc.stories.includes('Sample story')));
    assert.equal(listed.headers.get('access-control-allow-origin'), null);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null, NodeJS.Signals | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    folder.cleanup();
  }
});
