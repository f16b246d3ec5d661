import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

// Three bundles: the main process (with the engine and extraction workers as their own entries), the preload, and
// the React renderer.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          worker: resolve(root, 'src-main/engine/worker.ts'),
          'extract-worker': resolve(root, 'src-main/core/ingest/extract-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
