/**
 * The launch-window rule: every market goes live within N hours of the others, i.e. the spread
 * between the earliest and the latest go-live milestone is at most the campaign's window.
 */
export interface LaunchWindow {
  limitHours: number;
  /** Null until at least one go-live exists. */
  spreadHours: number | null;
  ok: boolean;
  earliest: string | null;
  latest: string | null;
  /** Markets with no go-live milestone yet. */
  marketsWithoutGoLive: string[];
}

export function launchWindow(
  limitHours: number,
  marketCodes: string[],
  goLives: Array<{ at: Date; marketCode: string | null }>,
): LaunchWindow {
  const sorted = [...goLives].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = sorted[0];
  const last = sorted.at(-1);
  // Instants are absolute: their difference in milliseconds needs no zone at all.
  const spreadHours = first && last ? (last.at.getTime() - first.at.getTime()) / 3_600_000 : null;
  const covered = new Set(goLives.map((g) => g.marketCode));
  return {
    limitHours,
    spreadHours,
    ok: spreadHours === null || spreadHours <= limitHours,
    earliest: first?.at.toISOString() ?? null,
    latest: last?.at.toISOString() ?? null,
    marketsWithoutGoLive: covered.has(null) ? [] : marketCodes.filter((code) => !covered.has(code)),
  };
}
