// The built lab for browser tests: `vite build` of web/ into a scratch folder, served by `vite preview`
// on a free loopback port with the lab's own headers (cross-origin isolation included).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

export type LabServer = { baseUrl: string; close(): Promise<void> };

export async function serveBuiltLab(): Promise<LabServer> {
  // A folder of its own per caller: test files build side by side (forks or threads alike).
  const results = fileURLToPath(new URL('../../test-results/', import.meta.url));
  mkdirSync(results, { recursive: true });
  const outDir = mkdtempSync(join(results, 'lab-build-'));
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    configFile: CONFIG,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not report its address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
