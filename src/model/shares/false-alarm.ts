// How often share noise alone makes the pool misjudge a worker: with N expected shares in the window
// the estimate's relative sd is 1/√N (domain-facts §2.1, §5), so a healthy worker dips below a
// fraction f of its expected hashrate with probability ≈ Φ((f − 1)·√N).
import { checkPositive, shown } from './_check.js';
import { normalCdf } from './normal-cdf.js';

function checkFraction(argument: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw new RangeError(`${argument} must be in (0, 1], got ${shown(value)}`);
  return value;
}

/**
 * P(a worker delivering deliveredFraction·H is judged below degradedBelowFraction·H), normal
 * approximation: the count K ~ Poisson(a·N) ≈ Normal(a·N, a·N), judged low when K < f·N, so
 * Φ((f − a)·√N / √a). No continuity correction, to keep the brief's closed form; at N = 40, f = 0.8 it
 * says 10.3 % where the Poisson sum gives 8.6 %.
 */
export function degradedProbability(expectedSharesInWindow: number, degradedBelowFraction: number, deliveredFraction = 1): number {
  checkPositive('expectedSharesInWindow', expectedSharesInWindow);
  checkFraction('degradedBelowFraction', degradedBelowFraction);
  checkPositive('deliveredFraction', deliveredFraction);
  const a = deliveredFraction;
  return normalCdf(((degradedBelowFraction - a) * Math.sqrt(expectedSharesInWindow)) / Math.sqrt(a));
}

/** A healthy worker judged degraded: Φ((f − 1)·√N), e.g. f = 0.8 → Φ(−0.2·√N). */
export function falseAlarmProbability(expectedSharesInWindow: number, degradedBelowFraction: number): number {
  return degradedProbability(expectedSharesInWindow, degradedBelowFraction, 1);
}

/**
 * The same for shares of one difficulty, exactly: P(K < f·N) for K ~ Poisson(N), summed in log space
 * so e^-N does not underflow for large N.
 */
export function falseAlarmProbabilityPoisson(expectedSharesInWindow: number, degradedBelowFraction: number): number {
  const n = checkPositive('expectedSharesInWindow', expectedSharesInWindow);
  const threshold = checkFraction('degradedBelowFraction', degradedBelowFraction) * n;
  const logN = Math.log(n);
  let logTerm = -n;
  let sum = 0;
  for (let k = 0; k < threshold; k++) {
    if (k > 0) logTerm += logN - Math.log(k);
    sum += Math.exp(logTerm);
  }
  return Math.min(sum, 1);
}
