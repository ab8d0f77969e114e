import { PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';

/** The four phases as a USWDS step indicator, the current one marked. */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const current = PHASES.indexOf(phase);
  return (
    <div
      className="usa-step-indicator usa-step-indicator--counters-sm"
      // A named group: on a narrow screen USWDS hides the labels, and a bare div may not be named.
      role="group"
      aria-label="Project phase"
    >
      <ol className="usa-step-indicator__segments">
        {PHASES.map((p, i) => (
          <li
            key={p}
            className={`usa-step-indicator__segment${i < current ? ' usa-step-indicator__segment--complete' : ''}${i === current ? ' usa-step-indicator__segment--current' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="usa-step-indicator__segment-label">
              {PHASE_LABELS[p]}
              {i < current ? <span className="usa-sr-only"> completed</span> : null}
              {i > current ? <span className="usa-sr-only"> not started</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
