// `hashtwin schema`: the scenario JSON Schema, for editors' autocompletion and validation.
import { scenarioJsonSchema } from '../../scenario/index.js';
import { parseCommandArgs } from '../args.js';

export async function schemaCommand(argv: string[]): Promise<void> {
  parseCommandArgs(argv, {}, 0);
  console.log(JSON.stringify(scenarioJsonSchema(), null, 2));
}
