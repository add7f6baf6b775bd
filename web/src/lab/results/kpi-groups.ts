// KPI selection and grouping for the cards and the full table: a few headline KPIs when present, then
// every KPI grouped by its prefix (fleet, pool <id>, group <id>, and each system by name).
import { capitalise, labelOf, unitOf } from '../../lib/format';

/** The headline a planner reads first, in this order, where the result has them. */
export const HEADLINE = [
  'marginUsd', 'fleetEarnedUsd', 'energyCostUsd', 'marginPct', 'breakEvenPowerPriceUsdPerKWh', 'fleetHashrateEstimatedTHs',
  'fleetLuckPct', 'fleetBlocksFound', 'ops.availabilityPct', 'rentals.deliveredPct', 'curtailedPct', 'horizonDays',
];
const MAX_CARDS = 10;

export function headlineKpis(kpis: Record<string, number>): string[] {
  return HEADLINE.filter((name) => name in kpis).slice(0, MAX_CARDS);
}

/** Card labels; a label two cards share (margin in US$ and in %) gets its unit. */
export function cardLabels(names: string[]): string[] {
  const labels = names.map((n) => capitalise(labelOf(n)));
  return labels.map((label, i) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} (${unitOf(names[i])?.symbol ?? ''})` : label));
}

export type KpiGroup = { title: string; names: string[] };

export function groupKpis(kpis: Record<string, number>): KpiGroup[] {
  const groups = new Map<string, string[]>();
  for (const name of Object.keys(kpis)) {
    const parts = name.split('.');
    const key = parts.length === 1 ? 'Fleet, network and site'
      : (parts[0] === 'pool' || parts[0] === 'group') && parts.length >= 3 ? `${capitalise(parts[0])} ${parts[1]}` : capitalise(labelOf(parts[0]));
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups].map(([title, names]) => ({ title, names }));
}
