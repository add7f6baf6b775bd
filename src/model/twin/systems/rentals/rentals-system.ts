// The HA rentals system (DESIGN.md system 2, "rentals"): a fleet group's rigs rented to customers on
// the stratum hub. A scheduler judges each rig by its shares (or its hardware reports), fails a rental
// over to a spare rig and back, accounts delivered against sold hashrate and settles charges and
// refunds in the ledger; a second scheduler with the other monitoring mode watches the same rigs, so
// one run shows what each would have done. Built on operations: rigs fail, are repaired, run hot.
import {
  createRentalScheduler, noRefundRule, shortfallRefundRule, slaCreditRule,
  type MonitoringMode, type RefundRule, type RentalEvent, type RentalScheduler, type RentalSpec,
} from '../../../market/rentals/index.js';
import { HS_PER_THS, S_PER_DAY, US_PER_S } from '../../../units.js';
import { OPERATOR_ACCOUNT } from '../../site-runtime.js';
import type { TwinSystem, TwinSystemContext } from '../../system.js';
import { opsGroupsOf } from '../ops/ops-system.js';
import type { RefundRuleConfig, RentalConfig, RentalsConfig } from './config.js';
import { feedRigShares, hardwareVerdictOf, rigWorkerId } from './rental-feed.js';
import { rentalRows, rentalsKpis } from './rentals-kpis.js';

export const RENTALS_SYSTEM = 'rentals';
/** Customers' accounts in the ledger are this prefix plus the customer id. */
export const CUSTOMER_ACCOUNT_PREFIX = 'customer:';
const BPS_PER_WHOLE = 10_000;

/** Rental events worth a line in the run's log (per-worker health flips are left to the counts). */
const LOGGED_EVENTS: ReadonlySet<RentalEvent['type']> = new Set([
  'RentalStarted', 'RentalEnded', 'RentalUnderProvisioned', 'RentalToppedUp', 'RentalFailedOver', 'RentalFailedBack', 'FailoverMissed',
  'RentalCharged', 'RefundIssued',
]);
/** Events after which a rig may have started or stopped mining for a customer. */
const ASSIGNMENT_EVENTS: ReadonlySet<RentalEvent['type']> = new Set(['RentalStarted', 'RentalToppedUp', 'RentalEnded', 'RentalFailedOver', 'RentalFailedBack']);

export function refundRuleOf(config: RefundRuleConfig): RefundRule {
  switch (config.rule) {
    case 'shortfall':
      return shortfallRefundRule(config.thresholdBps);
    case 'sla':
      return slaCreditRule(config.tiers);
    case 'none':
      return noRefundRule;
  }
}

/** The whole period's price in µUSD: TH/s × days × the price per TH/s per day, rounded once. */
export function rentalPriceMicroUsd(rental: RentalConfig, ctx: TwinSystemContext): bigint {
  const thsDays = (rental.hashrateHs / HS_PER_THS) * (rental.durationUs / US_PER_S / S_PER_DAY);
  // Priced when the run starts (when the rental is sold): today's hashprice at today's coin price.
  const perThsDayMicroUsd = rental.price.kind === 'fixed'
    ? Number(rental.price.microUsdPerTHsDay)
    : ((ctx.hashpriceSatPerThDay() / 1e8) * ctx.coinPriceUsd(0) * 1e6 * (BPS_PER_WHOLE + rental.price.markupBps)) / BPS_PER_WHOLE;
  return BigInt(Math.round(thsDays * perThsDayMicroUsd));
}

