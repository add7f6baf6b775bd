// Bad input from the command line: reported as one line and exit code 2, never a stack trace.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A scenario with problems: one line per problem, `FILE: path: message`, and exit code 2. */
export class ScenarioProblems extends Error {
  readonly lines: string[];
  constructor(file: string, issues: { path: string; message: string }[]) {
    super(`${file}: ${issues.length} problem(s)`);
    this.name = 'ScenarioProblems';
    this.lines = issues.map((i) => `${file}: ${i.path}: ${i.message}`);
  }
}
