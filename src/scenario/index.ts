// Scenarios: the schema, parsing with every problem at its path, and the mapping to the twin's config.
export { scenarioSchema, type Scenario, type ScenarioInput } from './schema.js';
export { parseScenarioText, parseScenarioDocument, validateScenario, type ParseOutcome, type DocumentOutcome } from './parse.js';
export { parsePath, parseValue, parseVary, applyOverrides, sweepCells, sweepSeed, type Override, type Vary } from './overrides.js';
export { ScenarioError, formatPath, type ScenarioIssue } from './errors.js';
export { parseDurationUs, formatDuration } from './duration.js';
export { toTwinConfig } from './to-config.js';
export { scenarioJsonSchema } from './json-schema.js';
