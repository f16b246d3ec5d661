/** IPC channel names shared by the main process and the preload (which may import nothing heavier than this). */
import type { ApiEvents, ApiMethod } from '../contract/api';

/** The channel that carries events (progress, menu commands) from the main process to the window. */
export const EVENT_CHANNEL = 'parallax:event';

/** The channel of one contract method: `parallax:METHOD`. */
export function methodChannel(method: ApiMethod): string {
  return `parallax:${method}`;
}

/** What travels on the event channel: the event's name and its payload. */
export type EventMessage = { [Event in keyof ApiEvents]: { event: Event; payload: ApiEvents[Event] } }[keyof ApiEvents];
