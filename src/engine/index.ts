// Public API of the generic discrete-event engine (knows nothing of the model built on it).

export { EventQueue, MIN_PRIORITY, MAX_PRIORITY, type EventHandle } from './event-queue.js';
export {
  Simulation,
  createSimulation,
  type EventCallback,
  type SimulationOptions,
  type RunOptions,
  type RunOutcome,
  type RunResult,
  type ProcessOptions,
} from './simulation.js';
export { Process, Interrupt, type ProcessGenerator, type ProcessYield } from './process.js';
export { Signal, type SignalOptions, type Scheduler } from './signal.js';
export { createRoot, type RandomRoot, type RandomStream } from './random.js';
export { Recorder, type RecorderOptions, type SeriesKind, type LogEntry } from './recorder.js';
