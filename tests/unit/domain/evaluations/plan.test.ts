/** An evaluation plan's moves (issue 20, point 2): one step at a time, the design set first. */
import { describe, expect, it } from 'vitest';
import {
  designEditable,
  moveRefusal,
  type EvaluationStatus,
  type Move,
  type PlanForRules,
} from '~/domain/evaluations/plan';

const PARTS = {
  questions: 'Did the kits reach families sooner?',
  design_detail: 'Enrollment cohorts before and after the pilot.',
  population: 'Families enrolled in the pilot states.',
  sample: 'All enrollments, January to June.',
  analysis_plan: 'Median days to delivery, before and after.',
  decision_rule: 'Scale if the median falls below 30 days.',
};
const plan = (status: EvaluationStatus, over: Partial<PlanForRules> = {}): PlanForRules => ({
  status,
  parts: PARTS,
  findings: '',
  ...over,
});

describe('moveRefusal', () => {
  it.each<[string, PlanForRules, Move, string | null]>([
    ['a complete draft is approved', plan('draft'), 'approve', null],
    [
      'a draft missing its decision rule and sample is not',
      plan('draft', { parts: { ...PARTS, decision_rule: ' ', sample: '' } }),
      'approve',
      'Before approving, write the sample and the decision rule to scale, iterate or stop: they are set before the data arrives.',
    ],
    [
      'one missing part is named alone',
      plan('draft', { parts: { ...PARTS, questions: '' } }),
      'approve',
      'Before approving, write the evaluation questions: they are set before the data arrives.',
    ],
    ['an approved plan goes back to draft', plan('approved'), 'reopen', null],
    ['an approved plan starts', plan('approved'), 'start', null],
    [
      'a draft does not start',
      plan('draft'),
      'start',
      'The plan is draft; "Start the evaluation" is for a plan that is approved.',
    ],
    [
      'a plan under way does not go back to draft',
      plan('under_way'),
      'reopen',
      'The plan is under way; "Back to draft" is for a plan that is approved.',
    ],
    [
      'reporting needs the findings',
      plan('under_way'),
      'report',
      'Write the findings before reporting: what the evaluation found, and what the decision rule decides.',
    ],
    [
      'with findings it is reported',
      plan('under_way', { findings: 'Median fell to 21 days: scale.' }),
      'report',
      null,
    ],
    [
      'a reported plan is not reported again',
      plan('reported', { findings: 'Done.' }),
      'report',
      'The plan is reported; "Report the findings" is for a plan that is under way.',
    ],
  ])('%s', (_, p, move, refusal) => {
    expect(moveRefusal(p, move)).toBe(refusal);
  });

  it.each<[EvaluationStatus, boolean]>([
    ['draft', true],
    ['approved', false],
    ['under_way', false],
    ['reported', false],
  ])('the design of a %s plan may change: %s', (status, editable) => {
    expect(designEditable(status)).toBe(editable);
  });
});
