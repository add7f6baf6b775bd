// The coin's network as the twin sees it: height, difficulty with Bitcoin's 2016-block retarget
// (clamped ×4 / ÷4), subsidy by height, fees per block, and the network hashrate path.
import type { RandomStream } from '../../engine/index.js';
import { DIFFICULTY_ADJUSTMENT_INTERVAL, POW_TARGET_SPACING_S, equilibriumDifficulty, getBlockSubsidy, retargetDifficulty } from '../network/index.js';
import { US_PER_DAY, US_PER_S } from '../units.js';
import type { NetworkConfig } from './config.js';

export class Chain {
  height: number;
  difficulty: number;
  /** Height and difficulty before the first simulated block, for the run's start KPIs. */
  readonly startHeight: number;
  readonly startDifficulty: number;
  retargets = 0;
  blocks = 0;
  private periodStartUs: number;
  private readonly config: NetworkConfig;
  private readonly feeMu: number;
  private readonly feeSigma: number;

  constructor(config: NetworkConfig) {
    this.config = config;
    this.height = config.blockHeight;
    this.difficulty = config.difficulty ?? equilibriumDifficulty(config.hashrateHs);
    this.startHeight = this.height;
    this.startDifficulty = this.difficulty;
    // The blocks of the current period mined before the run are taken to have come at the target spacing.
    const minedInPeriod = config.blockHeight % DIFFICULTY_ADJUSTMENT_INTERVAL;
    this.periodStartUs = -minedInPeriod * POW_TARGET_SPACING_S * US_PER_S;
    // Lognormal fees with the configured mean and coefficient of variation.
    this.feeSigma = Math.sqrt(Math.log(1 + config.feesCv ** 2));
    this.feeMu = Math.log(Math.max(1, Number(config.feesPerBlockSat))) - this.feeSigma ** 2 / 2;
  }

  hashrateHsAt(atUs: number): number {
    return this.config.hashrateHs * Math.exp(Math.log1p(this.config.hashrateGrowthPerDay) * (atUs / US_PER_DAY));
  }

  subsidySat(): bigint {
    return getBlockSubsidy(this.height);
  }

  drawFeesSat(rng: RandomStream): bigint {
    if (this.config.feesPerBlockSat === 0n) return 0n;
    if (this.config.feesCv === 0) return this.config.feesPerBlockSat;
    return BigInt(Math.round(rng.lognormal(this.feeMu, this.feeSigma)));
  }

  /** A block was mined at atUs; returns true when it closed a retarget period. */
  onBlock(atUs: number): boolean {
    this.height++;
    this.blocks++;
    if (!this.config.retarget || this.height % DIFFICULTY_ADJUSTMENT_INTERVAL !== 0) return false;
    this.difficulty = retargetDifficulty(this.difficulty, (atUs - this.periodStartUs) / US_PER_S);
    this.periodStartUs = atUs;
    this.retargets++;
    return true;
  }
}
