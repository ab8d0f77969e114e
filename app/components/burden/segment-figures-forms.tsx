import { Form } from 'react-router';
import { Alert } from '~/components/ui/alert';
import { IntentFields } from '~/components/ui/intent-fields';

/**
 * One small form per segment for its own minutes and out-of-pocket cost on an item; empty fields
 * follow the item (minutes as the segment's percentage of the item's).
 */
export function SegmentFiguresForms({
  segments,
  version,
  errors,
}: {
  segments: {
    id: number;
    name: string;
    followsBase: string | null;
    minutes: string;
    dollars: string;
  }[];
  version: number;
  errors: Record<string, string[] | null> | undefined;
}) {
  const overrideErrors = errors;
  return (
    <section aria-labelledby="segment-figures">
      <h2 id="segment-figures">Segments’ own figures for this item</h2>
      <p>Leave a field empty where the segment is like everyone else.</p>
      {overrideErrors ? (
        <Alert type="error" heading="Not saved">
          {Object.values(overrideErrors).flat().join(' ')}
        </Alert>
      ) : null}
      {segments.map((s) => (
        <Form key={s.id} method="post" className="usa-form margin-bottom-3">
          <IntentFields intent="override" version={version} extra={{ segmentId: s.id }} />
          <fieldset className="usa-fieldset">
            <legend className="usa-legend text-bold">{s.name}</legend>
            <label className="usa-label" htmlFor={`seg-${s.id}-minutes`}>
              Minutes per occurrence
            </label>
            {s.followsBase ? (
              <span className="usa-hint" id={`seg-${s.id}-minutes-hint`}>
                {s.followsBase}
              </span>
            ) : null}
            <input
              className="usa-input"
              id={`seg-${s.id}-minutes`}
              name="minutesPerOccurrence"
              defaultValue={s.minutes}
              inputMode="decimal"
              aria-describedby={s.followsBase ? `seg-${s.id}-minutes-hint` : undefined}
            />
            <label className="usa-label" htmlFor={`seg-${s.id}-dollars`}>
              Out-of-pocket dollars per occurrence
            </label>
            <input
              className="usa-input"
              id={`seg-${s.id}-dollars`}
              name="outOfPocketDollars"
              defaultValue={s.dollars}
              inputMode="decimal"
            />
          </fieldset>
          <button type="submit" className="usa-button usa-button--outline margin-top-1">
            Save figures for {s.name}
          </button>
        </Form>
      ))}
    </section>
  );
}
