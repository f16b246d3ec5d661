import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { sendText } from './access';

/** Content types of the files a built workbench holds; anything else is served as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file, by its extension. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether `file` lies inside `root` (both absolute, resolved). */
export function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path));
}

/** Where a URL path points inside the static folder (resolved, symlinks followed), or the HTTP status that refuses it. */
export async function locateStaticFile(staticDir: string, pathname: string): Promise<{ file: string; root: string } | { status: number }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  const segments = decoded.split(/[/\\]+/).filter(Boolean);
  if (segments.some((segment) => segment === '..')) return { status: 403 };
  if (segments.some((segment) => segment.startsWith('.'))) return { status: 404 };
  let root: string;
  try {
    root = await realpath(staticDir);
  } catch {
    return { status: 404 };
  }
  const wanted = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  if (!isInside(root, wanted)) return { status: 403 };
  try {
    const file = await realpath(wanted);
    if (!isInside(root, file)) return { status: 403 };
    if (!(await stat(file)).isFile()) return { status: 404 };
    return { file, root };
  } catch {
    return { status: 404 };
  }
}

/** Serves one file of the built workbench (GET or HEAD); never anything outside `staticDir`. */
export async function sendStaticFile(request: IncomingMessage, response: ServerResponse, staticDir: string, pathname: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Only GET and HEAD are allowed here.');
    return;
  }
  const located = await locateStaticFile(staticDir, pathname);
  if ('status' in located) {
    sendText(response, located.status, located.status === 404 ? 'Not found.' : 'Refused.');
    return;
  }
  const { size } = await stat(located.file);
  const type = contentType(located.file);
  const immutable = relative(located.root, located.file).startsWith(`assets${sep}`);
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(located.file);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
