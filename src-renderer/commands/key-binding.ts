/** Key bindings written as text ("Mod+K", "Alt+ArrowDown", "]"): matched against events and shown to the reporter. */

/** A parsed binding; `Mod` is ⌘ on macOS and Ctrl elsewhere. */
export interface KeyBinding {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

/** Whether this machine is a Mac, where Mod means the Command key. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Parses "Mod+Shift+K" into its modifiers and key. */
export function parseBinding(text: string): KeyBinding {
  const parts = text.split('+');
  // "Mod++" would end in an empty part: the key is then "+".
  const key = parts.at(-1) === '' ? '+' : (parts.at(-1) ?? '');
  const modifiers = new Set(parts.slice(0, -1).map((part) => part.toLowerCase()));
  return { mod: modifiers.has('mod'), alt: modifiers.has('alt'), shift: modifiers.has('shift'), key };
}

/** The event's key in binding terms: letters and digits by their physical key, so Alt and Shift do not change them. */
function eventKey(event: KeyboardEvent): string {
  if (/^Key[A-Z]$/.test(event.code)) return event.code.slice(3);
  if (/^Digit[0-9]$/.test(event.code)) return event.code.slice(5);
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

/** Whether a key is a punctuation character, whose Shift state depends on the keyboard layout. */
function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[A-Z0-9]/i.test(key);
}

/** Whether a keyboard event presses exactly this binding. */
export function matchesBinding(event: KeyboardEvent, binding: KeyBinding, mac = IS_MAC): boolean {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const other = mac ? event.ctrlKey : event.metaKey;
  if (mod !== binding.mod || other || event.altKey !== binding.alt) return false;
  if (!isPunctuation(binding.key) && event.shiftKey !== binding.shift) return false;
  return eventKey(event) === binding.key.toUpperCase() || event.key === binding.key;
}

/** Whether a binding is a bare key (no Ctrl/⌘/Alt), which must not fire while the reporter types in a field. */
export function isBareKey(binding: KeyBinding): boolean {
  return !binding.mod && !binding.alt;
}

const KEY_LABELS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Enter: 'Enter',
};

/** A binding as the reporter reads it: "Ctrl+K" on Linux and Windows, "⌘K" on a Mac. */
export function formatBinding(text: string, mac = IS_MAC): string {
  const binding = parseBinding(text);
  const key = KEY_LABELS[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  if (mac) return `${binding.mod ? '⌘' : ''}${binding.alt ? '⌥' : ''}${binding.shift ? '⇧' : ''}${key}`;
  return [binding.mod ? 'Ctrl' : '', binding.alt ? 'Alt' : '', binding.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

/** Whether an event comes from a place where typing goes (fields, editable text). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
  return false;
}
