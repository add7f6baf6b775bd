// `hashtwin validate FILE`: exit 0 when the scenario is valid; else exit 2 and every problem with its path.
import { parseScenarioText } from '../../scenario/index.js';
import { parseCommandArgs } from '../args.js';
import { readScenarioFile } from '../scenario-file.js';
import { ScenarioProblems } from '../usage-error.js';

export async function validateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } }, 1);
  const file = positionals[0];
  const parsed = parseScenarioText(readScenarioFile(file));
  if (!parsed.ok) throw new ScenarioProblems(file!, parsed.issues);
  const s = parsed.scenario;
  if (values.json) {
    console.log(JSON.stringify({ valid: true, file, name: s.name }));
    return;
  }
  console.log(`${file}: valid — "${s.name}": ${s.fleet.length} fleet group(s), ${s.pools.length} pool(s), ${s.resolution} resolution`);
}
