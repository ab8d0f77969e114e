/** The evidence a plan cites, by section, and the form for citing more. */
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { IntentFields } from '~/components/ui/intent-fields';
import { PLAN_SECTIONS } from '~/domain/plans/document';
import { citationsBySection } from '~/presenters/plans';

export function EvidenceCited({
  citations,
}: {
  citations: {
    id: number;
    section: number;
    href: string;
    label: string;
    figures: string;
    note: string;
  }[];
}) {
  if (citations.length === 0) return <p>No evidence cited yet.</p>;
  return citationsBySection(PLAN_SECTIONS, citations).map(({ title, citations: here }) => (
    <section key={title} aria-label={`Evidence for ${title}`}>
      <h3>{title}</h3>
      <ul className="usa-list">
        {here.map((c) => (
          <li key={c.id}>
            <Link to={c.href}>{c.label}</Link>: {c.figures}
            {c.note ? <div className="font-body-xs">Note: {c.note}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  ));
}

/** A select of the plan's sections, by index. */
export function SectionSelect({ id }: { id: string }) {
  return (
    <select className="usa-select" id={id} name="section">
      {PLAN_SECTIONS.map((t, i) => (
        <option key={t} value={i}>
          {t}
        </option>
      ))}
    </select>
  );
}

export function CiteForm({
  evidence,
}: {
  evidence: {
    steps: { id: number; title: string; map_title: string }[];
    activities: { id: number; title: string; project_name: string }[];
    toBe: { id: number; title: string }[];
  };
}) {
  return (
    <Form method="post" id="cite" className="usa-form usa-form--large">
      <IntentFields intent="cite" />
      <label className="usa-label" htmlFor="cite-section">
        Section
      </label>
      <SectionSelect id="cite-section" />
      <label className="usa-label" htmlFor="cite-evidence">
        Evidence
      </label>
      <select className="usa-select" id="cite-evidence" name="evidence" defaultValue="">
        <option value="">- Select -</option>
        <optgroup label="Journey pain points">
          {evidence.steps.map((s) => (
            <option key={`s${s.id}`} value={`journey_step:${s.id}`}>
              {s.map_title}: {s.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Research activities">
          {evidence.activities.map((a) => (
            <option key={`a${a.id}`} value={`research_activity:${a.id}`}>
              {a.title} ({a.project_name})
            </option>
          ))}
        </optgroup>
        <optgroup label="Burden savings (to-be assessments)">
          {evidence.toBe.map((b) => (
            <option key={`b${b.id}`} value={`burden_savings:${b.id}`}>
              {b.title}
            </option>
          ))}
        </optgroup>
      </select>
      <label className="usa-label" htmlFor="cite-note">
        Note (optional)
      </label>
      <input className="usa-input" id="cite-note" name="note" maxLength={500} />
      <button type="submit" className="usa-button usa-button--outline margin-top-1">
        Cite evidence
      </button>
    </Form>
  );
}
