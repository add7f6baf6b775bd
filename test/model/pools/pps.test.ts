// PPS and FPPS: each share pays (1 − f)·B·d/D, exactly in total (⌊Σ exact⌋ per miner), with zero
// variance; the operator's reserve absorbs the luck, and its ruin rate matches the closed form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcd } from '../../../src/model/ledger/exact.js';
import { ratioFromNumber } from '../../../src/model/ledger/ratio.js';
import { ppsLundbergExponent, ppsRuinProbability, ppsRuinProbabilityLundberg } from '../../../src/model/pools/closed-forms.js';
import { createFpps } from '../../../src/model/pools/fpps.js';
import { createPps } from '../../../src/model/pools/pps.js';
import { createSeededRng, drawGeometric } from '../helpers/seeded-rng.js';
import { applyEvent, paidIn, poolEventsArb } from '../helpers/pool-events.js';

const B = 1_000_000n;
const ctx = { networkDifficulty: 100, subsidySat: B };

/** Reduced fraction sum, independent of the library's accumulator. */
function addFraction(a: [bigint, bigint], num: bigint, den: bigint): [bigint, bigint] {
  const n = a[0] * den + num * a[1];
  const d = a[1] * den;
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}

describe('PPS', () => {
  it('pays (1 − f)·B·d/D for every share at once, with zero variance', () => {
    const pps = createPps({ feeBps: 200 });
    const amounts = new Set<bigint>();
    for (let i = 0; i < 1000; i++) {
      const s = pps.onShare({ minerId: `m${i % 7}`, difficulty: 1, atUs: i }, ctx);
      expect(s.payouts).toHaveLength(1);
      amounts.add(s.payouts[0]!.amountSat);
    }
    expect([...amounts]).toEqual([9_800n]); // 0.98 · 1e6 / 100
    expect(pps.reserveSat).toBe(-9_800_000n);
  });

  it('carries fractions of a satoshi so a miner is paid ⌊Σ exact⌋ after every share', () => {
    const pps = createPps({ feeBps: 250 });
    const D = 3; // 0.975 · 1e6 / 3 = 325 000 exactly; d = 1/7 makes it fractional
    let paid = 0n;
    for (let n = 1; n <= 50; n++) {
      paid += paidIn(pps.onShare({ minerId: 'a', difficulty: 1 / 7, atUs: n }, { networkDifficulty: D, subsidySat: B }));
      const d = ratioFromNumber(1 / 7);
      const exact: [bigint, bigint] = [975n * B * d.num * BigInt(n), 1000n * d.den * 3n];
      expect(paid).toBe(exact[0] / exact[1]);
    }
  });

  it('⌊Σ exact⌋ per miner for random streams with retargets', () => {
    fc.assert(fc.property(poolEventsArb, fc.integer({ min: 0, max: 10_000 }), (events, feeBps) => {
      const pps = createPps({ feeBps, startingReserveSat: 123n });
      const exact = new Map<string, [bigint, bigint]>();
      const paid = new Map<string, bigint>();
      let retained = 0n;
      for (const e of events) {
        const s = applyEvent(pps, e);
        retained += s.retainedSat;
        for (const p of s.payouts) paid.set(p.minerId, (paid.get(p.minerId) ?? 0n) + p.amountSat);
        if (e.kind === 'share') {
          const d = ratioFromNumber(e.share.difficulty);
          const D = ratioFromNumber(e.ctx.networkDifficulty);
          exact.set(e.share.minerId, addFraction(exact.get(e.share.minerId) ?? [0n, 1n], BigInt(10_000 - feeBps) * e.ctx.subsidySat * d.num * D.den, 10_000n * d.den * D.num));
        } else {
          expect(s.retainedSat).toBe(e.block.rewardSat); // the operator keeps blocks
        }
      }
      for (const [miner, [n, d]] of exact) {
        expect(paid.get(miner) ?? 0n).toBe(n / d);
        const frac = pps.unpaidFractionSat(miner);
        expect(frac.num * d).toBe((n % d) * frac.den); // the carried fraction is exactly what is owed
      }
      expect(pps.reserveSat).toBe(123n + retained);
      expect(pps.lowestReserveSat <= pps.reserveSat && pps.lowestReserveSat <= 123n).toBe(true);
    }), { seed: 201, numRuns: 200 });
  });

  it('stays bounded and never overpays across hundreds of retargets', () => {
    const pps = createPps({ feeBps: 250 });
    let exact: [bigint, bigint] = [0n, 1n];
    let paid = 0n;
    let D = 1.234567e13;
    for (let r = 0; r < 300; r++) {
      D *= 1 + ((r * 7919) % 97) / 1000 + 1e-9;
      const ctxR = { networkDifficulty: D, subsidySat: 312_500_000n };
      let sumD = 0n;
      for (let i = 0; i < 20; i++) {
        const d = 65_536 * (1 + (i % 5));
        paid += paidIn(pps.onShare({ minerId: 'a', difficulty: d, atUs: 0 }, ctxR));
        sumD += BigInt(d);
      }
      // Unreduced on purpose: a gcd per step on these growing numbers would dominate the test.
      const Dr = ratioFromNumber(D);
      exact = [exact[0] * 10_000n * Dr.num + 9_750n * 312_500_000n * sumD * Dr.den * exact[1], exact[1] * 10_000n * Dr.num];
      expect(pps.unpaidFractionSat('a').den.toString(2).length).toBeLessThanOrEqual(257);
    }
    const floorExact = exact[0] / exact[1];
    expect(paid <= floorExact && paid >= floorExact - 1n).toBe(true);
  });

  it('keeps the operator reserve: start + blocks − share payouts', () => {
    const pps = createPps({ feeBps: 0, startingReserveSat: 50_000n });
    pps.onShare({ minerId: 'a', difficulty: 10, atUs: 0 }, ctx); // pays 100 000
    expect(pps.reserveSat).toBe(-50_000n);
    pps.onBlock({ finderMinerId: 'a', atUs: 1, rewardSat: B + 7n, feesSat: 7n }, ctx);
    expect(pps.reserveSat).toBe(950_007n);
    expect(pps.lowestReserveSat).toBe(-50_000n);
  });
});

