import { getFormProps } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { useActivityForms } from '~/components/research/use-activity-forms';
import { ClearanceKeepers } from '~/components/research/clearance-keepers';
import { TextField } from '~/components/ui/field';
import { ChoiceField, SelectField, TextAreaField } from '~/components/ui/form';
import { IntentFields } from '~/components/ui/intent-fields';
import { RemoveButton } from '~/components/ui/removal';
import { Table } from '~/components/ui/table';
import {
  DECISION_QUESTIONS,
  decisionAnswers,
  STATUS_LABELS,
  type DecisionRecord,
} from '~/domain/pra/labels';
import { formatDate } from '~/domain/portfolio/labels';
import { codesOf, sessionRemoval } from '~/presenters/research';

type Forms = ReturnType<typeof useActivityForms>;
type May = { edit: boolean; override: boolean; clearance: boolean };
type Clearance = {
  id: number;
  title: string;
  omb_control_number: string | null;
  expires_on: string | null;
};

/**
 * How the PRA box looks: a status to act on is a USWDS warning (at the limit, a clearance
 * expired) or error (a clearance is needed), not the blue summary box of a status that is fine.
 */
const BOX: Record<keyof typeof STATUS_LABELS, 'summary' | 'warning' | 'error'> = {
  clear: 'summary',
  approaching: 'summary',
  covered: 'summary',
  at_limit: 'warning',
  clearance_expired: 'warning',
  needs_clearance: 'error',
};

