// The catalogue of rig models: SHA-256d ASICs from domain-facts §3.1, a GPU rig from §3.2, and a CPU
// server and a phone whose figures are stated assumptions [D]. Evidence tags as in domain-facts.
import { HS_PER_THS } from '../units.js';
import { airflowDeltaC } from './airflow.js';
import { defineModel, type RigModel, type RigModelInput } from './rig-model.js';

const MHS = 1e6;

/**
 * Airflow through an air-cooled SHA-256 ASIC: 370 CFM measured on an S19 Pro at 3320 W with intake
 * 23.1 °C and exhaust 38.8 °C (ΔT 15.7 °C) [M] jianggupiao.com/ask/79538.html. Assumed the same for
 * every air-cooled ASIC here (all use 12038/14038-class fans at full speed) [D].
 */
const ASIC_AIRFLOW_CFM = 370;

/**
 * S21: underclocks 490 → 440 MHz above 40 °C ambient, shuts down above 47 °C [S] BTCWire review
 * (domain-facts §3.1 thermal note). Hashrate ∝ clock; power ∝ clock at fixed voltage [D].
 */
const S21_THROTTLED_FRACTION = 440 / 490;

/** Antminers: the S21's limits, assumed for the S19 family too (Bitmain's 40 °C operating maximum) [D]. */
const ANTMINER_LIMITS = { throttleAboveC: 40, shutdownAboveC: 47 };
/**
 * Whatsminers: operating maximum ~35 °C (Whatsminer M32 spec quoted by Compass Mining support,
 * "Airflow Considerations") [S]; shutdown 7 °C above it, the S21's margin [D].
 */
const WHATSMINER_LIMITS = { throttleAboveC: 35, shutdownAboveC: 42 };

const roundTenth = (x: number): number => Math.round(x * 10) / 10;

/** Three hashboards, one PSU, one control board; fan count varies (4 Antminer, 2 Whatsminer) [S]. */
function asic(
  id: string, name: string, hashrateTHs: number, powerW: number, fans: number,
  limits: { throttleAboveC: number; shutdownAboveC: number }, source: string,
): RigModelInput {
  return {
    id, name, kind: 'asic', algorithm: 'sha256d',
    hashrateHs: hashrateTHs * HS_PER_THS, powerW,
    components: { hashboards: 3, fans, psus: 1, controllers: 1 },
    thermal: {
      ...limits,
      ratedDeltaC: roundTenth(airflowDeltaC(powerW, ASIC_AIRFLOW_CFM)),
      throttledHashrateFraction: S21_THROTTLED_FRACTION,
      throttledPowerFraction: S21_THROTTLED_FRACTION,
    },
    source,
  };
}

