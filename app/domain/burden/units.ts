/**
 * Reading the numbers people type into exact integers: "1,250.5" minutes → 75,030 seconds.
 * Returns null when the text is not a plain decimal with at most `places` decimals.
 */
export function scaledInteger(text: string, places: number): number | null {
  const cleaned = text.trim().replace(/,/g, '').replace(/^\$/, '');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > places) return null;
  const value = Number(m[1]) * 10 ** places + Number(fraction.padEnd(places, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** The reverse, for putting stored values back into a form: 75030 (tenths… ) → "1250.5". */
export function fromScaled(value: number, places: number): string {
  if (places === 0) return String(value);
  const s = String(Math.abs(value)).padStart(places + 1, '0');
  const whole = s.slice(0, -places);
  const frac = s.slice(-places).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Seconds ↔ minutes with one decimal (6-second steps) as typed in forms. */
export const secondsFromMinutesText = (text: string): number | null => {
  const tenths = scaledInteger(text, 1);
  return tenths === null ? null : tenths * 6;
};
export const minutesText = (seconds: number): string => fromScaled(seconds / 6, 1);
