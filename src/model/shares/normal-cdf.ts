// Standard normal distribution function Φ by W. J. Cody's rational Chebyshev approximations
// (ACM TOMS 19 (1993) 22–32, Algorithm 715 ANORM; the same three ranges and coefficients as R's pnorm).
// Relative error near 1e-15 where Φ is representable; Abramowitz–Stegun 7.1.26 (≈1.5e-7 absolute)
// is not enough for tail probabilities.

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303];
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5];

const M_1_SQRT_2PI = 0.398942280401432677939946059934;
const M_SQRT_32 = 5.656854249492380195206754896838;
/** Φ^-1(3/4): below it Φ − 1/2 is computed directly. */
const SMALL_Y = 0.67448975;
/** Beyond ±37.5193 the lower tail underflows to 0 (R's pnorm bound). */
const UNDERFLOW_Y = 37.5193;

/** exp(−x²/2) · r with x² split at a multiple of 1/16 so the large part is exact (Cody's "del"). */
function scaledGaussian(x: number, r: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * r;
}

/** Smaller tail min(Φ(x), 1 − Φ(x)) for |x| ≥ SMALL_Y, accurate in relative terms. */
function tail(y: number): number {
  if (y <= M_SQRT_32) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]) * y;
      xden = (xden + D[i]) * y;
    }
    return scaledGaussian(y, (xnum + C[7]) / (xden + D[7]));
  }
  if (y >= UNDERFLOW_Y) return 0;
  const xsq = 1 / (y * y);
  let xnum = P[5] * xsq;
  let xden = xsq;
  for (let i = 0; i < 4; i++) {
    xnum = (xnum + P[i]) * xsq;
    xden = (xden + Q[i]) * xsq;
  }
  const r = (xsq * (xnum + P[4])) / (xden + Q[4]);
  return scaledGaussian(y, (M_1_SQRT_2PI - r) / y);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) throw new RangeError(`x must be a number, got ${String(x)}`);
  const y = Math.abs(x);
  if (y <= SMALL_Y) {
    const xsq = x * x;
    let xnum = A[4] * xsq;
    let xden = xsq;
    for (let i = 0; i < 3; i++) {
      xnum = (xnum + A[i]) * xsq;
      xden = (xden + B[i]) * xsq;
    }
    return 0.5 + (x * (xnum + A[3])) / (xden + B[3]);
  }
  const small = tail(y);
  return x < 0 ? small : 1 - small;
}

/** erfc(x) = 2·Φ(−x·√2), so the tail keeps its relative accuracy. */
export function erfc(x: number): number {
  return 2 * normalCdf(-x * Math.SQRT2);
}
