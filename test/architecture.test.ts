// The house rules over the import graph (DESIGN.md "Architecture", STYLE.md "Layout and direction"):
// dependencies point one way (engine ← model ← scenario ← report ← worker/cli), the pure core uses no
// node built-ins, no DOM, no wall clock and no Math.random, and every file opens with a header comment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** Each folder of src/ and the folders it may import from (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  engine: [],
  hash: [],
  model: ['engine'],
  scenario: ['engine', 'model'],
  report: ['engine', 'model', 'scenario'],
  worker: ['engine', 'model', 'scenario', 'report', 'hash'],
  cli: ['engine', 'model', 'scenario', 'report', 'hash', 'worker', '../bench'],
};
const PURE = new Set(['engine', 'model', 'scenario', 'report', 'hash']);

const IMPURE_CODE: [RegExp, string][] = [
  [/from\s+['"](node:|fs['"]|path['"]|crypto['"]|os['"]|worker_threads['"])/, 'a node built-in'],
  [/Math\.random/, 'Math.random'],
  [/Date\.now|new Date\(|performance\.now/, 'the wall clock'],
  [/(?<![.\w$])(window|document|localStorage|navigator)\s*\.|(?<![.\w$])(setTimeout|setInterval)\s*\(/, 'a DOM or timer global'],
];

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => tsFiles(join(path, name)));
}

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.startsWith('..') ? `../${rel.split(sep)[1]}` : rel.split(sep)[0];
}

const files = tsFiles(SRC);

describe('architecture', () => {
  it('knows every folder of src/', () => {
    expect([...new Set(files.map(layerOf))].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  for (const file of files) {
    const name = relative(SRC, file);
    const layer = layerOf(file);
    it(`${name} imports only downward${PURE.has(layer) ? ' and stays pure' : ''}`, () => {
      const source = readFileSync(file, 'utf8');
      expect(source.startsWith('// '), `${name} opens with a header comment`).toBe(true);
      for (const match of source.matchAll(/from\s+['"](\.[^'"]*)['"]/g)) {
        const target = layerOf(resolve(file, '..', match[1]));
        if (target !== layer) expect(MAY_IMPORT[layer], `${name} imports ${match[1]} (${target})`).toContain(target);
        expect(match[1], `${name}: relative imports end in .js`).toMatch(/\.js$/);
      }
      if (PURE.has(layer)) {
        // Comments may name anything; only code is checked.
        const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        for (const [pattern, what] of IMPURE_CODE) expect(pattern.test(code), `${name} uses ${what}`).toBe(false);
      }
    });
  }
});
