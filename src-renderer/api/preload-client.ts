import { API_METHODS, type Api, type ApiClient, type ApiEvents } from '../../src-main/contract/api';
import type { Result } from '../../src-main/contract/result';

/** What the Electron preload exposes as `window.parallax`: one function per method, and `on`. */
type Bridge = Record<string, unknown> & {
  on(event: keyof ApiEvents, listener: (payload: unknown) => void): () => void;
};

/** The preload bridge, when this page runs inside the desktop app; null in a browser. */
export function findBridge(): Bridge | null {
  const candidate = (window as unknown as { parallax?: unknown }).parallax;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const bridge = candidate as Record<string, unknown>;
  const complete = typeof bridge.on === 'function' && API_METHODS.every((name) => typeof bridge[name] === 'function');
  return complete ? (bridge as Bridge) : null;
}

/** Wraps a bridge call so that a rejected IPC promise still arrives as a Result. */
async function callBridge(method: (input: unknown) => Promise<Result<unknown>>, input: unknown): Promise<Result<unknown>> {
  try {
    return await method(input ?? {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `The desktop app failed to answer: ${reason}` } };
  }
}

/** The contract over the desktop app's preload bridge (Electron IPC). */
export function createPreloadClient(bridge: Bridge): ApiClient {
  const methods = Object.fromEntries(
    API_METHODS.map((name) => {
      const method = bridge[name] as (input: unknown) => Promise<Result<unknown>>;
      return [name, (input: unknown) => callBridge(method, input)];
    }),
  ) as unknown as Api;
  return {
    ...methods,
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
