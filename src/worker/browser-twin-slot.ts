// One twin Web Worker and the call running on it. A call can be cancelled: through a shared flag the
// run reads at each slot edge (cross-origin-isolated pages), else by terminating and restarting the worker.
import { wrap, type Remote } from 'comlink';
import type { BrowserTwinWorkerApi, CancelFlag } from './browser-twin-protocol.js';

export type TwinTask<T> = { done: Promise<T>; cancel(): void };

/** SharedArrayBuffer exists only where the page is cross-origin isolated (COOP + COEP headers). */
export function canShareMemory(): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

export class TwinWorkerSlot {
  private worker!: Worker;
  private remote!: Remote<BrowserTwinWorkerApi>;
  /** Ends each call still waiting on this worker (as cancelled) when it is restarted. */
  private readonly aborts = new Set<() => void>();
  private readonly createWorker: () => Worker;

  constructor(createWorker: () => Worker) {
    this.createWorker = createWorker;
    this.start();
  }

  get busy(): boolean {
    return this.aborts.size > 0;
  }

  /** Runs `work` on this worker; a rejected call (a crashed worker) becomes `failed(message)`. */
  call<T>(work: (remote: Remote<BrowserTwinWorkerApi>, cancel?: CancelFlag) => Promise<T>, cancelled: T, failed: (message: string) => T): TwinTask<T> {
    const flag = canShareMemory() ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    let abort: () => void = () => {};
    const aborted = new Promise<T>((resolve) => (abort = () => resolve(cancelled)));
    this.aborts.add(abort);
    const answered = work(this.remote, flag).catch((error: unknown) => failed(error instanceof Error ? error.message : String(error)));
    const done = Promise.race([answered, aborted]).finally(() => this.aborts.delete(abort));
    return {
      done,
      cancel: () => {
        if (!this.aborts.has(abort)) return;
        if (flag) Atomics.store(flag, 0, 1);
        else this.restart();
      },
    };
  }

  /** Plain calls (validation, the catalogue) that need no cancel. */
  get api(): Remote<BrowserTwinWorkerApi> {
    return this.remote;
  }

  terminate(): void {
    this.worker.terminate();
  }

  private start(): void {
    this.worker = this.createWorker();
    this.remote = wrap<BrowserTwinWorkerApi>(this.worker);
  }

  private restart(): void {
    this.worker.terminate();
    for (const abort of this.aborts) abort();
    this.start();
  }
}
