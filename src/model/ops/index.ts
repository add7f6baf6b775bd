// Operations of a mining fleet: component failures, monitoring (hardware polling vs. pool shares),
// maintenance crew with shifts and spares, and the KPIs of DESIGN.md system 3.
export {
  COMPONENT_KINDS, PART_KINDS, PART_FOR, DEFAULT_RIG_SPEC, hardwareReports, stopsRig, componentCount,
  type ComponentKind, type PartKind, type RigSpec, type PerComponent, type PerPart,
} from './components.js';
export { accelerationFactor } from './acceleration.js';
export { RigHardware, US_PER_YEAR, type FailureConfig, type Component, type ComponentFailedHandler } from './failures.js';
export type { Fault, RepairRoute, DetectionChannel } from './fault.js';
export {
  Monitor, DEFAULT_POLL_US, pollPhaseUs, nextPollAtUs, isAlarm,
  type DetectionConfig, type MonitorChannel, type VerdictOutcome, type Alert, type DetectedHandler,
} from './detection.js';
export { ShiftCalendar, EVERY_DAY, US_PER_WEEK, type Shift } from './shifts.js';
export { SparesInventory, type SpareSpec } from './spares.js';
export {
  Maintenance, lognormalUs,
  type MaintenanceConfig, type MaintenanceSite, type MaintenanceStats, type QueueDiscipline, type LognormalSpec, type SendAwaySpec,
} from './maintenance.js';
export {
  resolveFleetOpsConfig, DEFAULT_RATE_PER_YEAR, DEFAULT_REPAIR_US, DEFAULT_SEND_AWAY_PROBABILITY, DEFAULT_SEND_AWAY, DEFAULT_RESTOCK_LEAD_US, DEFAULT_SHIFTS, defaultSpareLevel,
  type FleetOpsConfig, type FleetOpsOptions,
} from './config.js';
export type { FleetOpsKpis } from './kpis.js';
export { createFleetOps, type FleetOps, type FleetOpsHooks, type RigStatus } from './fleet-ops.js';
