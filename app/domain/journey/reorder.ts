/**
 * What a person hears after moving a stage or a step with JavaScript (WCAG 2.1 4.1.3 status
 * messages): the item's new place, counted from 1, in words a screen reader reads plainly.
 */
export interface MovedItem {
  kind: 'stage' | 'step';
  id: number;
}

interface OrderedStage {
  id: number;
  name: string;
  steps: readonly { id: number; title: string }[];
}

/**
 * "Step ‘Apply’ moved to position 3 of 8 in ‘Birth’." or "Stage ‘Birth’ moved to position 2 of
 * 4.", from the map's order after the move; null when the item is no longer in the map.
 */
export function moveAnnouncement(stages: readonly OrderedStage[], moved: MovedItem): string | null {
  if (moved.kind === 'stage') {
    const index = stages.findIndex((s) => s.id === moved.id);
    if (index < 0) return null;
    return `Stage ‘${stages[index]!.name}’ moved to position ${index + 1} of ${stages.length}.`;
  }
  for (const stage of stages) {
    const index = stage.steps.findIndex((s) => s.id === moved.id);
    if (index < 0) continue;
    return `Step ‘${stage.steps[index]!.title}’ moved to position ${index + 1} of ${stage.steps.length} in ‘${stage.name}’.`;
  }
  return null;
}

/** "Step ‘Apply’ is already first in ‘Birth’.": a keyboard move past either end. */
export function alreadyAtEnd(
  item: { kind: 'stage' | 'step'; name: string; stage?: string },
  direction: 'up' | 'down',
): string {
  const end = direction === 'up' ? 'first' : 'last';
  return item.kind === 'stage'
    ? `Stage ‘${item.name}’ is already ${end}.`
    : `Step ‘${item.name}’ is already ${end} in ‘${item.stage ?? ''}’.`;
}
