// Bitcoin mainnet consensus parameters, as in Bitcoin Core src/kernel/chainparams.cpp (CMainParams)
// and src/consensus/amount.h.

/** consensus.powLimit = 00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff = 2^224 − 1. */
export const POW_LIMIT = (1n << 224n) - 1n;
/** consensus.nPowTargetTimespan: two weeks. */
export const POW_TARGET_TIMESPAN_S = 14 * 24 * 60 * 60;
/** consensus.nPowTargetSpacing: ten minutes. */
export const POW_TARGET_SPACING_S = 10 * 60;
/** DifficultyAdjustmentInterval() = nPowTargetTimespan / nPowTargetSpacing = 2016. */
export const DIFFICULTY_ADJUSTMENT_INTERVAL = POW_TARGET_TIMESPAN_S / POW_TARGET_SPACING_S;
/** consensus.nSubsidyHalvingInterval. */
export const SUBSIDY_HALVING_INTERVAL = 210_000;
/** COIN: satoshi per BTC. */
export const COIN = 100_000_000n;
/** Genesis block nBits (also the difficulty-1 target's compact form). */
export const GENESIS_BITS = 0x1d00ffff;
