/**
 * Plain text written together (a PMC update's notes): the smallest change between two versions of
 * a field, as the browser sends it, and where a caret goes when someone else's change arrives.
 */

/** A change to a text as Yjs describes it: keep, insert or delete, from the start on. */
export type TextDelta = readonly { retain?: number; insert?: unknown; delete?: number }[];

/**
 * Where a position in a text lands after a change (a Yjs delta): moved right by what was inserted
 * before it, left by what was deleted before it. Text inserted exactly at the position goes after
 * it, so a caret stays in front of someone else's typing.
 */
export function mapIndex(delta: TextDelta, index: number): number {
  let at = 0;
  let moved = index;
  for (const op of delta) {
    if (at >= index) break;
    if (op.retain !== undefined) at += op.retain;
    else if (typeof op.insert === 'string') moved += op.insert.length;
    else if (op.delete !== undefined) {
      moved -= Math.min(op.delete, index - at);
      at += op.delete;
    }
  }
  return Math.max(0, moved);
}

/** The smallest change from one text to another: where it starts, what goes and what comes. */
export function textChange(
  before: string,
  after: string,
): { at: number; remove: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return {
    at: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}