/** The PRA status of the collection the activity counts in, and who it counts with. */
export function PraBox({
  report,
  grouped,
  a,
}: {
  report: { status: keyof typeof STATUS_LABELS; explanation: string } | null;
  grouped: { id: number; title: string; project_name: string }[];
  a: { override_reason: string | null; override_by_name: string | null };
}) {
  return (
    <>
      {report ? (
        <section
          aria-labelledby="pra-heading"
          className={
            BOX[report.status] === 'summary'
              ? 'usa-summary-box margin-y-3'
              : `usa-alert usa-alert--${BOX[report.status]} margin-y-3`
          }
          data-testid="pra-box"
        >
          <div
            className={
              BOX[report.status] === 'summary' ? 'usa-summary-box__body' : 'usa-alert__body'
            }
          >
            <h2
              id="pra-heading"
              className={
                BOX[report.status] === 'summary' ? 'usa-summary-box__heading' : 'usa-alert__heading'
              }
              data-testid="pra-status"
            >
              PRA status: {STATUS_LABELS[report.status]}
            </h2>
            <div
              className={
                BOX[report.status] === 'summary' ? 'usa-summary-box__text' : 'usa-alert__text'
              }
            >
              <p>{report.explanation}</p>
              {grouped.length > 0 ? (
                <p>
                  Counted with:{' '}
                  {grouped.map((g, i) => (
                    <span key={g.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/research/${g.id}`}>{g.title}</Link> ({g.project_name})
                    </span>
                  ))}
                </p>
              ) : null}
              {a.override_reason ? (
                <p>
                  Override recorded by {a.override_by_name}: {a.override_reason}
                </p>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** The sessions logged, each removable, and the form to log one. */
export function SessionsSection({
  sessions,
  may,
  version,
  forms,
}: {
  sessions: {
    id: number;
    held_on: string;
    participants: { code: string; category: string }[];
  }[];
  may: May;
  version: number;
  forms: Forms;
}) {
  const [sessionForm, sessionFields] = forms.session;
  return (
    <>
      <h2>Sessions</h2>
      {sessions.length === 0 ? (
        <p>No sessions logged yet.</p>
      ) : (
        <Table label="Sessions and participants">
          <caption className="usa-sr-only">Sessions and participants</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Members of the public</th>
              <th scope="col">Federal employees</th>
              <th scope="col">Contractors</th>
              {may.edit ? (
                <th scope="col">
                  <span className="usa-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const by = (c: string) => codesOf(s.participants, c);
              return (
                <tr key={s.id}>
                  <th scope="row">{formatDate(s.held_on)}</th>
                  <td>{by('public')}</td>
                  <td>{by('federal_employee')}</td>
                  <td>{by('contractor')}</td>
                  {may.edit ? (
                    <td>
                      <RemoveButton
                        removal={sessionRemoval(s)}
                        fields={{ intent: 'delete_session', sessionId: s.id, version }}
                        label="Remove"
                        srLabel={`session of ${formatDate(s.held_on)}`}
                        buttonClassName="usa-button usa-button--unstyled"
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}

      {may.edit ? (
        <section aria-labelledby="log-session">
          <h2 id="log-session">Log a session</h2>
          <p>
            Participants are pseudonymous codes such as P-014. The workspace keeps no names, emails
            or phone numbers of research participants.
          </p>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(sessionForm)}>
            <IntentFields intent="add_session" version={version} />
            <TextField field={sessionFields.heldOn} label="Date of the session" type="date" />
            <TextAreaField
              field={sessionFields.publicCodes}
              label="Members of the public (codes)"
              rows={3}
              hint="Separate codes with commas or new lines."
            />
            <TextAreaField
              field={sessionFields.federalCodes}
              label="Federal employees in their official capacity (codes)"
              rows={2}
            />
            <TextAreaField
              field={sessionFields.contractorCodes}
              label="Federal contractors (codes)"
              rows={2}
            />
            <button type="submit" className="usa-button">
              Log session
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** The clearances attached, the form to attach another, and where a new one is recorded. */
export function ClearancesSection({
  a,
  clearances,
  otherClearances,
  keepers,
  may,
  version,
  forms,
}: {
  a: { portfolio_slug: string };
  clearances: Clearance[];
  otherClearances: Clearance[];
  keepers: Parameters<typeof ClearanceKeepers>[0]['keepers'];
  may: May;
  version: number;
  forms: Forms;
}) {
  const [linkForm, linkFields] = forms.link;
  return (
    <>
      <h2>Clearances</h2>
      {clearances.length === 0 ? (
        <p>No clearance attached.</p>
      ) : (
        <ul className="usa-list">
          {clearances.map((c) => (
            <li key={c.id}>
              {c.title}:{' '}
              {c.omb_control_number
                ? `OMB control number ${c.omb_control_number}, expires ${c.expires_on ? formatDate(c.expires_on) : 'on no date yet'}`
                : 'no control number yet'}
            </li>
          ))}
        </ul>
      )}
      {may.edit && otherClearances.length > 0 ? (
        <>
          <Form method="post" className="usa-form" {...getFormProps(linkForm)}>
            <IntentFields intent="link_clearance" version={version} />
            <SelectField
              field={linkFields.clearanceId}
              label="Attach a clearance"
              options={otherClearances.map((c) => ({
                value: c.id,
                label: `${c.title}${c.omb_control_number && c.expires_on ? ` (${c.omb_control_number}, expires ${formatDate(c.expires_on)})` : ''}`,
              }))}
            />
            <button type="submit" className="usa-button usa-button--outline">
              Attach clearance
            </button>
          </Form>
        </>
      ) : null}
      {may.clearance ? (
        <p>
          <Link to={`/portfolios/${a.portfolio_slug}/pra/clearances/new`}>
            Record a new clearance
          </Link>
        </p>
      ) : (
        <ClearanceKeepers keepers={keepers} />
      )}
    </>
  );
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The decision record (pra.digital.gov's questions, answered) and the OMB lead's override. */
export function DecisionSection({
  a,
  may,
  version,
  forms,
}: {
  a: { decision: DecisionRecord; override_reason: string | null };
  may: May;
  version: number;
  forms: Forms;
}) {
  const [decisionForm, decisionFields] = forms.decision;
  const [overrideForm, overrideFields] = forms.override;
  return (
    <>
      <h2>Decision record</h2>
      <p>The questions pra.digital.gov asks, answered for this activity, and who reviewed them.</p>
      {a.decision.outcome ? (
        <div data-testid="decision-record">
          <p>
            Last reviewed by {a.decision.reviewed_by}
            {a.decision.reviewed_on ? ` on ${formatDate(a.decision.reviewed_on)}` : ''}.
          </p>
          <dl className="margin-top-0">
            {decisionAnswers(a.decision).map((d) => (
              <div key={d.key} className="margin-bottom-1">
                <dt className="text-bold">{d.question}</dt>
                <dd className="margin-left-0">{d.answer}</dd>
              </div>
            ))}
            <div className="margin-bottom-1">
              <dt className="text-bold">Outcome</dt>
              <dd className="margin-left-0" style={{ whiteSpace: 'pre-wrap' }}>
                {a.decision.outcome}
              </dd>
            </div>
          </dl>
        </div>
      ) : (
        <p>No decision recorded yet.</p>
      )}
      {may.edit ? (
        <>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(decisionForm)}>
            <IntentFields intent="decision" version={version} />
            <ChoiceField
              field={decisionFields.tenOrMore}
              legend={DECISION_QUESTIONS.tenOrMore}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.membersOfPublic}
              legend={DECISION_QUESTIONS.membersOfPublic}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.sameQuestions}
              legend={DECISION_QUESTIONS.sameQuestions}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.observationOnly}
              legend={DECISION_QUESTIONS.observationOnly}
              type="radio"
              options={YES_NO}
            />
            <TextAreaField field={decisionFields.outcome} label="Outcome" rows={3} />
            <button type="submit" className="usa-button usa-button--outline">
              Record decision
            </button>
          </Form>
        </>
      ) : null}

      {may.override && !a.override_reason ? (
        <section aria-labelledby="override-heading">
          <h2 id="override-heading">OMB lead override</h2>
          <p>
            Lets sessions be logged past the limit, for example on counsel’s written determination.
            It is audited.
          </p>
          <Form method="post" className="usa-form" {...getFormProps(overrideForm)}>
            <IntentFields intent="override" version={version} />
            <TextAreaField field={overrideFields.reason} label="Reason for the override" rows={3} />
            <button type="submit" className="usa-button usa-button--secondary">
              Record override
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
