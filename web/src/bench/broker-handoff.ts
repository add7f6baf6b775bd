// The hand-off to the lab: scenarios/mobile-broker.yaml with `broker.device.measuredHashrateHs` set to
// this device's measured sha256d figure, opened through the lab's shareable-link format
// (`#/lab?scenario=…`, deflate-raw + base64url), so it is also a link one can send.
import brokerScenario from '../../../scenarios/mobile-broker.yaml?raw';
import { setIn } from '../lab/editor/yaml-edit';
import { encodeScenario } from '../lab/library/share-link';

/** The path of the broker section's measured-hashrate field (src/scenario/sections/broker.ts). */
export const MEASURED_HASHRATE_PATH = ['broker', 'device', 'measuredHashrateHs'];

/** The broker scenario's text with the measured figure in place (whole H/s; comments kept). */
export function brokerScenarioWith(hashrateHs: number): string {
  return setIn(brokerScenario, MEASURED_HASHRATE_PATH, Math.max(1, Math.round(hashrateHs)));
}

/** `#/lab?scenario=…` opening the broker scenario with this device's hashrate. */
export async function brokerLabHash(hashrateHs: number): Promise<string> {
  return `#/lab?scenario=${await encodeScenario(brokerScenarioWith(hashrateHs))}`;
}
