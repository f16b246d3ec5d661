import { useEffect, useRef } from 'react';

/** How long a message stays: longer when it offers an action such as "Undo". */
const PLAIN_MS = 5000;
const WITH_ACTION_MS = 10_000;

/** A short message at the bottom of the window, with at most one action; it goes by itself after a few seconds. */
export function Toast({ text, tone, action, onDismiss }: { text: string; tone: 'info' | 'error'; action?: { label: string; run(): void } | undefined; onDismiss(): void }) {
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const lasts = action ? WITH_ACTION_MS : PLAIN_MS;
  // Give each message its own `key`, so a new one starts its own time.
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(), lasts);
    return () => clearTimeout(timer);
  }, [lasts]);
  return (
    <div className={`toast${tone === 'error' ? ' toast-error' : ''}`} role={tone === 'error' ? 'alert' : 'status'}>
      <span>{text}</span>
      {action ? (
        <button
          type="button"
          className="link-button toast-action"
          onClick={() => {
            action.run();
            onDismiss();
          }}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss the message">
        ×
      </button>
    </div>
  );
}
