import { HEALTH_LABELS, PHASE_LABELS } from '~/domain/portfolio/labels';
import type { Health, Phase } from '~/domain/portfolio/types';

export function HealthTag({ health }: { health: Health }) {
  return <span className={`usa-tag health-tag--${health}`}>{HEALTH_LABELS[health]}</span>;
}

export function PhaseTag({ phase }: { phase: Phase }) {
  return <span className="usa-tag bg-primary-dark">{PHASE_LABELS[phase]}</span>;
}
