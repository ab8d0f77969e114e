/**
 * What the journey pages show that is not a rule: the words of a removal's confirmation.
 * Pure, so the page and its test read the same sentences.
 */
import {
  compareJourneys,
  countChanges,
  fieldSentence,
  isReversed,
  sideNames,
  summarySentence,
  type ComparableStep,
  type VersionSide,
} from '~/domain/journey/compare';
import { heatLevels, totalMoney } from '~/domain/burden/calc';
import { dollars, hours } from '~/domain/burden/display';
import { generateMermaid } from '~/domain/journey/mermaid';
import { VERSION_LABELS, versionText } from '~/domain/journey/types';
import { pluralize } from '~/domain/plural';
import { formatDate } from '~/domain/portfolio/labels';
import type { Removal } from '~/domain/removal';
import type { burdenForMap } from '#db/queries/burden';
import { toDiagram, type JourneyDetail } from '#db/queries/journeys';

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

/** A map as the compare rule sees its side: which kind of version, its name and its age. */
export const side = (m: {
  id: number;
  version_label: VersionSide['label'];
  version_name: string;
  created_at: string;
}): VersionSide => ({
  id: m.id,
  label: m.version_label,
  versionName: m.version_name,
  createdAt: m.created_at,
});

/** A map's steps in order, as the compare rule matches them (by step key). */
export const flat = (j: JourneyDetail): ComparableStep[] =>
  j.stages.flatMap((s) =>
    s.steps.map((st) => ({
      key: st.step_key,
      stage: s.name,
      title: st.title,
      score: st.score,
      channel: st.channel,
      touchpoint: st.touchpoint,
      painPoints: st.pain_points,
      opportunities: st.opportunities,
      actors: st.actors,
    })),
  );

/** Two maps compared, as the compare page shows them: each side, the direction, the sentences. */
export function comparisonView(before: JourneyDetail, after: JourneyDetail, base: string) {
  const [sb, sa] = [side(before.map), side(after.map)];
  const comparison = compareJourneys(flat(before), flat(after));
  const counts = countChanges(comparison);
  const names = sideNames(sb, sa);
  const present = (j: JourneyDetail) => ({
    id: j.map.id,
    title: j.map.title,
    kind: VERSION_LABELS[j.map.version_label],
    version: versionText(j.map.version_label, j.map.version_name),
    created: formatDate(j.map.created_at),
    changed: formatDate(j.map.updated_at),
    source: generateMermaid(toDiagram(j)),
  });
  return {
    before: present(before),
    after: present(after),
    names,
    reversed: isReversed(sb, sa),
    swap: `${base}?before=${after.map.id}&after=${before.map.id}`,
    summary: summarySentence(names, counts),
    fieldSummary: fieldSentence(counts),
    ...comparison,
  };
}

export type ComparisonView = ReturnType<typeof comparisonView>;

/**
 * The stages and steps as the journey's table reads them, and nothing more: the page's data goes
 * to the browser with it, and a step's key, position and notes are not shown there.
 */
export function tableStages(stages: JourneyDetail['stages']) {
  return stages.map((stage) => ({
    id: stage.id,
    name: stage.name,
    steps: stage.steps.map((s) => ({
      id: s.id,
      title: s.title,
      score: s.score,
      actors: s.actors,
      channel: s.channel,
      touchpoint: s.touchpoint,
      pain_points: s.pain_points,
      opportunities: s.opportunities,
      projects: s.projects,
    })),
  }));
}

/** Hours per step from the map's newest assessment, with a 0–4 heat level relative to the worst step. */
export function burdenColumn(b: NonNullable<Awaited<ReturnType<typeof burdenForMap>>>) {
  const heat = heatLevels(b.byStep);
  const steps: Record<number, { hours: string; cost: string; heat: number }> = {};
  for (const [stepId, x] of b.byStep) {
    if (stepId === null) continue;
    steps[stepId] = {
      hours: hours(x.time),
      cost: dollars(totalMoney(x)),
      heat: heat.get(stepId) ?? 0,
    };
  }
  return { assessmentId: b.assessmentId, title: b.title, steps };
}
