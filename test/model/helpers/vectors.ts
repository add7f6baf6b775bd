// Loads known-answer files from test/model/vectors/ (each names its source in a "source" field).
import { readFileSync } from 'node:fs';

export function loadModelVectors<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')) as T;
}
