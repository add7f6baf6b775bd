// Stratum shares: share math, vardiff (Miningcore VarDiffManager.cs), the pool-side hashrate
// estimate and health verdicts (StatsRecorder.cs), and share sources at three resolutions.
export { TWO_32, shareRatePerS, expectedShares, hashrateFromShares, relativeNoise, difficultyForSharePeriod, staleProbability } from './share-math.js';
export { normalCdf, erfc } from './normal-cdf.js';
export { VARDIFF_DEFAULTS, resolveVardiffOptions, withinBand, retargetDifficulty, type VardiffOptions, type ResolvedVardiffOptions } from './vardiff-rules.js';
export { Vardiff, VARDIFF_BUFFER_SIZE } from './vardiff.js';
export { steadyDifficulty, vardiffAfterSlot } from './vardiff-aggregate.js';
export { HashrateEstimator, DEFAULT_ESTIMATOR_WINDOW_US, DEFAULT_ESTIMATOR_BINS, type EstimatorOptions } from './estimator.js';
export { degradedProbability, falseAlarmProbability, falseAlarmProbabilityPoisson } from './false-alarm.js';
export {
  HealthTracker, judgeHealth, HEALTH_EVENT, DEFAULT_DEGRADED_BELOW_PCT, DEFAULT_DEAD_AFTER_US,
  type WorkerHealth, type HealthEvent, type HealthJudgement, type HealthOptions, type HealthTransition,
} from './health.js';
export { aggregateShareSource, type ShareSource } from './share-source.js';
export {
  hashedShareSource, tinyTarget, DEFAULT_TINY_TARGET_BITS, HEADER_BYTES, TARGET_BYTES, NONCE_SPACE,
  type ShareHasher, type HashedShareOptions, type HashedShareSource,
} from './hashed-share-source.js';
export { nextShareDelayUs } from './exact-shares.js';
