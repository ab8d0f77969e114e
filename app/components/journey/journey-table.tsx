import { Link } from '~/components/ui/link';
import { SCORE_LABELS } from '~/domain/journey/types';
import { Table } from '~/components/ui/table';

export interface TableStep {
  id: number;
  title: string;
  score: number;
  actors: string[];
  channel: string;
  touchpoint: string;
  pain_points: string;
  opportunities: string;
  projects: { id: number; name: string }[];
}

/**
 * The journey as a table: the accessible equivalent of the diagram, rendered on the server.
 * One row group per stage, with the stage as its header.
 */
export function JourneyTable({
  title,
  stages,
  extraColumn,
}: {
  title: string;
  stages: { id: number; name: string; steps: TableStep[] }[];
  /** An extra column (for example burden per step) rendered per step. */
  extraColumn?: { header: string; cell: (step: TableStep) => React.ReactNode };
}) {
  const columns = 8 + (extraColumn ? 1 : 0);
  return (
    <Table label={`${title}: table`} className="usa-table usa-table--borderless journey-table">
      <caption>{title}: every stage and step</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Experience score</th>
          <th scope="col">Actors</th>
          <th scope="col">Channel</th>
          <th scope="col">Agency touchpoint</th>
          <th scope="col">Pain points</th>
          <th scope="col">Opportunities</th>
          <th scope="col">Projects addressing it</th>
          {extraColumn ? <th scope="col">{extraColumn.header}</th> : null}
        </tr>
      </thead>
      {stages.map((stage) => (
        <tbody key={stage.id}>
          <tr>
            <th scope="rowgroup" colSpan={columns} className="bg-base-lightest">
              {`Stage: ${stage.name}`}
            </th>
          </tr>
          {stage.steps.length === 0 ? (
            <tr>
              <td colSpan={columns}>No steps in this stage yet.</td>
            </tr>
          ) : (
            stage.steps.map((s) => (
              // The id a search result links to (issue 23).
              <tr key={s.id} id={`step-${s.id}`}>
                <th scope="row">{s.title}</th>
                <td>
                  <span className={`journey-score journey-score--${s.score}`}>
                    {SCORE_LABELS[s.score]}
                  </span>
                </td>
                <td>{s.actors.join(', ') || '—'}</td>
                <td>{s.channel || '—'}</td>
                <td>{s.touchpoint || '—'}</td>
                <td className="pre-line">{s.pain_points || '—'}</td>
                <td className="pre-line">{s.opportunities || '—'}</td>
                <td>
                  {s.projects.length === 0
                    ? '—'
                    : s.projects.map((p, i) => (
                        <span key={p.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to={`/projects/${p.id}`}>{p.name}</Link>
                        </span>
                      ))}
                </td>
                {extraColumn ? <td>{extraColumn.cell(s)}</td> : null}
              </tr>
            ))
          )}
        </tbody>
      ))}
    </Table>
  );
}

/**
 * The burden column of a journey's table: hours a year per step, shaded by how much burden falls
 * there, with the cost for screen readers (presenters/journeys.ts burdenColumn).
 */
export function burdenStepColumn(
  steps: Record<number, { hours: string; cost: string; heat: number }>,
): { header: string; cell: (step: TableStep) => React.ReactNode } {
  return {
    header: 'Burden (hours a year)',
    cell: (step) => {
      const b = steps[step.id];
      return b ? (
        <span className={`burden-heat burden-heat--${b.heat}`}>
          {`${b.hours} h`}
          <span className="usa-sr-only">{`, ${b.cost}`}</span>
        </span>
      ) : (
        '—'
      );
    },
  };
}
