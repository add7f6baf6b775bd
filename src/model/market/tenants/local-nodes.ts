// The operator's own nodes tenants are placed on: capacity per algorithm, a variable cost for the
// capacity in use (power) and a fixed cost per day whether used or not (hosting, amortisation).
import type { Algorithm, RigModel } from '../../hardware/index.js';
import { costMicroUsdPerThDay } from '../../pricing/rental-price.js';
import { checkCount, checkId, checkNonNegativeBigint, checkPositive } from '../_check.js';
import { checkAlgorithm, HASHRATE_UNIT_HS } from './hashrate-units.js';

export interface LocalNode {
  readonly id: string;
  readonly algorithm: Algorithm;
  readonly capacityHs: number;
  /** µUSD per price unit (TH/s or MH/s, hashrate-units.ts) per day of capacity in use. */
  readonly variableCostMicroUsdPerUnitDay: bigint;
  readonly fixedCostMicroUsdPerDay: bigint;
}

export function checkLocalNode(node: LocalNode, path = 'node'): void {
  checkId(`${path}.id`, node.id);
  checkAlgorithm(`${path}.algorithm`, node.algorithm);
  checkPositive(`${path}.capacityHs`, node.capacityHs);
  checkNonNegativeBigint(`${path}.variableCostMicroUsdPerUnitDay`, node.variableCostMicroUsdPerUnitDay);
  checkNonNegativeBigint(`${path}.fixedCostMicroUsdPerDay`, node.fixedCostMicroUsdPerDay);
}

/**
 * A node of rigCount rigs of one catalogue model; its variable cost is the power of the capacity in
 * use, W per price unit × 24 h × tariff (pricing/rental-price.ts costMicroUsdPerThDay, whose J/TH
 * reads J per MH for Ethash). S21 at $0.069/kWh → 28,980 µUSD/TH/day.
 */
export function nodeFromModel(
  id: string, model: RigModel, rigCount: number, electricityMicroUsdPerKWh: bigint, fixedCostMicroUsdPerDay = 0n,
): LocalNode {
  checkCount('rigCount', rigCount, 1);
  const wattsPerUnit = model.powerW / (model.hashrateHs / HASHRATE_UNIT_HS[model.algorithm]);
  return {
    id,
    algorithm: model.algorithm,
    capacityHs: model.hashrateHs * rigCount,
    variableCostMicroUsdPerUnitDay: costMicroUsdPerThDay({ efficiencyJPerTh: wattsPerUnit, electricityMicroUsdPerKWh, otherCostMicroUsdPerThDay: 0n }),
    fixedCostMicroUsdPerDay,
  };
}