describe('FPPS', () => {
  it('prices shares on subsidy + expected fees, overridable per event', () => {
    const fpps = createFpps({ feeBps: 400, expectedFeesSat: 250_000n });
    const s = fpps.onShare({ minerId: 'a', difficulty: 1, atUs: 0 }, ctx);
    expect(s.payouts[0]!.amountSat).toBe(12_000n); // 0.96 · 1.25e6 / 100
    const t = fpps.onShare({ minerId: 'a', difficulty: 1, atUs: 1 }, { ...ctx, expectedFeesSat: 0n });
    expect(t.payouts[0]!.amountSat).toBe(9_600n);
    expect(fpps.name).toBe('FPPS');
  });
});

describe('PPS operator ruin (Monte Carlo against the closed forms)', () => {
  it('ruins at the Lundberg rate exp(−u·R/B); the diffusion exp(−2fR/B) is conservative at a 20 % fee', () => {
    const p = 0.01; // D = 100, difficulty-1 shares
    const feeBps = 2_000;
    const reserveSat = 5n * B;
    const paths = 1_000;
    const rng = createSeededRng(20_111_222);
    let ruined = 0;
    for (let path = 0; path < paths; path++) {
      const pps = createPps({ feeBps, startingReserveSat: reserveSat });
      // One round per step: the round's K shares as one aggregated share, then its block. Within a
      // round the reserve only falls, so checking after the shares sees its lowest point.
      while (pps.reserveSat < reserveSat + 25n * B) {
        pps.onShare({ minerId: 'm', difficulty: drawGeometric(rng, p), atUs: 0 }, ctx);
        if (pps.lowestReserveSat < 0n) break;
        pps.onBlock({ finderMinerId: 'm', atUs: 0, rewardSat: B, feesSat: 0n }, ctx);
      }
      if (pps.lowestReserveSat < 0n) ruined += 1;
    }
    const observed = ruined / paths;
    const lundberg = ppsRuinProbabilityLundberg({ blockRewardSat: B, feeBps, reserveSat, blockProbability: p });
    const standardError = Math.sqrt((lundberg * (1 - lundberg)) / paths);
    expect(Math.abs(observed - lundberg)).toBeLessThan(4 * standardError);
    const diffusion = ppsRuinProbability({ blockRewardSat: B, feeBps, reserveSat });
    // The up-jumps make the walk skewed, so the diffusion overstates ruin; it is close only for small f.
    expect(diffusion).toBeGreaterThan(observed);
    expect(ppsLundbergExponent({ blockProbability: p, feeBps })).toBeGreaterThan(0.4);
  });
});
