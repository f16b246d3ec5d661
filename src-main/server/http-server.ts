import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_METHODS, type Api, type ApiMethod } from '../contract/api';
import type { IngestProgress } from '../contract/library';
import { failure, type Result } from '../contract/result';
import { validateInput } from '../contract/schemas';
import {
  LOOPBACK,
  SECURITY_HEADERS,
  createToken,
  fetchSiteAllowed,
  hostAllowed,
  originAllowed,
  requestAuthorized,
  sendText,
  tokenCookie,
  tokenMatches,
} from './access';
import { sendStaticFile } from './static-files';

/** The largest request body a contract call may send (8 MiB: a long note is up to a million characters). */
export const BODY_LIMIT = 8 * 1024 * 1024;

/** Methods that carry a whole file and may send more: importing a notebook export. */
const LARGE_BODY_LIMITS: Partial<Record<string, number>> = { importNotes: 256 * 1024 * 1024 };

/** Milliseconds between keep-alive comments on the event stream, so idle proxies and browsers keep it open. */
const HEARTBEAT_MS = 15_000;

/** What the server needs: the contract to carry, the built workbench to serve, and optionally a progress source. */
export interface ServerOptions {
  api: Api;
  /** The port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** The engine host, whose ingest progress `GET /api/events` streams. */
  host?: { onProgress(listener: (progress: IngestProgress) => void): () => void };
}

/** A running server: the URL to open (with its token), the token for scripts, and shutdown. */
export interface RunningServer {
  url: string;
  token: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const METHOD_NAMES = new Set<string>(API_METHODS);

/** Starts the contract over HTTP on 127.0.0.1 only, behind a per-run token; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = createToken();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The server failed to answer this request.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!hostAllowed(request, port)) return sendText(response, 421, 'This server answers only to 127.0.0.1 and localhost.');
    if (!originAllowed(request, port) || !fetchSiteAllowed(request)) return sendText(response, 403, 'Requests from other sites are refused.');
    const url = new URL(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    const presented = url.searchParams.get('token');
    if (presented !== null && (request.method === 'GET' || request.method === 'HEAD')) {
      if (!tokenMatches(presented, token)) return sendText(response, 401, 'This token is not valid for this run of Parallax.');
      url.searchParams.delete('token');
      response.writeHead(303, { 'Set-Cookie': tokenCookie(token, port), Location: `${url.pathname.replace(/^\/+/, '/')}${url.search}`, 'Cache-Control': 'no-store' });
      return void response.end();
    }
    if (!requestAuthorized(request, token, port)) {
      return sendText(response, 401, 'Open the address that "parallax serve" printed, with its token.');
    }
    if (url.pathname === '/api/events') return streamEvents(request, response);
    if (url.pathname.startsWith('/api/')) return callMethod(request, response, url.pathname.slice('/api/'.length));
    return sendStaticFile(request, response, options.staticDir, url.pathname);
  }

  async function callMethod(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!METHOD_NAMES.has(name)) return sendJson(response, 404, failure('not-found', `There is no method "${name}".`));
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      return sendJson(response, 405, failure('bad-request', 'Contract methods are called with POST.'));
    }
    const limit = LARGE_BODY_LIMITS[name] ?? BODY_LIMIT;
    const body = await readBody(request, limit);
    if (body === null) {
      response.setHeader('Connection', 'close');
      return sendJson(response, 413, failure('bad-request', `The request is larger than ${limit / 1024 / 1024} MiB.`));
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, failure('bad-request', 'The request body is not valid JSON.'));
    }
    const valid = validateInput(name as ApiMethod, input);
    if (!valid.ok) return sendJson(response, 200, valid);
    const method = options.api[name as ApiMethod] as (input: unknown) => Promise<Result<unknown>>;
    sendJson(response, 200, await method(valid.value));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      return sendText(response, 405, 'The event stream is read with GET.');
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write('retry: 2000\n\n');
    streams.add(response);
    const unsubscribe = options.host?.onProgress((progress) => {
      response.write(`event: progress\ndata: ${JSON.stringify(progress)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe?.();
      streams.delete(response);
    });
  }

  await listen(server, options.port ?? 0);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    token,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Listens on loopback, turning a taken port into one clear sentence. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`Port ${port} on ${LOOPBACK} is already in use; choose another with --port.`));
      else if (error.code === 'EACCES') reject(new Error(`Port ${port} on ${LOOPBACK} needs privileges this user lacks; choose another with --port.`));
      else reject(error);
    });
    server.listen(port, LOOPBACK, () => resolve());
  });
}

/**
 * Reads a request body as UTF-8 text, or null when it exceeds `limit` bytes. The rest of an oversized body is read and
 * discarded before answering: a client still sending would otherwise see its connection cut instead of the 413.
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(request.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number.isFinite(declared) && declared > limit ? Number.POSITIVE_INFINITY : 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Ends a response with a JSON value; results are never cached. */
function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
