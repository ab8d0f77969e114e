import { useForm, type SubmissionResult } from '@conform-to/react';
import { useActivityForm } from '~/components/research/activity-form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import type { DecisionRecord } from '~/domain/pra/labels';
import { fromScaled } from '~/domain/burden/units';

type Reply = { intent: string; result?: SubmissionResult<string[]> } | undefined;

const resultFor = (reply: Reply, intent: string) =>
  reply?.intent === intent ? reply.result : undefined;

/**
 * A research activity page's five forms (edit, log a session, attach a clearance, decision,
 * override), each with the answer the action gave it; the page shows their summaries on top.
 */
export function useActivityForms(
  a: {
    version: number;
    title: string;
    method: string;
    purpose: string;
    questions: string;
    unscripted: number;
    phase: string;
    screening_questions: string;
    incentive_cents: number | null;
    incentive_kind: string;
    counsel_approved: number;
    decision: DecisionRecord;
  },
  reply: Reply,
) {
  // The edit form's id follows the saved version: after a save it starts from the saved values.
  const activity = useActivityForm({
    id: `activity-${a.version}`,
    lastResult: resultFor(reply, 'update'),
    defaults: {
      title: a.title,
      method: a.method,
      purpose: a.purpose,
      questions: a.questions,
      unscripted: a.unscripted === 1,
      phase: a.phase,
      screeningQuestions: a.screening_questions,
      incentiveDollars: a.incentive_cents === null ? '' : fromScaled(a.incentive_cents, 2),
      incentiveKind: a.incentive_kind,
      counselApproved: a.counsel_approved === 1,
    },
  });
  const session = useSchemaForm({
    id: 'session',
    lastResult: resultFor(reply, 'add_session'),
    schema: () => import('~/schemas/research').then((m) => m.SessionSchema),
    validate: 'onSubmit',
  });
  const decision = useSchemaForm({
    id: 'decision',
    lastResult: resultFor(reply, 'decision'),
    defaultValue: a.decision,
    schema: () => import('~/schemas/research').then((m) => m.DecisionSchema),
    validate: 'onSubmit',
  });
  const override = useSchemaForm({
    id: 'override',
    lastResult: resultFor(reply, 'override'),
    schema: () => import('~/schemas/research').then((m) => m.OverrideSchema),
    validate: 'onSubmit',
  });
  // The clearance is chosen from a list: the server checks it.
  const link = useForm<{ clearanceId: string }>({
    id: 'link',
    lastResult: resultFor(reply, 'link_clearance'),
  });
  return { activity, session, decision, override, link };
}
