import { EvaluationList } from '~/components/evaluations/evaluation-list';
import { MeasureList } from '~/components/measures/measure-list';
import { TrustList } from '~/components/surveys/trust-list';
import type { ComponentProps } from 'react';

/**
 * The Measurement phase's evidence on the phase gate (issue 20, point 4): the success measures
 * with their status, the evaluation plans with theirs, and the latest survey trust, as the
 * project page shows them, for the points of contact deciding.
 */
export function MeasurementEvidence({
  projectId,
  measurement,
}: {
  projectId: number;
  measurement: {
    measures: ComponentProps<typeof MeasureList>['measures'];
    evaluations: ComponentProps<typeof EvaluationList>['plans'];
    trust: ComponentProps<typeof TrustList>['rows'];
  };
}) {
  return (
    <div
      className="border-left-05 border-primary padding-left-2 margin-y-3"
      data-testid="measurement-evidence"
    >
      <p className="text-bold">
        Evidence for the Measurement phase: whether the pilot is working, as the workspace reads it
        today.
      </p>
      <MeasureList measures={measurement.measures} projectId={projectId} mayEdit={false} />
      <EvaluationList plans={measurement.evaluations} projectId={projectId} mayEdit={false} />
      <TrustList rows={measurement.trust} label="Trust in the services the project measures" />
    </div>
  );
}
