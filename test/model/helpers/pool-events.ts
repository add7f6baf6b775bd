// Random share/block streams for the payout-scheme suites, drawn by fast-check (seeded by fc.assert).
import fc from 'fast-check';
import type { FoundBlock, PayoutScheme, PoolContext, Settlement, Share } from '../../../src/model/pools/types.js';

export type PoolEvent =
  | { readonly kind: 'share'; readonly share: Share; readonly ctx: PoolContext }
  | { readonly kind: 'block'; readonly block: FoundBlock; readonly ctx: PoolContext };

export const MINERS = ['alice', 'bob', 'carol', 'dave'] as const;

/** A stream of shares and ~10 % blocks; D changes now and then (a retarget); a block's finder is the last share's miner. */
export const poolEventsArb = fc.record({
  steps: fc.array(fc.record({
    blockChance: fc.integer({ min: 0, max: 9 }),
    minerIndex: fc.integer({ min: 0, max: MINERS.length - 1 }),
    difficulty: fc.constantFrom(1, 2, 0.5, 3.7, 64, 1e-3, 1000),
    rewardSat: fc.bigInt({ min: 0n, max: 700_000_000n }),
    feesPermille: fc.integer({ min: 0, max: 1000 }),
    retarget: fc.integer({ min: 0, max: 19 }),
    newDifficulty: fc.double({ min: 1, max: 1e6, noNaN: true }),
  }), { maxLength: 120 }),
  startDifficulty: fc.double({ min: 1, max: 1e6, noNaN: true }),
  subsidySat: fc.constantFrom(5_000_000_000n, 312_500_000n, 1n, 0n),
}).map(({ steps, startDifficulty, subsidySat }) => {
  const events: PoolEvent[] = [];
  let networkDifficulty = startDifficulty;
  let lastMiner: string = MINERS[0];
  let atUs = 0;
  for (const s of steps) {
    atUs += 1_000;
    if (s.retarget === 0) networkDifficulty = s.newDifficulty;
    const ctx: PoolContext = { networkDifficulty, subsidySat };
    if (s.blockChance === 0) {
      const feesSat = (s.rewardSat * BigInt(s.feesPermille)) / 1000n;
      events.push({ kind: 'block', block: { finderMinerId: lastMiner, atUs, rewardSat: s.rewardSat, feesSat }, ctx });
    } else {
      lastMiner = MINERS[s.minerIndex]!;
      events.push({ kind: 'share', share: { minerId: lastMiner, difficulty: s.difficulty, atUs }, ctx });
    }
  }
  return events;
});

export function applyEvent(scheme: PayoutScheme, event: PoolEvent): Settlement {
  return event.kind === 'share' ? scheme.onShare(event.share, event.ctx) : scheme.onBlock(event.block, event.ctx);
}

export const paidIn = (s: Settlement): bigint => s.payouts.reduce((sum, p) => sum + p.amountSat, 0n);
