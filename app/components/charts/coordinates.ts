/**
 * A coordinate of a drawing written to a hundredth of a unit: at the sizes drawn (a viewBox
 * hundreds of units wide) the picture is the same, and its markup shorter and quicker to write
 * than a double's seventeen digits.
 */
export function at(value: number): number {
  return Math.round(value * 100) / 100;
}
