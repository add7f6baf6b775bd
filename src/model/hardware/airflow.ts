// Air temperature rise through a rig from its power and airflow, the sensible-heat equation
// ΔT = P / (ρ · c_p · Q): every watt a miner draws leaves as heat in its exhaust air.

/** Density of dry air at 25 °C and 101.325 kPa (kg/m³), standard tables. */
export const AIR_DENSITY_KG_PER_M3 = 1.184;
/** Specific heat of air at constant pressure near 25 °C (J/(kg·K)), standard tables. */
export const AIR_SPECIFIC_HEAT_J_PER_KG_K = 1007;
/** One cubic foot per minute in m³/s: 0.3048³ / 60, exact by the definition of the foot. */
export const M3_PER_S_PER_CFM = (0.3048 * 0.3048 * 0.3048) / 60;

/** Exhaust − intake temperature (°C) of a rig drawing powerW with airflowCfm through it. */
export function airflowDeltaC(powerW: number, airflowCfm: number): number {
  if (!(powerW >= 0 && powerW < Infinity)) throw new RangeError(`powerW must be a finite number ≥ 0, got ${powerW}`);
  if (!(airflowCfm > 0 && airflowCfm < Infinity)) throw new RangeError(`airflowCfm must be a finite number > 0, got ${airflowCfm}`);
  return powerW / (AIR_DENSITY_KG_PER_M3 * AIR_SPECIFIC_HEAT_J_PER_KG_K * airflowCfm * M3_PER_S_PER_CFM);
}
