/** Markers around the matching words of a snippet: control characters, never in indexed text. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';
