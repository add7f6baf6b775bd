// `--report FILE.html`: the run's self-contained HTML report, written where the user asked; a path
// that cannot be written is a usage error naming it.
import { writeFileSync } from 'node:fs';
import { htmlReport } from '../report/html-report.js';
import type { DigestedResult } from '../report/index.js';
import { UsageError } from './usage-error.js';

export function writeHtmlReport(path: string, result: DigestedResult, source: string): string {
  const html = htmlReport(result, { source });
  try {
    writeFileSync(path, html);
  } catch (error) {
    throw new UsageError(`--report ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return path;
}
