/**
 * A comparison of two journey maps: the two sides, the direction, the summary, scores and other
 * changes step by step, and both diagrams (each with a table of the same scores above it).
 */
import { Link } from '~/components/ui/link';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { Alert } from '~/components/ui/alert';
import { Table } from '~/components/ui/table';
import { STEP_FIELD_LABELS } from '~/domain/journey/compare';
import type { ComparisonView as Comparison } from '~/presenters/journeys';

const STATUS = {
  added: 'Added',
  removed: 'Removed',
  improved: 'Better',
  worse: 'Worse',
  same: 'Same',
} as const;

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

export function JourneyComparison({ c }: { c: Comparison }) {
  const fieldRows = c.steps.flatMap((s) => s.fields.map((f) => ({ step: s, change: f })));
  return (
    <>
      <div className="grid-row grid-gap margin-top-3">
        {(['before', 'after'] as const).map((which) => {
          const s = c[which];
          const heading = which === 'before' ? 'Before' : 'After';
          return (
            <section
              key={which}
              aria-labelledby={`side-${which}`}
              className="tablet:grid-col-6 margin-bottom-2"
            >
              <div className="border-1px border-base-lighter radius-md padding-2 height-full">
                <h2 id={`side-${which}`} className="margin-top-0 font-heading-md">
                  {heading}
                </h2>
                <p className="margin-y-1">
                  <span className="usa-tag bg-primary-dark">{s.version}</span>{' '}
                  <Link to={`/journeys/${s.id}`}>{s.title}</Link>
                </p>
                <p className="margin-y-1">
                  {s.kind}, created {s.created}; last changed {s.changed}.
                </p>
              </div>
            </section>
          );
        })}
      </div>
      {c.reversed ? (
        <Alert type="warning" slim>
          This reads backwards: Before is the {c.names[0]}, After the {c.names[1]}, so “better”
          means better in the {c.names[1]}. Swap the direction to read from the {c.names[1]} to the{' '}
          {c.names[0]}.
        </Alert>
      ) : null}
      <p className="margin-y-2">
        <Link className="usa-button usa-button--outline" to={c.swap}>
          Swap direction: from the {c.names[1]} to the {c.names[0]}
        </Link>
      </p>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <p className="usa-intro" data-testid="compare-summary">
          {c.summary}
        </p>
        <p>
          Average experience score: {c.averageBefore ?? '—'} ({c.names[0]}) →{' '}
          {c.averageAfter ?? '—'} ({c.names[1]}).
        </p>
        <p data-testid="compare-field-summary">{c.fieldSummary}</p>
      </section>

      <h2>Scores, step by step</h2>
      <Table
        label="Scores, step by step (scrolls sideways)"
        className="usa-table usa-table--borderless width-full"
      >
        <caption>
          Step by step, from the {c.names[0]} (Before) to the {c.names[1]} (After)
        </caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Step</th>
            <th scope="col">Before ({c.names[0]})</th>
            <th scope="col">After ({c.names[1]})</th>
            <th scope="col">Change</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {c.steps.map((s) => (
            <tr key={`${s.status}-${s.key}`}>
              <td>{s.stage}</td>
              <th scope="row">{s.title}</th>
              <td>{s.before ?? '—'}</td>
              <td>{s.after ?? '—'}</td>
              <td>{signed(s.change)}</td>
              <td>{STATUS[s.status]}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2 id="fields-heading">Pain points, channels, touchpoints and other text</h2>
      {fieldRows.length === 0 ? (
        <p>No step in both versions changed anything besides its score.</p>
      ) : (
        <Table
          label="Other changes, step by step (scrolls sideways)"
          className="usa-table usa-table--borderless width-full"
        >
          <caption>
            What changed besides the score, from the {c.names[0]} to the {c.names[1]}
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">What</th>
              <th scope="col">Before ({c.names[0]})</th>
              <th scope="col">After ({c.names[1]})</th>
            </tr>
          </thead>
          <tbody>
            {fieldRows.map(({ step, change }) => (
              <tr key={`${step.key}-${change.field}`}>
                <th scope="row">{step.title}</th>
                <td>{STEP_FIELD_LABELS[change.field]}</td>
                <td className="pre-line">{change.before || '—'}</td>
                <td className="pre-line">{change.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h2>Diagrams</h2>
      {(['before', 'after'] as const).map((which, i) => (
        <section key={which} aria-labelledby={`diagram-${which}`}>
          <h3 id={`diagram-${which}`}>
            {which === 'before' ? 'Before' : 'After'}: {c[which].version}
          </h3>
          <MermaidDiagram
            source={c[which].source}
            label={`${c[which].title}, ${c[which].version}`}
            description={`${which === 'before' ? 'Before' : 'After'} (${c.names[i]}). The tables above have the same scores.`}
          />
        </section>
      ))}
    </>
  );
}