const INPUTS: readonly RigModelInput[] = [
  asic('antminer-s19-pro', 'Antminer S19 Pro', 110, 3250, 4, ANTMINER_LIMITS,
    '[S] miningstore.com S19 series guide; [M] buybtc123.com field evaluation (110 TH/s ±3 %, 3250 W ±5 %, 29.5 J/TH)'),
  asic('antminer-s19j-pro', 'Antminer S19j Pro', 104, 3068, 4, ANTMINER_LIMITS,
    '[S] miningstore.com (104 TH/s variant, 29.5 J/TH); powerDatabase table (3068 W)'),
  asic('antminer-s19-xp', 'Antminer S19 XP', 140, 3010, 4, ANTMINER_LIMITS,
    '[S] miningstore.com "Is the S19 XP worth it" (140 TH/s, 3010 W, 21.5 J/TH)'),
  asic('antminer-s21', 'Antminer S21', 200, 3500, 4, ANTMINER_LIMITS,
    '[S] Bitmain figures quoted in BTCWire/HackerNoon review 2024-03-11; lincoin.com (200 TH/s, 3500 W, 17.5 J/TH; throttle > 40 °C, shutdown > 47 °C ambient)'),
  asic('antminer-s21-xp', 'Antminer S21 XP', 270, 3645, 4, ANTMINER_LIMITS,
    '[S] btcminermarketplace.com reseller spec (270 TH/s ±3 %, 13.5 J/TH); powerDatabase table (3645 W)'),
  asic('whatsminer-m30s-pp', 'Whatsminer M30S++', 112, 3472, 2, WHATSMINER_LIMITS,
    '[S] powerDatabase table (3472 W); third-party preset tables (~112 TH/s, ~31 J/TH)'),
  asic('whatsminer-m50', 'Whatsminer M50', 120, 3276, 2, WHATSMINER_LIMITS,
    '[S] powerDatabase table (3276 W); hashrate the middle of ~114–126 TH/s from preset tables, unverified'),
  asic('whatsminer-m60', 'Whatsminer M60', 170, 3420, 2, WHATSMINER_LIMITS,
    '[S] powerDatabase table (3420 W); [R] ~170 TH/s, unverified (~20 J/TH)'),
  {
    // 6 × (60 MH/s @ 120 W) + 100 W platform, the middle of the 80–120 W overhead in §3.2.
    id: 'gpu-rig-6x-rtx3060ti', name: 'GPU rig 6× RTX 3060 Ti', kind: 'gpu', algorithm: 'ethash',
    hashrateHs: 6 * 60 * MHS, powerW: 6 * 120 + 100,
    // Each GPU is a "board" and its cooler counts as one fan; one PSU; the motherboard is the controller.
    components: { hashboards: 6, fans: 6, psus: 1, controllers: 1 },
    // Open-frame rig: limits at ASHRAE A2's 35 °C allowable inlet / A4's 45 °C [S] (d-central.tech
    // ASHRAE glossary); ΔT 8 °C and throttling to 80 % (GPU boost clocks back off) are assumptions [D].
    thermal: { throttleAboveC: 35, shutdownAboveC: 45, ratedDeltaC: 8, throttledHashrateFraction: 0.8, throttledPowerFraction: 0.8 },
    source: '[S] cal53.calculator.city calculator defaults (~60 MH/s @ ~120 W per tuned GPU); platform overhead 80–120 W [D] (domain-facts §3.2); low confidence',
  },
  {
    // Assumption [D]: a 32-core x86 server with SHA extensions doing ~10 MH/s of SHA-256d per core
    // (midstate: two 64-byte compressions per nonce at ~1.3 GB/s per core), 350 W at the wall.
    id: 'cpu-server-32c', name: 'CPU server 32-core', kind: 'cpu', algorithm: 'sha256d',
    hashrateHs: 320 * MHS, powerW: 350,
    components: { hashboards: 1, fans: 6, psus: 1, controllers: 1 },
    // ASHRAE A2 allowable inlet 10–35 °C, A4 up to 45 °C [S]; 15 °C rise is a typical server ΔT [D].
    thermal: { throttleAboveC: 35, shutdownAboveC: 45, ratedDeltaC: 15, throttledHashrateFraction: 0.8, throttledPowerFraction: 0.8 },
    source: '[D] assumption: 32 cores × ~10 MH/s SHA-256d (SHA-NI, midstate), 350 W; limits from ASHRAE TC 9.9 classes A2/A4 [S]',
  },
  {
    // Assumption [D]: a phone mining SHA-256d on two CPU cores through WASM (no SHA intrinsics,
    // ~1 MH/s per core) at ~3 W of SoC power; the crowd/mobile broker's device (DESIGN.md system 5).
    id: 'phone-cpu', name: 'Phone (CPU mining)', kind: 'phone', algorithm: 'sha256d',
    hashrateHs: 2 * MHS, powerW: 3,
    // One board (the SoC), no fan, no PSU; the mining app is the controller.
    components: { hashboards: 1, fans: 0, psus: 0, controllers: 1 },
    // The device sits ~12 °C above ambient under sustained load, halves its clocks above 30 °C
    // ambient and the app stops mining above 40 °C — all assumptions [D].
    thermal: { throttleAboveC: 30, shutdownAboveC: 40, ratedDeltaC: 12, throttledHashrateFraction: 0.5, throttledPowerFraction: 0.5 },
    source: '[D] assumption: 2 MH/s SHA-256d on two cores via WASM at ~3 W; thermal limits assumed',
  },
];

const MODELS: readonly RigModel[] = Object.freeze(INPUTS.map(defineModel));
const BY_ID: ReadonlyMap<string, RigModel> = new Map(MODELS.map((m) => [m.id, m]));

/** Every catalogue model, in a stable order (ASICs by vendor and age, then GPU, CPU, phone). */
export function listModels(): readonly RigModel[] {
  return MODELS;
}

/** The catalogue model with this id, or undefined. */
export function findModel(id: string): RigModel | undefined {
  return BY_ID.get(id);
}
