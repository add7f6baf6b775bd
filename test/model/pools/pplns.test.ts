// PPLNS as Miningcore does it: last X·D difficulty-1 shares, newest first, the crossing share counted
// partly, young-pool remainder kept; a share's expected payout is pB(1 − f) wherever it falls in a
// round, with variance pB'²/N (Rosenfeld 2011 §5; domain-facts §2.6).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ratioAdd, ratioCompare, ratioDiv, ratioFromNumber, ratioMul, ratioSub, RATIO_ZERO, type Ratio } from '../../../src/model/ledger/ratio.js';
import { splitPoolFee } from '../../../src/model/pools/settlement.js';
import { applyEvent, poolEventsArb } from '../helpers/pool-events.js';
import { expectedPayoutPerShareSat, pplnsShareVarianceSat2 } from '../../../src/model/pools/closed-forms.js';
import { createPplns } from '../../../src/model/pools/pplns.js';
import { createSeededRng } from '../helpers/seeded-rng.js';

const block = (rewardSat: bigint) => ({ finderMinerId: 'x', atUs: 0, rewardSat, feesSat: 0n });
const amounts = (s: { payouts: readonly { minerId: string; amountSat: bigint }[] }) => Object.fromEntries(s.payouts.map((p) => [p.minerId, p.amountSat]));

describe('PPLNS accounting', () => {
  const ctx = { networkDifficulty: 2, subsidySat: 0n };

  it('pays the last X·D of difficulty newest first, score d/D, reward score·B′/X', () => {
    const pplns = createPplns({ feeBps: 0, windowFactor: 2 });
    for (const [minerId, difficulty] of [['old', 1], ['c', 1], ['a', 1], ['b', 2]] as const) pplns.onShare({ minerId, difficulty, atUs: 0 }, ctx);
    // newest → oldest: b 1, a 0.5, c 0.5 → Σ = 2 = X; 'old' is outside the window.
    const s = pplns.onBlock(block(1_000_000n), ctx);
    expect(amounts(s)).toEqual({ b: 500_000n, a: 250_000n, c: 250_000n });
    expect(s.retainedSat).toBe(0n);
    expect(pplns.windowLength).toBe(3); // 'old' can never be reached again, so it was dropped
  });

  it('counts the share that crosses X only for the rest of the window', () => {
    const pplns = createPplns({ feeBps: 1_000, windowFactor: 2 });
    pplns.onShare({ minerId: 'a', difficulty: 3, atUs: 0 }, ctx); // score 1.5
    pplns.onShare({ minerId: 'b', difficulty: 2, atUs: 0 }, ctx); // score 1
    const s = pplns.onBlock(block(1_000_000n), ctx);
    expect(s.poolFeeSat).toBe(100_000n);
    expect(amounts(s)).toEqual({ b: 450_000n, a: 450_000n });
  });

  it('keeps the unfilled part of a young window with the pool (Miningcore)', () => {
    const pplns = createPplns({ feeBps: 0, windowFactor: 2 });
    pplns.onShare({ minerId: 'a', difficulty: 1, atUs: 0 }, ctx); // score 0.5 of 2
    expect(pplns.windowFill()).toBe(0.25);
    const s = pplns.onBlock(block(1_000_000n), ctx);
    expect(amounts(s)).toEqual({ a: 250_000n });
    expect(s.retainedSat).toBe(750_000n);
    const empty = createPplns({ feeBps: 0 }).onBlock(block(7n), ctx);
    expect(empty).toMatchObject({ payouts: [], retainedSat: 7n });
  });

  it('scores each share at the network difficulty it was submitted under', () => {
    const pplns = createPplns({ feeBps: 0, windowFactor: 1 });
    pplns.onShare({ minerId: 'early', difficulty: 1, atUs: 0 }, { networkDifficulty: 4, subsidySat: 0n }); // 1/4
    pplns.onShare({ minerId: 'late', difficulty: 1, atUs: 1 }, { networkDifficulty: 2, subsidySat: 0n }); // 1/2
    const s = pplns.onBlock(block(1_000_000n), { networkDifficulty: 2, subsidySat: 0n });
    expect(amounts(s)).toEqual({ late: 500_000n, early: 250_000n });
    expect(s.retainedSat).toBe(250_000n);
  });

  it('holds only what the next block can reach, across many retargets', () => {
    const pplns = createPplns({ feeBps: 0, windowFactor: 2 });
    let D = 50;
    for (let i = 0; i < 20_000; i++) {
      if (i % 500 === 0) D *= 1.0371; // a retarget every 500 shares
      pplns.onShare({ minerId: `m${i % 3}`, difficulty: 1, atUs: i }, { networkDifficulty: D, subsidySat: 0n });
      expect(pplns.windowLength).toBeLessThanOrEqual(Math.ceil(2 * D) + 1);
    }
    expect(pplns.windowFill()).toBe(1);
    const s = pplns.onBlock(block(123_456_789n), { networkDifficulty: D, subsidySat: 0n });
    expect(s.payouts.reduce((t, p) => t + p.amountSat, 0n)).toBe(123_456_789n);
  });
});

