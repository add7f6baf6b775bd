// The `hashtwin` command: dispatches to one command module and turns failures into exit codes —
// 2 with one line for bad input, 1 with one line for an internal failure (stack with HASHTWIN_DEBUG=1).
import { HashInputError } from '../hash/index.js';
import { ScenarioProblems, UsageError } from './usage-error.js';

const USAGE = `hashtwin — a deterministic digital twin of a crypto-mining hosting business

usage:
  hashtwin hash sha256d HEX [--reverse] [--json]   digest of hex input (also sha256, keccak256, keccak512)
  hashtwin scan --header HEADER --target TARGET [--start N] [--count M] [--workers W] [--scalar] [--json]
                                                 every nonce whose sha256d(header) ≤ target
  hashtwin ethash --block N --header HASH --nonce NONCE [--count K] [--difficulty D] [--json]
                                                 Ethash light verification (mix digest and result)
  hashtwin validate FILE                         0 if the scenario is valid; else 2 and every problem with its path
  hashtwin schema                                the scenario JSON Schema
  hashtwin run FILE [--seed S] [--resolution exact|aggregate|hashed] [--out DIR] [--report FILE.html] [--json]
                                                 runs a scenario: KPIs, series, events, ledger and digest;
                                                 --report writes a self-contained HTML report with its charts
  hashtwin sweep FILE --vary PATH=V1,V2,… [--vary …] [--seeds K] [--workers W] [--json]
                                                 runs every combination × seeds on worker threads
  hashtwin quote --hashrate-ths N --days D [--scheme FPPS] [--power-usd-per-kwh P] [--seeds K] [--json]
                                                 a sales quote: price per TH/s/day, total, revenue P10/P50/P90,
                                                 break-even coin price and the lab link (also --site, --pue,
                                                 --model; or --link LINK to reproduce a shared quote)
  hashtwin bench [--quick] [--json]              hashing, engine and twin benchmarks against baselines, same run
  hashtwin demo                                  a short tour: genesis block scan and an Ethash check

HEADER: 160 hex digits (80-byte header, nonce at bytes 76..79 little-endian).
TARGET: 64 hex digits, big-endian; a hash meets it when the digest read little-endian is ≤ it.
NONCE (Ethash): 16 hex digits, big-endian as clients print it.`;

type Command = (argv: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  hash: async () => (await import('./commands/hash.js')).hashCommand,
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  ethash: async () => (await import('./commands/ethash.js')).ethashCommand,
  bench: async () => (await import('./commands/bench.js')).benchCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand,
  quote: async () => (await import('./commands/quote.js')).quoteCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`hashtwin: unknown command '${name}' (try: ${Object.keys(COMMANDS).join(', ')}; --help for usage)`);
    return 2;
  }
  try {
    await (await load())(rest);
    return 0;
  } catch (error) {
    if (error instanceof ScenarioProblems) {
      for (const line of error.lines) console.error(line);
      return 2;
    }
    if (error instanceof UsageError || error instanceof HashInputError) {
      console.error(`hashtwin ${name}: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`hashtwin ${name}: internal error: ${message}`);
    if (process.env.HASHTWIN_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}
