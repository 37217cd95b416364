/** Where each shift sits on a timeline of `fromMs`–`toMs`, in percent, with a colour per person. Pure. */
export interface ShiftBar {
  userId: string;
  leftPct: number;
  widthPct: number;
  hue: number;
}

export function shiftBars(shifts: ReadonlyArray<{ userId: string; startMs: number; endMs: number }>, fromMs: number, toMs: number): ShiftBar[] {
  const span = toMs - fromMs;
  if (span <= 0) return [];
  const users = [...new Set(shifts.map((s) => s.userId))].sort();
  return shifts.map((shift) => {
    const start = Math.max(shift.startMs, fromMs);
    const end = Math.min(shift.endMs, toMs);
    return {
      userId: shift.userId,
      leftPct: ((start - fromMs) / span) * 100,
      widthPct: (Math.max(0, end - start) / span) * 100,
      // Spread people around the colour wheel so neighbours differ.
      hue: Math.round((users.indexOf(shift.userId) * 137.5) % 360),
    };
  });
}
