import { describe, expect, it } from 'vitest';
import { stageRemoval, stepRemoval } from '~/presenters/journeys';

describe('stepRemoval', () => {
  it.each([
    {
      projects: 0,
      takes: ['its place on burden items attached to it (the items stay, with no step)'],
    },
    {
      projects: 1,
      takes: [
        'its links to 1 project',
        'its place on burden items attached to it (the items stay, with no step)',
      ],
    },
    {
      projects: 3,
      takes: [
        'its links to 3 projects',
        'its place on burden items attached to it (the items stay, with no step)',
      ],
    },
  ])('a step linked to $projects projects', ({ projects, takes }) => {
    const r = stepRemoval({ title: 'Apply', projects: Array.from({ length: projects }) });
    expect(r).toEqual({ what: 'the step “Apply”', takes, confirm: 'Yes, remove the step' });
  });
});

describe('stageRemoval', () => {
  it.each([
    { steps: [], takes: [] },
    {
      steps: ['Apply'],
      takes: [
        'its 1 step: Apply',
        'their links to projects, and their place on burden items (the items stay, with no step)',
      ],
    },
    {
      steps: ['Apply', 'Wait'],
      takes: [
        'its 2 steps: Apply, Wait',
        'their links to projects, and their place on burden items (the items stay, with no step)',
      ],
    },
  ])('a stage with steps $steps', ({ steps, takes }) => {
    const r = stageRemoval({
      name: 'Learn',
      steps: steps.map((title) => ({ title, projects: [] })),
    });
    expect(r.what).toBe('the stage “Learn”');
    expect(r.takes).toEqual(takes);
    expect(r.confirm).toBe('Yes, remove the stage and its steps');
  });
});