describe('PPLNS against a literal port of Miningcore\'s walk (exact rationals, every share kept)', () => {
  /** Miningcore CalculateRewardsAsync: newest → oldest, score = d/D, cap at the window, reward = score·B′/X. */
  function reference(shares: readonly { minerId: string; score: Ratio }[], x: Ratio, bMiners: bigint): Map<string, Ratio> {
    const rewards = new Map<string, Ratio>();
    let accumulated: Ratio = RATIO_ZERO;
    for (let i = shares.length - 1; i >= 0; i--) {
      let score = shares[i]!.score;
      const done = ratioCompare(ratioAdd(accumulated, score), x) >= 0;
      if (done) score = ratioSub(x, accumulated);
      const reward = ratioDiv(ratioMul(score, { num: bMiners, den: 1n }), x);
      rewards.set(shares[i]!.minerId, ratioAdd(rewards.get(shares[i]!.minerId) ?? RATIO_ZERO, reward));
      accumulated = ratioAdd(accumulated, score);
      if (done) break;
    }
    return rewards;
  }

  it('pays every miner within a satoshi of the exact Miningcore reward', () => {
    fc.assert(fc.property(poolEventsArb, fc.constantFrom(0.37, 1, 2, 5), (events, windowFactor) => {
      const pplns = createPplns({ feeBps: 150, windowFactor });
      const x = ratioFromNumber(windowFactor);
      const shares: { minerId: string; score: Ratio }[] = [];
      for (const e of events) {
        const s = applyEvent(pplns, e);
        if (e.kind === 'share') {
          shares.push({ minerId: e.share.minerId, score: ratioDiv(ratioFromNumber(e.share.difficulty), ratioFromNumber(e.ctx.networkDifficulty)) });
          continue;
        }
        const exact = reference(shares, x, splitPoolFee(e.block.rewardSat, 150).minersSat);
        const paid = new Map(s.payouts.map((p) => [p.minerId, p.amountSat]));
        for (const [minerId, r] of exact) {
          const error = (paid.get(minerId) ?? 0n) * r.den - r.num; // (paid − exact)·den
          expect(error < r.den * 1001n / 1000n && error > -r.den * 1001n / 1000n).toBe(true);
        }
        for (const minerId of paid.keys()) expect(exact.has(minerId)).toBe(true);
      }
    }), { seed: 301, numRuns: 200 });
  });
});

describe('PPLNS is hopping-proof (simulation, seeded)', () => {
  // Difficulty-1 shares, each a block with p = 1/D; window N = X·D = 200 shares; B′/N = 4 900 sat exactly.
  const D = 100;
  const p = 1 / D;
  const windowFactor = 2;
  const N = windowFactor * D;
  const B = 1_000_000n;
  const feeBps = 200;
  const bMiners = 980_000;
  const shares = 300_000;
  const fair = expectedPayoutPerShareSat({ blockRewardSat: B, networkDifficulty: D, feeBps });
  const early = 43; // position in round < 0.43·D

  let payoutByShare: Float64Array;
  let label: Uint8Array; // 0 early, 1 late, 2 tail (last N shares: their windows run past the end)
  beforeAll(() => {
    const rng = createSeededRng(777);
    const pplns = createPplns({ feeBps, windowFactor });
    const ctx = { networkDifficulty: D, subsidySat: B };
    payoutByShare = new Float64Array(shares);
    label = new Uint8Array(shares);
    let k = 0;
    for (let j = 0; j < shares; j++) {
      label[j] = j >= shares - N ? 2 : k < early ? 0 : 1;
      pplns.onShare({ minerId: String(j), difficulty: 1, atUs: j }, ctx);
      k += 1;
      if (rng.uniform() < p) {
        for (const x of pplns.onBlock({ finderMinerId: String(j), atUs: j, rewardSat: B, feesSat: 0n }, ctx).payouts) {
          payoutByShare[Number(x.minerId)]! += Number(x.amountSat);
        }
        k = 0;
      }
    }
  });

  it('pays early-round and late-round shares pB(1 − f) on average (martingale z within 4)', () => {
    // Bucket total S = Σ_j Z_j·(B′/N)·c_j, c_j = bucket shares in block j's window, known before Z_j is
    // drawn, so S − pB′Σc_j/N is a martingale with variance Σ (B′/N)²·p(1 − p)·c_j².
    for (const bucket of [0, 1]) {
      let total = 0;
      let count = 0;
      let varianceSum = 0;
      let inWindow = 0;
      for (let j = 0; j < shares; j++) {
        if (label[j] === bucket) {
          total += payoutByShare[j]!;
          count += 1;
          inWindow += 1;
        }
        if (j >= N && label[j - N] === bucket) inWindow -= 1;
        varianceSum += inWindow * inWindow;
      }
      const standardError = Math.sqrt(varianceSum * (bMiners / N) ** 2 * p * (1 - p));
      const z = (total - count * fair) / standardError;
      expect(Math.abs(z)).toBeLessThan(4);
    }
  });

  it('has per-share variance p·B′²/N within 20 %', () => {
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    for (let j = 0; j < shares; j++) {
      if (label[j] === 2) continue;
      n += 1;
      sum += payoutByShare[j]!;
      sumSq += payoutByShare[j]! ** 2;
    }
    const variance = (sumSq - (sum * sum) / n) / (n - 1);
    const closedForm = pplnsShareVarianceSat2({ blockRewardSat: B, networkDifficulty: D, feeBps, windowFactor });
    expect(closedForm).toBeCloseTo((p * bMiners ** 2) / N, 6);
    expect(Math.abs(variance / closedForm - 1)).toBeLessThan(0.2);
  });
});
