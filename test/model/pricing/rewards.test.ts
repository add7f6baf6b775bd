// Reward-share tiers switched by demand, the colo's reward share against rent, and reward
// distribution through the ledger that accounts for every satoshi.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../../src/model/ledger/ledger.js';
import { distributeReward } from '../../../src/model/pricing/reward-distribution.js';
import {
  breakEvenRewardShareBps,
  DEFAULT_REWARD_TIERS,
  demandBps,
  rentAfterRewardShare,
  retailBps,
  selectRewardTier,
  selectRewardTierWithBand,
  type RewardTier,
} from '../../../src/model/pricing/reward-tiers.js';

describe('reward tiers', () => {
  it('default to 50/50, 40/60, 30/70 wholesale/retail', () => {
    expect(DEFAULT_REWARD_TIERS.map((t) => [t.name, t.wholesaleBps, retailBps(t)])).toEqual([['low', 5_000, 5_000], ['medium', 4_000, 6_000], ['high', 3_000, 7_000]]);
  });

  it('switch exactly at the thresholds (a threshold opens its tier)', () => {
    const name = (bps: number) => selectRewardTier(bps).name;
    expect([0, 3_999, 4_000, 7_499, 7_500, 10_000, 25_000].map(name)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'high']);
    const custom: RewardTier[] = [{ name: 'quiet', minDemandBps: 0, wholesaleBps: 6_000 }, { name: 'busy', minDemandBps: 9_000, wholesaleBps: 2_000 }];
    expect(selectRewardTier(8_999, custom).name).toBe('quiet');
    expect(selectRewardTier(9_000, custom).name).toBe('busy');
  });

  it('with a band, move up at a threshold but down only a band below it', () => {
    const [low, medium, high] = DEFAULT_REWARD_TIERS;
    const walk = (levels: number[], bandBps: number) => {
      let tier: RewardTier | undefined;
      return levels.map((bps) => (tier = selectRewardTierWithBand(bps, tier, bandBps, DEFAULT_REWARD_TIERS)).name);
    };
    // Noise around 40 %: without a band the split flaps, with a 5-point band it holds once reached.
    const noisy = [3_900, 4_050, 3_950, 4_100, 3_600, 3_450];
    expect(walk(noisy, 0)).toEqual(['low', 'medium', 'low', 'medium', 'low', 'low']);
    expect(walk(noisy, 500)).toEqual(['low', 'medium', 'medium', 'medium', 'medium', 'low']);
    // A fall far below drops straight to the tier the banded level gives.
    expect(selectRewardTierWithBand(3_000, high, 500).name).toBe(low.name);
    expect(selectRewardTierWithBand(7_100, high, 500).name).toBe(high.name);
    expect(selectRewardTierWithBand(6_900, high, 500).name).toBe(medium.name);
    expect(() => selectRewardTierWithBand(1_000, undefined, -1)).toThrow(/bandBps/);
  });

  it('measure demand in basis points of capacity, rounded down', () => {
    expect(demandBps(39_999n, 100_000n)).toBe(3_999); // 39.999 % is still "low"
    expect(demandBps(40_000n, 100_000n)).toBe(4_000);
    expect(demandBps(3n, 0n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(demandBps(0n, 0n)).toBe(0);
    expect(selectRewardTier(demandBps(74_999n, 100_000n)).name).toBe('medium');
  });

  it('rejects tiers that do not start at 0 or do not increase', () => {
    expect(() => selectRewardTier(1, [{ name: 'x', minDemandBps: 10, wholesaleBps: 1 }])).toThrow(/tiers\[0\].minDemandBps must be 0, got 10/);
    expect(() => selectRewardTier(1, [{ name: 'a', minDemandBps: 0, wholesaleBps: 1 }, { name: 'b', minDemandBps: 0, wholesaleBps: 1 }])).toThrow(/tiers\[1\].minDemandBps must be > /);
    expect(() => selectRewardTier(1, [{ name: 'a', minDemandBps: 0, wholesaleBps: 10_001 }])).toThrow(/wholesaleBps/);
  });
});

describe('colo reward share instead of rent', () => {
  it('reduces rent by y and keeps rent + reduction = full rent', () => {
    expect(rentAfterRewardShare(1_000_000_000n, { coloRewardShareBps: 1_000, rentReductionBps: 4_000 })).toEqual({ rentMicroUsd: 600_000_000n, reductionMicroUsd: 400_000_000n });
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 10_000 }), (rent, y) => {
      const r = rentAfterRewardShare(rent, { coloRewardShareBps: 0, rentReductionBps: y });
      expect(r.rentMicroUsd + r.reductionMicroUsd).toBe(rent);
      expect(r.rentMicroUsd >= 0n).toBe(true);
    }), { seed: 4401, numRuns: 200 });
  });

  it('finds the share at which the colo is indifferent', () => {
    // $10k rent, 40 % off = $4k given up; $50k expected rewards → 8 % of rewards pays for it
    expect(breakEvenRewardShareBps(50_000_000_000n, 10_000_000_000n, 4_000)).toBe(800);
    expect(() => breakEvenRewardShareBps(0n, 1n, 1)).toThrow(/expectedRewardsMicroUsd must be a bigint > 0n, got 0n/);
  });
});

