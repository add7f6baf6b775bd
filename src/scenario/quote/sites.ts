// The bundled site presets a sales quote starts from: a power price at the meter, a PUE and the other
// running costs per TH/s per day. Figures from domain-facts §3.3 (hosting tariffs, PUE by cooling).

export interface SitePreset {
  readonly id: string;
  readonly name: string;
  /** US$ per kWh at the meter (what the site pays the utility). */
  readonly powerUsdPerKWh: number;
  /** Facility power / IT power. */
  readonly pue: number;
  /**
   * Everything but power per TH/s per day — staff, facility, colo pool infrastructure, hardware
   * amortisation — as a decimal US$ text, exact. Assumption [D]: no sourced figure was found; a tenth
   * of the reference hashprice (~$0.05/TH/s/day at 800 EH/s and $95,000) is the order operators quote.
   */
  readonly otherCostUsdPerTHsDay: string;
  readonly note: string;
}

export const SITE_PRESETS = [
  {
    id: 'standard-colo', name: 'Standard colo (air-cooled)', powerUsdPerKWh: 0.065, pue: 1.1, otherCostUsdPerTHsDay: '0.005',
    note: 'commercial hosting $0.05–0.08/kWh; optimised air-cooled PUE ~1.10 (domain-facts §3.3)',
  },
  {
    id: 'nordic-hydro', name: 'Nordic hydro containers', powerUsdPerKWh: 0.04, pue: 1.05, otherCostUsdPerTHsDay: '0.006',
    note: 'grid average ~$0.05/kWh and below; cold-climate air containers run near PUE 1.0–1.05 (§3.3)',
  },
  {
    id: 'texas-immersion', name: 'Texas immersion', powerUsdPerKWh: 0.055, pue: 1.03, otherCostUsdPerTHsDay: '0.007',
    note: 'single-phase immersion PUE 1.03 (GRC Texas case study); tariff inside the hosting range (§3.3)',
  },
  {
    id: 'retail-grid', name: 'Retail grid (calculator default)', powerUsdPerKWh: 0.12, pue: 1.2, otherCostUsdPerTHsDay: '0.004',
    note: 'EIA US retail ~$0.12–0.15/kWh; air-cooled PUE 1.20–1.50 (§3.3): the price a hobbyist pays',
  },
] as const satisfies readonly SitePreset[];

export type SitePresetId = (typeof SITE_PRESETS)[number]['id'];
export const SITE_PRESET_IDS = SITE_PRESETS.map((s) => s.id) as [SitePresetId, ...SitePresetId[]];

export function sitePreset(id: SitePresetId): SitePreset {
  const preset = SITE_PRESETS.find((s) => s.id === id);
  if (!preset) throw new RangeError(`site must be one of ${SITE_PRESET_IDS.join(', ')}, got ${JSON.stringify(id)}`);
  return preset;
}
