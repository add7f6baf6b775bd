// What the operations system runs (DESIGN.md system 3): which fleet groups it watches and the
// operations model's settings (src/model/ops). Unit-explicit; the scenario section builds it
// (src/scenario/sections/operations.ts).
import type { FleetOpsOptions } from '../../../ops/index.js';

/** The operations model's options for a group but its size and make-up, which come from the group itself. */
export type GroupOpsOptions = Omit<FleetOpsOptions, 'rigCount' | 'rig'>;

export interface OperationsConfig {
  /** Fleet groups under operations, in fleet order: each is one container with its own crew, spares and monitors. */
  readonly groupIds: readonly string[];
  readonly fleetOps: GroupOpsOptions;
  /**
   * Rig temperature (°C) at which the failure rates hold; undefined: the rig's own temperature at
   * REFERENCE_INTAKE_C intake, full load, working fans (so the rates hold in a temperate hall).
   */
  readonly referenceRigTempC?: number;
  /** A 'degraded' share verdict must hold this long before it raises an alarm ('dead' alarms at once). */
  readonly confirmDegradedUs: number;
}

/**
 * The intake the failure rates are quoted at: the operators' reports behind the default rates
 * (domain-facts §3.4) come from air-cooled halls and containers, taken here as 25 °C intake [D].
 */
export const REFERENCE_INTAKE_C = 25;
