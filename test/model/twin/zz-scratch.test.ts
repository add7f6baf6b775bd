import { it } from 'vitest';
import { runDoc } from './fixtures.js';
import { ratesPct, rentalsDoc } from './ops-fixtures.js';
function busy(spareRigs: number, seed: number) {
  return rentalsDoc({
    spareRigs, refundWindow: '1d',
    rentals: [
      { id: 'r1', customer: 'acme', rigs: 3, duration: '6d', priceUSDperTHsDay: 0.05 },
      { id: 'r2', customer: 'bolt', rigs: 2, duration: '6d', hashpriceMarkupPct: 10 },
      { id: 'r3', customer: 'cove', hashrateTHs: 250, start: '1d', duration: '5d', priceUSDperTHsDay: 0.06 },
    ],
  }, { failureRatesPctPerYear: ratesPct({ hashboard: 1000, chips: 3000, psu: 5000 }), degradedChipsPct: { min: 40, max: 70 }, repairs: { repairCentrePct: ratesPct({}) } }, { count: 7 + spareRigs, horizon: '6d', seed });
}
it('x', () => {
  for (let seed = 1; seed <= 6; seed++) {
    const out = [0, 2].map((s) => { const k = runDoc(busy(s, seed)).kpis; return `sp${s}: fo=${k['rentals.failovers']} miss=${k['rentals.missedFailovers']} del=${k['rentals.deliveredTHsDays']} down=${k['rentals.downtimeHours']} ref=${k['rentals.refundsUsd']} hwref=${k['rentals.hardware.refundsUsd']} fail=${k['ops.failures']}`; });
    console.log(seed, out.join(' | '));
  }
});