describe('distributeReward', () => {
  const block = 312_500_000n + 2_345_678n;

  it('splits a block reward in three conserving stages', () => {
    const ledger = new Ledger();
    ledger.transfer({ atUs: 0, from: 'network:coinbase', to: 'wholesale:wallet', amount: block, unit: 'sat', reason: 'block' });
    const d = distributeReward({
      ledger, atUs: 1, rewardSat: block, fromAccount: 'wholesale:wallet', coloAccount: 'colo', coloRewardShareBps: 1_000,
      tier: selectRewardTier(8_000), wholesaleAccount: 'wholesale:operator',
      retail: [{ account: 'retail:a', weight: 2n }, { account: 'retail:b', weight: 1n }],
    });
    // 314,845,678 → colo 31,484,568 (10 %, .8 rounds up); rest 283,361,110 → 30/70: 85,008,333 / 198,352,777
    expect(d.coloSat).toBe(31_484_568n);
    expect(d.wholesaleSat).toBe(85_008_333n);
    expect(d.retailSat).toEqual([132_235_185n, 66_117_592n]);
    expect(d.entries.map((e) => e.reason)).toEqual(['reward-share:colo', 'reward-share:wholesale:high', 'reward-share:retail:high', 'reward-share:retail:high']);
    expect(ledger.balance('wholesale:wallet', 'sat')).toBe(0n);
    expect(ledger.sum('sat')).toBe(0n);
  });

  it('accounts for every satoshi of any reward, share, tier and retail weights', () => {
    const input = fc.record({
      reward: fc.bigInt({ min: 0n, max: 21n * 10n ** 14n }),
      coloBps: fc.integer({ min: 0, max: 10_000 }),
      wholesaleBps: fc.integer({ min: 0, max: 10_000 }),
      weights: fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0n)),
    });
    fc.assert(fc.property(input, ({ reward, coloBps, wholesaleBps, weights }) => {
      const ledger = new Ledger();
      const d = distributeReward({
        ledger, atUs: 0, rewardSat: reward, fromAccount: 'pool:wallet', coloAccount: 'colo', coloRewardShareBps: coloBps,
        tier: { name: 't', minDemandBps: 0, wholesaleBps }, wholesaleAccount: 'wholesale',
        retail: weights.map((weight, i) => ({ account: `retail:${i}`, weight })),
      });
      const parts = d.coloSat + d.wholesaleSat + d.retailSat.reduce((s, x) => s + x, 0n);
      expect(parts).toBe(reward);
      expect(d.entries.reduce((s, e) => s + e.amount, 0n)).toBe(reward);
      expect(ledger.balance('pool:wallet', 'sat')).toBe(-reward);
      expect(ledger.sum('sat')).toBe(0n);
      // The colo's part is within one satoshi of x · reward.
      const error = d.coloSat * 10_000n - reward * BigInt(coloBps);
      expect(error > -10_000n && error < 10_000n).toBe(true);
    }), { seed: 4402, numRuns: 500 });
  });

  it('keeps a part whose recipient is the paying account, books nothing for zero parts', () => {
    const ledger = new Ledger();
    const d = distributeReward({
      ledger, atUs: 0, rewardSat: 1_001n, fromAccount: 'wholesale', coloAccount: 'colo', coloRewardShareBps: 0,
      tier: DEFAULT_REWARD_TIERS[0]!, wholesaleAccount: 'wholesale', retail: [{ account: 'retail', weight: 1n }],
    });
    expect([d.coloSat, d.wholesaleSat, d.retailSat[0]]).toEqual([0n, 501n, 500n]);
    expect(d.entries.map((e) => [e.to, e.amount])).toEqual([['retail', 500n]]);
    expect(() => distributeReward({ ledger, atUs: 0, rewardSat: 1n, fromAccount: 'w', coloAccount: 'c', coloRewardShareBps: 0, tier: DEFAULT_REWARD_TIERS[0]!, wholesaleAccount: 'x', retail: [] })).toThrow(/retail must list at least one pool manager/);
  });
});

