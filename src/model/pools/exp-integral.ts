// The exponential integral E1(x) = ∫_x^∞ e^-t/t dt for x > 0, and eˣ·E1(x) without overflow:
// power series for x ≤ 1, continued fraction (modified Lentz) above — Numerical Recipes §6.3, A&S 5.1.11/5.1.22.
import { shown } from '../ledger/exact.js';

const EULER_GAMMA = 0.5772156649015329;
const EPS = 1e-16;
const MAX_ITERATIONS = 200;
const TINY = 1e-300;

function checkX(x: number): void {
  if (!(x >= 0) || x === Infinity) throw new RangeError(`x must be a finite number ≥ 0, got ${shown(x)}`);
}

function seriesE1(x: number): number {
  // E1(x) = −γ − ln x − Σ_{k≥1} (−x)^k / (k·k!)
  let sum = 0;
  let term = 1;
  for (let k = 1; k <= MAX_ITERATIONS; k++) {
    term *= -x / k;
    const add = term / k;
    sum += add;
    if (Math.abs(add) < Math.abs(sum) * EPS) break;
  }
  return -EULER_GAMMA - Math.log(x) - sum;
}

function continuedFractionScaledE1(x: number): number {
  // eˣE1(x) = 1/(x+1− 1/(x+3− 4/(x+5− …))), evaluated by the modified Lentz method.
  let b = x + 1;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * i;
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const delta = c * d;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** E1(x); +∞ at 0. */
export function exponentialIntegralE1(x: number): number {
  checkX(x);
  if (x === 0) return Infinity;
  return x <= 1 ? seriesE1(x) : continuedFractionScaledE1(x) * Math.exp(-x);
}

/** eˣ·E1(x), finite for large x (→ 1/x); +∞ at 0. */
export function scaledExponentialIntegralE1(x: number): number {
  checkX(x);
  if (x === 0) return Infinity;
  return x <= 1 ? Math.exp(x) * seriesE1(x) : continuedFractionScaledE1(x);
}
