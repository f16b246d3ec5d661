import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the library lives when no --db is given: $PARALLAX_HOME/library.db, else the platform's app-data folder for
 * "Parallax" (Linux $XDG_CONFIG_HOME or ~/.config, macOS ~/Library/Application Support, Windows %APPDATA%).
 * The desktop app and the CLI share it.
 */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.PARALLAX_HOME) return join(env.PARALLAX_HOME, 'library.db');
  return join(appDataFolder(env, platform, home), 'Parallax', 'library.db');
}

/** The platform's per-user application data folder. */
export function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
  return env.XDG_CONFIG_HOME || join(home, '.config');
}
