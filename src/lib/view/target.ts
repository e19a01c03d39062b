/** Progress to target: where an indicator stood last, the target and its year, the distance left. */
import type { Target } from '../data/types';
import type { ObservationRow } from '../queries/observations';

export interface TargetProgress {
  target: Target;
  /** The latest stated figure for the target's place and group, if any. */
  latest: ObservationRow | null;
  /** Target minus latest, in the indicator's unit; positive while the target is not reached. */
  remaining: number | null;
  reached: boolean;
}

export function targetProgress(rows: ObservationRow[], targets: Target[]): TargetProgress[] {
  return targets.map((target) => {
    const own = rows.filter((r) => r.geo === target.geo && r.group === target.group).sort((a, b) => a.period_sort - b.period_sort);
    const latest = own.at(-1) ?? null;
    const remaining = latest ? Math.round((target.value - latest.value) * 1e6) / 1e6 : null;
    return { target, latest, remaining, reached: remaining !== null && remaining <= 0 };
  });
}
