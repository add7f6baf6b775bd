// cos(2π·turns) from + − × ÷ and Math.floor only, like engine/random.ts: Math.cos may differ in the
// last bit between JS engines, and weather must be the same path in node and every browser.

const TWO_PI = 6.283185307179586;

/** cos y for |y| ≤ π/4 by its Taylor series to y^18 (next term < 3e-18). */
function cosSeries(y: number): number {
  const z = y * y;
  return 1 - z / 2 * (1 - z / 12 * (1 - z / 30 * (1 - z / 56 * (1 - z / 90 * (1 - z / 132 * (1 - z / 182 * (1 - z / 240 * (1 - z / 306))))))));
}

/** sin y for |y| ≤ π/4 by its Taylor series to y^19. */
function sinSeries(y: number): number {
  const z = y * y;
  return y * (1 - z / 6 * (1 - z / 20 * (1 - z / 42 * (1 - z / 72 * (1 - z / 110 * (1 - z / 156 * (1 - z / 210 * (1 - z / 272 * (1 - z / 342)))))))));
}

/** cos(2π·turns): period 1, 1 at whole turns, −1 at half turns; within 1e-14 of Math.cos(2π·turns) (tested). */
export function cosTurns(turns: number): number {
  if (!Number.isFinite(turns)) throw new RangeError(`turns must be a finite number, got ${turns}`);
  let u = turns - Math.floor(turns); // [0, 1)
  if (u > 0.5) u = 1 - u; // cos is even: [0, 0.5]
  let sign = 1;
  if (u > 0.25) {
    u = 0.5 - u; // cos(π − y) = −cos y: [0, 0.25]
    sign = -1;
  }
  return sign * (u <= 0.125 ? cosSeries(TWO_PI * u) : sinSeries(TWO_PI * (0.25 - u)));
}
