// Durations in scenario files: a number and a unit ("90s", "15m", "6h", "30d", "2w", "1y" = 365 d),
// or several joined ("1h30m"); parsed to integer microseconds, the engine's clock unit.

const US_PER_UNIT: Record<string, number> = {
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
  d: 86_400_000_000,
  w: 604_800_000_000,
  y: 31_536_000_000_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/y;

/** Returns integer µs, or a message saying what is wrong with the text. */
export function parseDurationUs(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return 'must be a duration like 15m, 6h or 30d, got ""';
  let totalUs = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const match = PART.exec(trimmed);
    if (!match || match.index !== start) {
      return `must be a duration like 15m, 6h or 30d (units ms, s, m, h, d, w, y), got "${text}"`;
    }
    totalUs += Number(match[1]) * US_PER_UNIT[match[2]];
  }
  if (!Number.isSafeInteger(Math.round(totalUs))) return `is too long, got "${text}"`;
  return Math.round(totalUs);
}

/** The shortest exact text for a µs duration (for reports and the editor). */
export function formatDuration(us: number): string {
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const) {
    if (us !== 0 && us % US_PER_UNIT[unit] === 0) return `${us / US_PER_UNIT[unit]}${unit}`;
  }
  return us === 0 ? '0s' : `${us / 1_000_000}s`;
}
