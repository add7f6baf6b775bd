// `hashtwin demo` (what `npm start` runs until the lab lands): re-mines the Bitcoin genesis block
// around its real nonce, light-verifies an Ethash hash and runs the default scenario, so a newcomer
// sees the core and the twin work end to end.
import { readFileSync } from 'node:fs';
import { summaryText } from '../../report/index.js';
import { runScenario } from '../../worker/twin-runner.js';
import {
  bytesToHex, Ethash, hexToBytes, headerHash, loadHashCore, reversed, scan,
} from '../../hash/index.js';

/** Block 0 as on the wire (nonce 0x7c2bac1d at bytes 76..79, little-endian). */
const GENESIS_HEADER_HEX =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';
/** The target encoded by genesis nbits 0x1d00ffff (difficulty 1). */
const DIFFICULTY_1_TARGET_HEX = '00000000ffff0000000000000000000000000000000000000000000000000000';
const GENESIS_NONCE = 2083236893;
const WINDOW_NONCES = 1 << 22;

export async function demoCommand(): Promise<void> {
  const core = await loadHashCore();
  const header = hexToBytes(GENESIS_HEADER_HEX, 'genesis');
  console.log(`genesis block hash   ${bytesToHex(reversed(headerHash(core, header)))}`);

  const start = GENESIS_NONCE - WINDOW_NONCES / 2;
  const startedMs = performance.now();
  const outcome = scan(core, header, hexToBytes(DIFFICULTY_1_TARGET_HEX, 'target'), { start, count: WINDOW_NONCES });
  const seconds = (performance.now() - startedMs) / 1000;
  console.log(`scanned ${WINDOW_NONCES} nonces around it in ${seconds.toFixed(2)} s ` +
    `(${(outcome.hashes / seconds / 1e6).toFixed(2)} MH/s, one core): found ${outcome.nonces.join(', ')}`);

  const ethash = new Ethash(core);
  const cacheStartedMs = performance.now();
  ethash.prepareEpoch(0);
  const cacheSeconds = (performance.now() - cacheStartedMs) / 1000;
  const light = ethash.light(new Uint8Array(32), 0n);
  console.log(`ethash epoch 0 cache built in ${cacheSeconds.toFixed(2)} s; header 00…00 nonce 0 → result ${bytesToHex(light.result)}`);

  const scenarioUrl = new URL('../../../../scenarios/default.yaml', import.meta.url);
  const reply = await runScenario({ scenarioText: readFileSync(scenarioUrl, 'utf8') });
  if (!reply.ok) throw new Error(`scenarios/default.yaml: ${reply.error.message}`);
  console.log(`\nscenarios/default.yaml\n${summaryText(reply.result)}`);
  console.log('\nnext: `npx hashtwin --help`, `npx hashtwin run scenarios/pool-schemes.yaml`, `npm run bench`');
}
