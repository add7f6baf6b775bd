// The scenario schema as JSON Schema (draft 2020-12), as scenario files are written: durations as text.
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'hashtwin scenario',
  };
}
