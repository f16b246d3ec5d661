import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that carries the per-run token after the first visit; named per port, since cookies ignore ports. */
export function tokenCookieName(port: number): string {
  return `parallax_token_${port}`;
}

/** The only address the server ever binds: loopback, never every interface. */
export const LOOPBACK = '127.0.0.1';

/** The page's Content-Security-Policy: nothing but this origin, no plugins, no framing, no forms. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response, whatever its status: articles are untrusted, so the page may load nothing foreign. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A fresh random token for one run of the server: 24 bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares a presented token with the run's token in constant time. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const presented = Buffer.from(candidate, 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** The Host header values this server answers to; anything else is DNS rebinding or a misdirected request. */
export function allowedHosts(port: number): string[] {
  return [`${LOOPBACK}:${port}`, `localhost:${port}`];
}

/** Whether the request's Host header names this server exactly. */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Whether the request has no Origin header or comes from this server's own origin. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

/** Whether fetch metadata allows the request: same-origin, typed, or a link opened as a page; never a subresource, frame or fetch from another site or port. */
export function fetchSiteAllowed(request: IncomingMessage): boolean {
  // Programs send no Sec-Fetch-Site: the token and the Origin check judge them alone.
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return true;
  const opensPage = request.headers['sec-fetch-mode'] === 'navigate' && request.headers['sec-fetch-dest'] === 'document';
  return opensPage && (request.method === 'GET' || request.method === 'HEAD');
}

/** Whether the request carries the token, in the cookie (browser) or an `Authorization: Bearer` header (scripts). */
export function requestAuthorized(request: IncomingMessage, token: string, port: number): boolean {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ') && tokenMatches(authorization.slice('Bearer '.length).trim(), token)) return true;
  return cookieValues(request.headers.cookie, tokenCookieName(port)).some((value) => tokenMatches(value, token));
}

/** Every value a Cookie header gives a name (browsers may send several). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    values.push(pair.slice(separator + 1).trim());
  }
  return values;
}

/** The Set-Cookie value that keeps the token out of scripts and out of every cross-site request. */
export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Ends a response with a short plain-text sentence (errors outside the API). */
export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}
