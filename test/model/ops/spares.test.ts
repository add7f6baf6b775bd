// Spare parts: taking a part orders its replacement (base stock), which arrives after the lead time;
// shelf plus orders stays at the initial stock; asking for a missing part throws.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/index.js';
import { SparesInventory, type PartKind } from '../../../src/model/ops/index.js';
import { DAY } from './helpers.js';

describe('SparesInventory', () => {
  it('restocks one-for-one after the lead time', () => {
    const sim = new Simulation();
    const restocked: [PartKind, number][] = [];
    const spares = new SparesInventory(sim, {
      hashboard: { initial: 1, restockLeadUs: 28 * DAY },
      fan: { initial: 2, restockLeadUs: 7 * DAY },
      psu: { initial: 0, restockLeadUs: 14 * DAY },
      controller: { initial: Infinity, restockLeadUs: 14 * DAY },
    }, (part, atUs) => restocked.push([part, atUs]));
    expect(spares.has(['fan', 'fan'])).toBe(true);
    expect(spares.has(['fan', 'fan', 'fan'])).toBe(false);
    expect(spares.has(['psu'])).toBe(false);
    spares.take(['fan', 'hashboard']);
    sim.scheduleAt(DAY, () => spares.take(['fan', 'controller']));
    sim.runUntil(2 * DAY);
    expect(spares.available('fan')).toBe(0);
    expect(spares.available('fan') + spares.pendingOrders('fan')).toBe(2);
    expect(spares.available('controller')).toBe(Infinity);
    expect(() => spares.take(['fan'])).toThrow(/parts must all be in stock, got "fan"/);
    sim.run();
    expect(restocked).toEqual([['fan', 7 * DAY], ['fan', 8 * DAY], ['hashboard', 28 * DAY]]);
    expect(spares.available('fan')).toBe(2);
    expect(spares.available('hashboard')).toBe(1);
  });

  it('names the bad spec', () => {
    const spec = { initial: 1, restockLeadUs: DAY };
    expect(() => new SparesInventory(new Simulation(), { hashboard: spec, fan: { initial: -1, restockLeadUs: DAY }, psu: spec, controller: spec }, () => {}))
      .toThrow(/maintenance\.spares\.fan\.initial must be a whole number ≥ 0, got -1/);
  });
});