describe('distributeReward with the wholesale operator\'s unsold hashrate', () => {
  it('keeps the reward of unsold hashrate whole and splits only the resold part by the tier', () => {
    const ledger = new Ledger();
    // 1,000,000 sat; colo 0; 3/4 unsold → 750,000 to the operator; the resold 250,000 at 40/60.
    const d = distributeReward({
      ledger, atUs: 0, rewardSat: 1_000_000n, fromAccount: 'miner:g', coloAccount: 'colo', coloRewardShareBps: 0,
      tier: selectRewardTier(5_000), wholesaleAccount: 'operator', wholesaleOwnWeight: 3n,
      retail: [{ account: 'retail:a', weight: 1n }, { account: 'retail:b', weight: 0n }],
    });
    expect(d.wholesaleOwnSat).toBe(750_000n);
    expect(d.wholesaleSat).toBe(850_000n);
    expect(d.retailSat).toEqual([150_000n, 0n]);
    expect(d.entries.map((e) => [e.to, e.amount])).toEqual([['operator', 850_000n], ['retail:a', 150_000n]]);
  });

  it('pays everything to the operator when nobody holds hashrate, and rejects all-zero weights', () => {
    const ledger = new Ledger();
    const d = distributeReward({
      ledger, atUs: 0, rewardSat: 999n, fromAccount: 'miner:g', coloAccount: 'colo', coloRewardShareBps: 1_000,
      tier: DEFAULT_REWARD_TIERS[2]!, wholesaleAccount: 'operator', wholesaleOwnWeight: 5n, retail: [{ account: 'retail:a', weight: 0n }],
    });
    expect([d.coloSat, d.wholesaleSat, d.retailSat[0]]).toEqual([100n, 899n, 0n]);
    expect(() => distributeReward({
      ledger, atUs: 0, rewardSat: 1n, fromAccount: 'm', coloAccount: 'c', coloRewardShareBps: 0, tier: DEFAULT_REWARD_TIERS[0]!,
      wholesaleAccount: 'o', wholesaleOwnWeight: 0n, retail: [{ account: 'r', weight: 0n }],
    })).toThrow(/wholesaleOwnWeight and the retail weights must not all be 0n/);
  });

  it('accounts for every satoshi whatever the unsold and held hashrate', () => {
    const input = fc.record({
      reward: fc.bigInt({ min: 0n, max: 21n * 10n ** 14n }),
      coloBps: fc.integer({ min: 0, max: 10_000 }),
      wholesaleBps: fc.integer({ min: 0, max: 10_000 }),
      own: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      weights: fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 0, maxLength: 6 }),
    }).filter(({ own, weights }) => own + weights.reduce((s, w) => s + w, 0n) > 0n);
    fc.assert(fc.property(input, ({ reward, coloBps, wholesaleBps, own, weights }) => {
      const ledger = new Ledger();
      const d = distributeReward({
        ledger, atUs: 0, rewardSat: reward, fromAccount: 'miner:g', coloAccount: 'colo', coloRewardShareBps: coloBps,
        tier: { name: 't', minDemandBps: 0, wholesaleBps }, wholesaleAccount: 'operator', wholesaleOwnWeight: own,
        retail: weights.map((weight, i) => ({ account: `retail:${i}`, weight })),
      });
      expect(d.coloSat + d.wholesaleSat + d.retailSat.reduce((s, x) => s + x, 0n)).toBe(reward);
      expect(ledger.balance('miner:g', 'sat')).toBe(-reward);
      expect(d.wholesaleOwnSat <= d.wholesaleSat).toBe(true);
      // A manager holding nothing gets nothing.
      weights.forEach((w, i) => {
        if (w === 0n) expect(d.retailSat[i]).toBe(0n);
      });
    }), { seed: 4403, numRuns: 500 });
  });
});
