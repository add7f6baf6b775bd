// The model modules written here stay pure (DESIGN.md "Pure core"): no node built-ins, no DOM, no
// wall clock, no Math.random, nothing from the layers above, and NodeNext-style relative imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const modelDir = fileURLToPath(new URL('../../src/model/', import.meta.url));
const owned = ['units.ts', 'ledger', 'network', 'pools'];

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => tsFiles(join(path, name)));
}

const files = owned.flatMap((p) => tsFiles(join(modelDir, p)));

const forbidden: [RegExp, string][] = [
  [/from\s+['"]node:/, 'a node built-in import'],
  [/from\s+['"](fs|path|crypto|os|worker_threads)['"]/, 'a node built-in import'],
  [/Math\.random/, 'Math.random'],
  [/Date\.now|new Date\(|performance\.now/, 'the wall clock'],
  [/(?<![.\w$])(window|document|localStorage|setTimeout|setInterval)\b/, 'a DOM or timer global'],
  [/from\s+['"][./]*(hash|cli|worker|report|scenario|web)\//, 'a layer above the model'],
];

describe('model purity', () => {
  it('finds the modules', () => expect(files.length).toBeGreaterThan(15));

  for (const file of files) {
    const name = relative(modelDir, file);
    it(`${name} is pure and imports with .js`, () => {
      const source = readFileSync(file, 'utf8');
      // Comments may name anything ("the PPLNS window"); only code is checked.
      const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const [pattern, what] of forbidden) expect(pattern.test(code), `${name} uses ${what}`).toBe(false);
      for (const m of source.matchAll(/from\s+['"](\.[^'"]*)['"]/g)) expect(m[1], `${name} imports ${m[1]}`).toMatch(/\.js$/);
      expect(source.startsWith('// '), `${name} opens with a header comment`).toBe(true);
    });
  }
});
