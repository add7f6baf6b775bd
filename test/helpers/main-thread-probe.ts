// Watches a page's main thread while it works: every long task (≥ 50 ms, PerformanceObserver
// 'longtask') and the longest gap between timer ticks (the longest task plus rendering actually seen).
import type { Page } from 'playwright-core';

export type MainThreadReport = { longTasksMs: number[]; maxGapMs: number };
type Probe = MainThreadReport & { stop: boolean };

export async function startMainThreadProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = { longTasksMs: [], maxGapMs: 0, stop: false };
    (window as unknown as { mainThreadProbe: Probe }).mainThreadProbe = probe;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasksMs.push(e.duration))).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      probe.maxGapMs = Math.max(probe.maxGapMs, now - last);
      last = now;
      if (!probe.stop) setTimeout(tick, 0);
    };
    tick();
  });
}

export async function stopMainThreadProbe(page: Page): Promise<MainThreadReport> {
  return page.evaluate(() => {
    const probe = (window as unknown as { mainThreadProbe: Probe }).mainThreadProbe;
    probe.stop = true;
    return { longTasksMs: probe.longTasksMs, maxGapMs: probe.maxGapMs };
  });
}
