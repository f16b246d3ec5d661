import { API_METHODS, type Api, type ApiClient, type ApiEvents } from '../../src-main/contract/api';
import type { Result } from '../../src-main/contract/result';

/** The message shown when the page cannot reach `parallax serve` at all. */
const UNREACHABLE = 'The workbench cannot reach Parallax: is "parallax serve" still running?';

/** Calls one contract method as `POST /api/METHOD`; every failure, even a dropped connection, comes back as a Result. */
async function callMethod(name: string, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: UNREACHABLE } };
  }
  const body = await response.text();
  try {
    const parsed = JSON.parse(body) as Result<unknown>;
    if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) return parsed;
  } catch {
    // A plain-text answer (e.g. an expired token) is reported below as one sentence.
  }
  const sentence = body.trim() || `The server answered with status ${response.status}.`;
  return { ok: false, error: { code: response.status === 401 ? 'bad-request' : 'internal', message: sentence } };
}

/** Listeners by event name, fed by one shared EventSource opened on the first subscription. */
type ListenerMap = { [Event in keyof ApiEvents]: Set<(payload: ApiEvents[Event]) => void> };

/** The contract over HTTP (`parallax serve`): methods by POST, events from the `GET /api/events` stream. */
export function createHttpClient(): ApiClient {
  const listeners: ListenerMap = { progress: new Set(), command: new Set() };
  let source: EventSource | null = null;

  function openStream(): void {
    if (source !== null || typeof EventSource === 'undefined') return;
    source = new EventSource('/api/events', { withCredentials: true });
    for (const name of Object.keys(listeners) as (keyof ApiEvents)[]) {
      source.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of listeners[name]) (listener as (value: unknown) => void)(payload);
      });
    }
  }

  const methods = Object.fromEntries(
    API_METHODS.map((name) => [name, (input: unknown) => callMethod(name, input)]),
  ) as unknown as Api;

  return {
    ...methods,
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>;
      set.add(listener);
      openStream();
      return () => {
        set.delete(listener);
      };
    },
  };
}
