import { useEffect, type RefObject } from 'react';
import { api } from '../api/client';
import type { CommandContext } from './command';
import { commandForKey, findCommand, isEnabled } from './registry';

/** Runs a command by id if it exists and applies now; returns whether it ran. */
export function runCommand(id: string, context: CommandContext): boolean {
  const command = findCommand(id);
  if (!command || !isEnabled(command, context)) return false;
  command.run(context);
  return true;
}

/** Wires the registry to the window's key presses and to the desktop menu's `command` events. */
export function useCommands(context: RefObject<CommandContext>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForKey(event, context.current);
      if (!command) return;
      event.preventDefault();
      command.run(context.current);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = api().on('command', ({ name }) => {
      runCommand(name, context.current);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [context]);
}
