// The lab's build: Svelte 5 on Vite, module workers, served from 127.0.0.1. Pages are cross-origin
// isolated (COOP + COEP) so a cancel reaches a busy twin worker through a SharedArrayBuffer.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: webRoot,
  // Relative asset URLs: the built lab works from any folder or static host.
  base: './',
  plugins: [svelte()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', headers: isolation, fs: { allow: [repoRoot] } },
  preview: { host: '127.0.0.1', port: 4173, headers: isolation },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
});
