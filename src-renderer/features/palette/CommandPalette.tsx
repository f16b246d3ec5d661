import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Command, CommandContext } from '../../commands/command';
import { COMMANDS, isEnabled } from '../../commands/registry';
import { Shortcut } from '../../components/Shortcut';
import './palette.css';

/** Whether every word of the filter appears in the command's title or group. */
function matches(command: Command, filter: string): boolean {
  const haystack = `${command.title} ${command.group} ${command.id}`.toLowerCase();
  return filter.toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

/** The command palette (Ctrl/⌘+K): every registered command with its shortcut; type to filter, Enter to run. */
export function CommandPalette({ context, onClose }: { context: CommandContext; onClose(): void }) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => COMMANDS.filter((command) => matches(command, filter)), [filter]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.focus?.();
  }, []);
  useEffect(() => setActive(0), [filter]);
  useEffect(() => {
    document.getElementById(`command-${shown[active]?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, shown]);

  function run(command: Command | undefined) {
    if (!command || !isEnabled(command, context)) return;
    onClose();
    // Let the palette close (and focus return) before the command moves focus itself.
    requestAnimationFrame(() => command.run(context));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown') setActive((index) => Math.min(shown.length - 1, index + 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(0, index - 1));
    else if (event.key === 'Enter') run(shown[active]);
    else if (event.key === 'Escape') onClose();
    else if (event.key === 'Tab') {
      // Keep focus inside the dialog.
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Commands" onMouseDown={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={shown[active] ? `command-${shown[active].id}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <ul className="palette-list" role="listbox" id="palette-list" aria-label="Commands">
          {shown.length === 0 ? <li className="palette-empty">No command matches.</li> : null}
          {shown.map((command, index) => {
            const enabled = isEnabled(command, context);
            return (
              <li
                key={command.id}
                id={`command-${command.id}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={!enabled}
                className={`palette-item${index === active ? ' active' : ''}${enabled ? '' : ' disabled'}`}
                onMouseMove={() => setActive(index)}
                onClick={() => run(command)}
              >
                <span className="palette-group">{command.group}</span>
                <span className="palette-title">{command.title}</span>
                <span className="palette-keys">
                  {command.keys.map((binding) => (
                    <Shortcut key={binding} binding={binding} />
                  ))}
                </span>
              </li>
            );
          })}
        </ul>
        <p className="palette-foot quiet">↑ ↓ to choose · Enter to run · Esc to close · greyed commands do not apply here</p>
      </div>
    </div>
  );
}
