// The mobile/crowd mining broker in the twin (DESIGN.md system 5): partner apps' devices mine inside
// their consent windows, the broker is paid for their work, keeps its commission, pays partners the
// rest at the payout interval and credits their consumers with content — in the run's ledger.
//
// Earnings come from the chain's hashprice at the current difficulty and subsidy (ctx.hashpriceSatPerThDay,
// read at each slot end), less the fee of the FPPS pool the devices mine through — not from a pool of
// the run: a system cannot add hashrate to a pool's block-finding rate (run-twin owns the block
// sources), so crediting the crowd's shares to a PPLNS or PROP pool would take from the fleet's
// payouts without adding blocks; and a pool paying per share pays the hashprice less its fee anyway.
import type { TwinSystem, TwinSystemContext } from '../../system.js';
import { createMiningBroker } from '../../../market/broker/index.js';
import { BPS_PER_WHOLE } from '../../../market/_check.js';
import { US_PER_S } from '../../../units.js';
import { BrokerLog } from './broker-log.js';
import { brokerKpis, partnerRows, type BrokerTotals } from './broker-report.js';

export const BROKER = 'broker';
/** Joins and leaves after blocks (0) and before the twin's slot tick (10), which closes the slot. */
const PRIORITY_DEVICES = 1;
const SAT_PER_BTC = 1e8;
const HS_PER_MHS = 1e6;

export function createBrokerSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config = ctx.config.systems.broker;
  if (config === undefined) return undefined;
  const { recorder, sim } = ctx;
  const log = new BrokerLog(recorder);
  const netFactor = 1 - config.poolFeeBps / BPS_PER_WHOLE;
  const totals: BrokerTotals = { valueUsd: 0, earningsUsd: 0, commissionUsd: 0, payoutUsd: 0, netHashpriceSum: 0, slotsClosed: 0 };
  // The price of the slot being closed: read once at its end, after the twin has settled its blocks.
  let netHashprice = 0;
  const broker = createMiningBroker(sim, ctx.root.stream(`system/${BROKER}`), {
    partners: config.partners,
    commissionBps: config.commissionBps,
    consumerCredits: config.consumerCredits,
    earnings: { kind: 'hashprice', hashpriceSatPerThDay: () => netHashprice },
    priority: PRIORITY_DEVICES,
  }, { onEvent: (e) => log.event(e) });
  broker.start(ctx.config.horizonUs);
  for (const p of config.partners) log.enrolled(0, p.id, p.initialDevices ?? 0);

  function settle(atUs: number, slot: number): void {
    const paid = broker.settle(ctx.ledger, atUs);
    recorder.add(`${BROKER}.partnerPayoutSat`, slot * ctx.config.slotUs, Number(paid.partnerPayoutSat));
    totals.payoutUsd += (Number(paid.partnerPayoutSat) / SAT_PER_BTC) * ctx.coinPriceUsd(slot);
  }

  return {
    name: BROKER,

    endSlot(slot, startUs, endUs) {
      netHashprice = ctx.hashpriceSatPerThDay() * netFactor;
      const k = broker.closeSlot(endUs);
      const priceUsd = ctx.coinPriceUsd(slot);
      totals.valueUsd += (k.valueSat / SAT_PER_BTC) * priceUsd;
      totals.earningsUsd += (Number(k.earningsSat) / SAT_PER_BTC) * priceUsd;
      totals.commissionUsd += (Number(k.commissionSat) / SAT_PER_BTC) * priceUsd;
      totals.netHashpriceSum += netHashprice;
      totals.slotsClosed++;
      recorder.set(`${BROKER}.enrolledDevices`, startUs, k.enrolledDevices);
      recorder.set(`${BROKER}.miningDevices`, startUs, k.miningDevicesAvg);
      recorder.set(`${BROKER}.effectiveHashrateMHs`, startUs, k.effectiveHashrateHs / HS_PER_MHS);
      recorder.add(`${BROKER}.earnedValueSat`, startUs, k.valueSat);
      recorder.add(`${BROKER}.earningsSat`, startUs, Number(k.earningsSat));
      recorder.add(`${BROKER}.commissionSat`, startUs, Number(k.commissionSat));
      recorder.add(`${BROKER}.consumerCredits`, startUs, Number(k.consumerCredits));
      for (const [id, mining] of k.miningDevicesAvgByPartner) recorder.set(`${BROKER}.miningDevices.${id}`, startUs, mining);
      if (Math.floor(endUs / config.payoutIntervalUs) > Math.floor(startUs / config.payoutIntervalUs)) settle(endUs, slot);
    },

    finish(horizonUs) {
      // Whatever the last payout left (nothing when the horizon is a payout time).
      settle(horizonUs, ctx.slots - 1);
    },

    kpis: () => brokerKpis(broker.kpis(), totals, log.deviceEventsUnlogged, ctx.config.horizonUs / US_PER_S),

    tables: () => ({ partners: partnerRows(broker.kpis(), config) }),

    heatmaps: () => ({
      miningDevices: {
        title: 'Devices mining by partner app',
        unit: 'devices (slot average)',
        rows: config.partners.map((p) => ({ label: p.app, series: `${BROKER}.miningDevices.${p.id}` })),
      },
    }),
  };
}
