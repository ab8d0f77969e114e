import { Link } from '~/components/ui/link';
import {
  EVALUATION_DESIGNS,
  EVALUATION_STATUS_LABELS,
  type EvaluationDesign,
  type EvaluationStatus,
} from '~/domain/evaluations/plan';

/** A project's evaluation plans with their status (issue 20), and the link to write one. */
export function EvaluationList({
  plans,
  projectId,
  mayEdit,
}: {
  plans: { id: number; title: string; design: EvaluationDesign; status: EvaluationStatus }[];
  projectId: number;
  mayEdit: boolean;
}) {
  return (
    <section aria-labelledby="evaluations">
      <h2 id="evaluations">Evaluation plans</h2>
      {mayEdit ? (
        <p>
          <Link to={`/projects/${projectId}/evaluations/new`}>Write an evaluation plan</Link>
        </p>
      ) : null}
      {plans.length === 0 ? (
        <p>No evaluation plan yet.</p>
      ) : (
        <ul className="usa-list">
          {plans.map((p) => (
            <li key={p.id}>
              <Link to={`/evaluations/${p.id}`}>{p.title}</Link>:{' '}
              {EVALUATION_STATUS_LABELS[p.status]}, {EVALUATION_DESIGNS[p.design].toLowerCase()}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
