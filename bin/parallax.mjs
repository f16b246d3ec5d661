#!/usr/bin/env node
// The `parallax` command: loads the TypeScript sources through tsx, so `npx parallax` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
