// Starts the TypeScript engine worker through tsx (development, tests, `parallax serve`); built apps load worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
