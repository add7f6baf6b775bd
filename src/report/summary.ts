// A result as a short human summary for the terminal: the headline KPIs, then the rest.
import type { DigestedResult } from './digest.js';

const HEADLINE = [
  'horizonDays', 'fleetHashrateNominalTHs', 'fleetHashrateEstimatedTHs', 'sharesAccepted', 'staleRatePct',
  'fleetBlocksFound', 'fleetEarnedSat', 'fleetEarnedUsd', 'energyCostUsd', 'marginUsd', 'marginPct',
  'breakEvenPowerPriceUsdPerKWh', 'fleetEarnedSatPerTHsDay', 'hashpriceStartSatPerTHsDay',
  'networkBlocks', 'networkRetargets', 'fleetAlerts',
];

function formatValue(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function summaryText(result: DigestedResult): string {
  const lines = [`${result.name}  (seed ${result.seed}, ${result.resolution}, ${result.series.slots} slots)`];
  const width = Math.max(...Object.keys(result.kpis).map((k) => k.length));
  const shown = new Set<string>();
  for (const key of [...HEADLINE, ...Object.keys(result.kpis)]) {
    if (shown.has(key) || !(key in result.kpis)) continue;
    shown.add(key);
    lines.push(`  ${key.padEnd(width)}  ${formatValue(result.kpis[key])}`);
  }
  lines.push(`  ${'events logged'.padEnd(width)}  ${result.events.length}${result.droppedEvents ? ` (+${result.droppedEvents} dropped)` : ''}`);
  lines.push(`digest ${result.digest}`);
  return lines.join('\n');
}
