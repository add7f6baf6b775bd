// A one-line progress bar on stderr, drawn only on a terminal so pipes and --json stay clean.
export type Progress = { update(fraction: number, detail?: string): void; done(): void };

const BAR_CELLS = 30;
const REDRAW_EVERY_MS = 100;

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let lastDrawMs = 0;
  return {
    update(fraction, detail = '') {
      const nowMs = performance.now();
      if (nowMs - lastDrawMs < REDRAW_EVERY_MS && fraction < 1) return;
      lastDrawMs = nowMs;
      const clamped = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(clamped * BAR_CELLS);
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
      stream.write(`\r${label} ${bar} ${(clamped * 100).toFixed(1).padStart(5)}% ${detail}\x1b[K`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
