/**
 * What the journey pages show that is not a rule: the words of a removal's confirmation.
 * Pure, so the page and its test read the same sentences.
 */
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';

interface StepLike {
  title: string;
  projects: unknown[];
}

/** What removing a step takes away: its links to projects (burden items keep no step). */
export function stepRemoval(step: StepLike): Removal {
  return {
    what: `the step “${step.title}”`,
    takes: [
      ...(step.projects.length > 0
        ? [`its links to ${pluralize(step.projects.length, 'project')}`]
        : []),
      'its place on burden items attached to it (the items stay, with no step)',
    ],
    confirm: 'Yes, remove the step',
  };
}

/** What removing a stage takes away: every step in it. */
export function stageRemoval(stage: { name: string; steps: StepLike[] }): Removal {
  return {
    what: `the stage “${stage.name}”`,
    takes:
      stage.steps.length > 0
        ? [
            `its ${pluralize(stage.steps.length, 'step')}: ${stage.steps.map((s) => s.title).join(', ')}`,
            'their links to projects, and their place on burden items (the items stay, with no step)',
          ]
        : [],
    confirm: 'Yes, remove the stage and its steps',
  };
}

/**
 * The confirmation a removal from the edit page asks for, with the fields that repeat the
 * request once confirmed; null for other edits, and for an unknown stage or step (the edit
 * itself then refuses it with a 404).
 */
export function removalOf(
  stages: { id: number; name: string; steps: (StepLike & { id: number })[] }[],
  v: { intent: string; version: number; stageId?: number; stepId?: number },
): { removal: Removal; fields: Record<string, string | number> } | null {
  if (v.intent === 'delete_stage') {
    const stage = stages.find((s) => s.id === v.stageId);
    return stage
      ? {
          removal: stageRemoval(stage),
          fields: { intent: v.intent, stageId: stage.id, version: v.version },
        }
      : null;
  }
  if (v.intent === 'delete_step') {
    const step = stages.flatMap((s) => s.steps).find((s) => s.id === v.stepId);
    return step
      ? {
          removal: stepRemoval(step),
          fields: { intent: v.intent, stepId: step.id, version: v.version },
        }
      : null;
  }
  return null;
}