export function createRentalsSystem(ctx: TwinSystemContext): TwinSystem | undefined {
  const config: RentalsConfig | undefined = ctx.config.systems.rentals;
  if (config === undefined) return undefined;
  const ops = opsGroupsOf(ctx)?.get(config.groupId);
  if (ops === undefined) throw new RangeError(`rentals.groupId must name a fleet group under operations, got '${config.groupId}'`);
  const { sim, recorder, ledger } = ctx;
  const group = ops.group;
  const groupId = group.config.id;
  const count = group.config.count;
  const rigByWorker = new Map(Array.from({ length: count }, (_, rig) => [rigWorkerId(groupId, rig), rig]));
  const refundRule = refundRuleOf(config.refund);
  const judgeHardware = hardwareVerdictOf(ops, ctx.config.monitoring.degradedBelowPct);
  const watchingMode: MonitoringMode = config.monitoring === 'shares' ? 'hardware' : 'shares';
  const { checkEveryUs, confirmDegradedUs, failbackAfterUs, refundWindowUs } = config;

  function makeScheduler(monitoring: MonitoringMode, onEvent?: (event: RentalEvent) => void): RentalScheduler {
    return createRentalScheduler(sim, {
      monitoring,
      windowUs: ctx.config.monitoring.windowUs,
      degradedBelowPct: ctx.config.monitoring.degradedBelowPct,
      deadAfterUs: ctx.config.monitoring.deadAfterUs,
      checkEveryUs,
      confirmDegradedUs,
      failbackAfterUs,
      refundRule,
      refundWindowUs,
      accounts: { operator: OPERATOR_ACCOUNT, customerPrefix: CUSTOMER_ACCOUNT_PREFIX },
    }, { hardwareVerdict: (workerId) => judgeHardware(rigByWorker.get(workerId)!), onEvent });
  }

  /** The rigs the acting scheduler has handed to customers mine for their pools, not the group's. */
  function updateRentedOut(): void {
    group.rentedOut.clear();
    for (const [workerId, rig] of rigByWorker) if (acting.workerStatus(workerId).rentalId !== null) group.rentedOut.add(rig);
  }

  const acting = makeScheduler(config.monitoring, (event) => {
    if (LOGGED_EVENTS.has(event.type)) {
      recorder.log(event.atUs, event.type, {
        group: groupId, rental: event.rentalId, worker: event.workerId, replacement: event.replacementId,
        amountMicroUsd: event.amountMicroUsd === undefined ? undefined : String(event.amountMicroUsd),
      });
    }
    if (ASSIGNMENT_EVENTS.has(event.type)) updateRentedOut();
  });
  const watching = makeScheduler(watchingMode);
  const schedulers = [acting, watching];
  const primaries = count - config.spareRigs;
  for (const [workerId, rig] of rigByWorker) {
    for (const s of schedulers) {
      if (rig < primaries) s.addWorker(workerId, group.config.hashrateHs);
      else s.addSpare(workerId, group.config.hashrateHs);
    }
  }
  for (const rental of config.rentals) {
    const spec: RentalSpec = {
      id: rental.id, customerId: rental.customerId, hashrateHs: rental.hashrateHs,
      startUs: rental.startUs, endUs: rental.startUs + rental.durationUs, priceMicroUsd: rentalPriceMicroUsd(rental, ctx),
    };
    for (const s of schedulers) s.addRental(spec);
  }
  feedRigShares(ctx, ops, schedulers, config.checkEveryUs);
  // A rig on the bench is out at once; back in service it must prove itself alive before it is trusted.
  const inService = new Uint8Array(count).fill(1);
  ops.onRigChanged((rig) => {
    const now = ops.fleet.status(rig) !== 'inRepair' ? 1 : 0;
    if (now === inService[rig]) return;
    inService[rig] = now;
    for (const s of schedulers) s.setWorkerAvailable(rigWorkerId(groupId, rig), now === 1);
  });

  let deliveredHashes = 0;
  let watchedHashes = 0;
  /** TH/s sold during a slot, on average: each rental's hashrate over the part of the slot it runs. */
  const soldTHsIn = (startUs: number, endUs: number): number => config.rentals.reduce((sum, r) => {
    const overlapUs = Math.min(endUs, r.startUs + r.durationUs) - Math.max(startUs, r.startUs);
    return overlapUs > 0 ? sum + (r.hashrateHs * overlapUs) / (endUs - startUs) : sum;
  }, 0) / HS_PER_THS;

  return {
    name: RENTALS_SYSTEM,

    endSlot(_slot, startUs, endUs) {
      acting.settle(ledger, endUs);
      const spanS = (endUs - startUs) / US_PER_S;
      const delivered = acting.deliveredHashes();
      const watched = watching.deliveredHashes();
      recorder.set('rentals.soldTHs', startUs, soldTHsIn(startUs, endUs));
      recorder.set('rentals.deliveredTHs', startUs, (delivered - deliveredHashes) / spanS / HS_PER_THS);
      recorder.set(`rentals.${watchingMode}.deliveredTHs`, startUs, (watched - watchedHashes) / spanS / HS_PER_THS);
      deliveredHashes = delivered;
      watchedHashes = watched;
    },

    finish(horizonUs) {
      acting.settle(ledger, horizonUs);
    },

    kpis() {
      return rentalsKpis(acting.kpis(), watching.kpis(), watchingMode, ctx.config.horizonUs);
    },

    tables() {
      return { rentals: rentalRows(acting.kpis(), watching.kpis(), watchingMode) };
    },
  };
}
