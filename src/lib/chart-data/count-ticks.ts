// Axis ticks for counts: whole numbers only. On a small domain d3's nice ticks are fractional (0, 0.2, 0.4 …) and
// its "~s" format then reads "200m": no count is a fraction. Percent axes keep their fractional ticks.

export function countTicks(ticks: readonly number[]): number[] {
  return ticks.filter((tick) => Number.isInteger(tick));
}
