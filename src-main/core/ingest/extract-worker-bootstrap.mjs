// Starts the TypeScript extraction worker through tsx (development, tests, CLI); built apps load extract-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
