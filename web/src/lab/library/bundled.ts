// The scenarios shipped in scenarios/*.yaml, read at build time; default.yaml first (the lab opens it).
import { parse } from 'yaml';

export type LibraryEntry = { id: string; name: string; text: string; origin: 'bundled' | 'saved'; file?: string; savedAt?: number };

const files = import.meta.glob<string>('../../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

function nameOf(text: string, fallback: string): string {
  try {
    const name = (parse(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name.trim() !== '' ? name : fallback;
  } catch {
    return fallback;
  }
}

export const DEFAULT_FILE = 'default.yaml';

export const bundledScenarios: LibraryEntry[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { id: `bundled:${file}`, name: nameOf(text, file), text, origin: 'bundled' as const, file };
  })
  .sort((a, b) => Number(b.file === DEFAULT_FILE) - Number(a.file === DEFAULT_FILE) || a.file.localeCompare(b.file));
