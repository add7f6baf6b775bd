// The sweep a planner sets up: two parameters (paths into the scenario) and their values, and seeds per cell.
import { parseVary, type Vary } from '../../../../src/worker/browser-twin-protocol.js';

export type Axis = { path: string; values: string };

export class SweepSetup {
  x = $state<Axis>({ path: 'fleet[0].count', values: '20, 40, 60, 80' });
  y = $state<Axis>({ path: 'site.powerPriceUSDperKWh', values: '0.05, 0.065, 0.08' });
  seedsPerCell = $state(1);

  /** The parsed axes (y may be left empty for a one-parameter sweep), or the first problem. */
  readonly parsed = $derived.by((): { varies: Vary[] } | { problem: string } => {
    const varies: Vary[] = [];
    for (const [name, axis] of [['x', this.x], ['y', this.y]] as const) {
      if (name === 'y' && axis.path.trim() === '') continue;
      const vary = parseVary(`${axis.path.trim()}=${axis.values}`);
      if (typeof vary === 'string') return { problem: `${name === 'x' ? 'First' : 'Second'} parameter: ${vary}` };
      varies.push(vary);
    }
    return { varies };
  });

  readonly cells = $derived('varies' in this.parsed ? this.parsed.varies.reduce((n, v) => n * v.values.length, 1) : 0);
}
