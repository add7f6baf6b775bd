// PROP: splits each block over its round ∝ difficulty; early shares in a round are worth more than
// late ones (Rosenfeld 2011 §2.1: pB·eˣE1(x)), crossing fair value near x = 0.435.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedPayoutPerShareSat, PROP_BREAK_EVEN_X, propShareValueFactor } from '../../../src/model/pools/closed-forms.js';
import { createProp } from '../../../src/model/pools/prop.js';
import { createSeededRng } from '../helpers/seeded-rng.js';

const ctx = { networkDifficulty: 100, subsidySat: 1_000_000n };

/** Exact expected value of the share at 0-based position k of a round, B'·Σ_{m≥1} p·q^(m−1)/(k+m). */
function discreteShareValues(p: number, bMiners: number, kMax: number): Float64Array {
  const q = 1 - p;
  // w(k) = 1/(k+1) + q·w(k+1), started far out where the error is damped by q^(K−k).
  const far = kMax + Math.ceil(60 / p);
  const values = new Float64Array(kMax + 1);
  let w = 1 / (p * (far + 1));
  for (let k = far; k >= 0; k--) {
    w = 1 / (k + 1) + q * w;
    if (k <= kMax) values[k] = bMiners * p * w;
  }
  return values;
}

describe('PROP accounting', () => {
  it('splits a round ∝ difficulty after the fee, then starts a new round', () => {
    const prop = createProp({ feeBps: 100 });
    for (const [minerId, difficulty] of [['a', 1], ['b', 2], ['a', 1], ['a', 1]] as const) prop.onShare({ minerId, difficulty, atUs: 0 }, ctx);
    const s = prop.onBlock({ finderMinerId: 'a', atUs: 1, rewardSat: 1_000_000n, feesSat: 0n }, ctx);
    expect(s.poolFeeSat).toBe(10_000n);
    expect(s.payouts).toEqual([
      { minerId: 'a', amountSat: 594_000n, reason: 'prop:block' },
      { minerId: 'b', amountSat: 396_000n, reason: 'prop:block' },
    ]);
    expect(prop.roundScores().size).toBe(0);
    // A block with no shares in its round stays with the pool.
    const empty = prop.onBlock({ finderMinerId: 'a', atUs: 2, rewardSat: 1_000n, feesSat: 0n }, ctx);
    expect(empty).toMatchObject({ payouts: [], poolFeeSat: 10n, retainedSat: 990n });
  });

  it('weights fractional difficulties exactly', () => {
    const prop = createProp({ feeBps: 0 });
    prop.onShare({ minerId: 'a', difficulty: 0.1, atUs: 0 }, ctx);
    prop.onShare({ minerId: 'b', difficulty: 0.3, atUs: 0 }, ctx);
    const s = prop.onBlock({ finderMinerId: 'b', atUs: 0, rewardSat: 4_000_000_000n, feesSat: 0n }, ctx);
    // The doubles 0.1 and 0.3 are not exactly 1:3; the split follows the doubles, a satoshi-fraction off 1:3.
    expect(s.payouts.map((p) => p.amountSat)).toEqual([1_000_000_000n, 3_000_000_000n]);
  });
});

describe('PROP share value by position in the round (simulation, seeded)', () => {
  const D = 100;
  const p = 1 / D;
  const B = 1_000_000n;
  const feeBps = 100;
  const bMiners = Number(B) * 0.99;
  const fair = expectedPayoutPerShareSat({ blockRewardSat: B, networkDifficulty: D, feeBps });
  const buckets = [
    { id: 'x<0.2', from: 0, to: 20 },
    { id: '0.2≤x<0.43', from: 20, to: 43 },
    { id: '0.43≤x<0.7', from: 43, to: 70 },
    { id: 'x≥0.7', from: 70, to: Infinity },
  ];
  const bucketOf = (k: number) => buckets.find((b) => k >= b.from && k < b.to)!;

  // Each share's miner id is its bucket, so PROP's per-miner payout is the bucket's payout.
  function simulate() {
    const rng = createSeededRng(424_242);
    const prop = createProp({ feeBps });
    const perRound: { payout: Map<string, number>; expected: Map<string, number> }[] = [];
    const counts = new Map<string, number>();
    const values = discreteShareValues(p, bMiners, 5_000);
    let k = 0;
    let expected = new Map<string, number>();
    let roundCounts = new Map<string, number>();
    for (let i = 0; i < 300_000; i++) {
      const bucket = bucketOf(k);
      prop.onShare({ minerId: bucket.id, difficulty: 1, atUs: i }, ctx);
      expected.set(bucket.id, (expected.get(bucket.id) ?? 0) + values[Math.min(k, 5_000)]!);
      roundCounts.set(bucket.id, (roundCounts.get(bucket.id) ?? 0) + 1);
      k += 1;
      if (rng.uniform() < p) {
        const s = prop.onBlock({ finderMinerId: bucket.id, atUs: i, rewardSat: B, feesSat: 0n }, ctx);
        perRound.push({ payout: new Map(s.payouts.map((x) => [x.minerId, Number(x.amountSat)])), expected });
        for (const [id, n] of roundCounts) counts.set(id, (counts.get(id) ?? 0) + n);
        expected = new Map();
        roundCounts = new Map();
        k = 0;
      }
    }
    // Shares after the last block belong to an unfinished round and are left out.
    return { perRound, counts };
  }
  let perRound: ReturnType<typeof simulate>['perRound'];
  let counts: ReturnType<typeof simulate>['counts'];
  beforeAll(() => {
    ({ perRound, counts } = simulate());
  });

  it('matches the exact expectation in every bucket (rounds are i.i.d.: self-normalised z within 4)', () => {
    expect(perRound.length).toBeGreaterThan(2_500);
    for (const b of buckets) {
      let sum = 0;
      let sumSq = 0;
      for (const r of perRound) {
        const residual = (r.payout.get(b.id) ?? 0) - (r.expected.get(b.id) ?? 0);
        sum += residual;
        sumSq += residual * residual;
      }
      const z = sum / Math.sqrt(sumSq);
      expect(Math.abs(z)).toBeLessThan(4);
    }
  });

  it('pays early shares more than fair and late shares less', () => {
    const mean = (id: string) => perRound.reduce((s, r) => s + (r.payout.get(id) ?? 0), 0) / counts.get(id)!;
    expect(mean('x<0.2') / fair).toBeGreaterThan(1.5);
    expect(mean('x≥0.7') / fair).toBeLessThan(0.8);
    expect(mean('x<0.2')).toBeGreaterThan(mean('0.2≤x<0.43'));
    expect(mean('0.2≤x<0.43')).toBeGreaterThan(mean('0.43≤x<0.7'));
    expect(mean('0.43≤x<0.7')).toBeGreaterThan(mean('x≥0.7'));
  });

  it('the exact per-position value crosses fair value near x = 0.435·D, approaching eˣE1(x)', () => {
    for (const bigD of [100, 10_000]) {
      const v = discreteShareValues(1 / bigD, 1, 3 * bigD);
      const crossing = v.findIndex((value) => value < 1 / bigD);
      expect(Math.abs(crossing / bigD - PROP_BREAK_EVEN_X)).toBeLessThan(bigD === 100 ? 0.02 : 0.001);
      const x = 1.5;
      expect(v[x * bigD]! * bigD).toBeCloseTo(propShareValueFactor(x), bigD === 100 ? 1 : 3);
    }
  });
});
