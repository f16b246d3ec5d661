import { formatBinding } from '../commands/key-binding';

/** A key binding shown as a key cap ("Ctrl+K"). */
export function Shortcut({ binding }: { binding: string | undefined }) {
  if (!binding) return null;
  return <kbd className="shortcut">{formatBinding(binding)}</kbd>;
}
