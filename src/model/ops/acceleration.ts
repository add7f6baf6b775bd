// Temperature acceleration of failure rates by the "10-degree rule": rate × 2^((tempC − refC)/10).
// An assumption, not a measured law for ASICs: the rule of thumb from Arrhenius-type electronics
// reliability (an activation energy near 0.7 eV doubles the rate per ~10 °C around 25–75 °C).

/** The rate multiplier at tempC: factorPer10C^((tempC − refTempC)/10); 1 at refTempC. */
export function accelerationFactor(tempC: number, refTempC: number, factorPer10C = 2): number {
  if (!Number.isFinite(tempC)) throw new RangeError(`tempC must be finite, got ${tempC}`);
  if (!Number.isFinite(refTempC)) throw new RangeError(`refTempC must be finite, got ${refTempC}`);
  if (!(factorPer10C > 0 && factorPer10C < Infinity)) throw new RangeError(`factorPer10C must be finite and > 0, got ${factorPer10C}`);
  if (tempC === refTempC || factorPer10C === 1) return 1;
  // exp/log rather than Math.pow, as in engine/random.ts, for the same result in every JS engine.
  return Math.exp((Math.log(factorPer10C) * (tempC - refTempC)) / 10);
}
