// Mining hardware: rig models (hashrate, power, components, thermal limits) and their catalogue
// (domain-facts §3.1 ASICs, §3.2 GPU rig, stated assumptions for a CPU server and a phone).
export {
  ALGORITHMS, RIG_KINDS, SCENARIO_SOURCE, efficiencyJPerTh, modelIssues, defineModel,
  type Algorithm, type RigKind, type RigComponents, type ThermalLimits, type RigModel, type RigModelInput, type ModelIssue,
} from './rig-model.js';
export { listModels, findModel } from './catalogue.js';
export { airflowDeltaC, AIR_DENSITY_KG_PER_M3, AIR_SPECIFIC_HEAT_J_PER_KG_K, M3_PER_S_PER_CFM } from './airflow.js';
