/**
 * The phase gate page's tables: the open request's answers, each involved agency's annual
 * review, and the gate's history in plain language (A-11 280.16).
 */
import { Form } from 'react-router';
import { HistoryTime } from '~/components/history/history-line';
import { Table } from '~/components/ui/table';
import { ANSWER_LABELS, type GateAnswer } from '~/domain/phases/gate';
import type { TimelineEvent } from '~/domain/history/phase-timeline';
import { formatDate } from '~/domain/portfolio/labels';

function when(iso: string | null) {
  return iso ? formatDate(iso) : '—';
}

export interface PendingAnswers {
  agencies: { id: number; code: string }[];
  answers: {
    agency_id: number;
    answer: GateAnswer;
    comment: string;
    person_name: string;
    person_agency: string | null;
    answered_at: string;
  }[];
}

/** Who has answered the open request, how, and who is still awaited. */
export function AnswersTable({ pending }: { pending: PendingAnswers }) {
  return (
    <Table label="Answers from the involved agencies">
      <caption>Answers from the involved agencies</caption>
      <thead>
        <tr>
          <th scope="col">Agency</th>
          <th scope="col">Answer</th>
          <th scope="col">Comment</th>
          <th scope="col">By</th>
        </tr>
      </thead>
      <tbody>
        {pending.agencies.map((a) => {
          const answer = pending.answers.find((x) => x.agency_id === a.id);
          return (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td>{answer ? ANSWER_LABELS[answer.answer] : 'Waiting'}</td>
              <td>{answer?.comment || '—'}</td>
              <td>
                {answer
                  ? `${answer.person_name} (${answer.person_agency}), ${when(answer.answered_at)}`
                  : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

export interface ReviewRow {
  id: number;
  code: string;
  lastConcurred: string | null;
  due: boolean;
  canReaffirm: boolean;
}

/** Each involved agency's last concurrence in this phase, whether it is due, and Re-affirm. */
export function AnnualReviewTable({ review }: { review: ReviewRow[] }) {
  return (
    <Table label="Last concurrence per involved agency">
      <caption className="usa-sr-only">Last concurrence per involved agency</caption>
      <thead>
        <tr>
          <th scope="col">Agency</th>
          <th scope="col">Last concurred</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {review.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.code}</th>
            <td>{a.lastConcurred ? when(a.lastConcurred) : 'No concurrence recorded'}</td>
            <td>
              {a.due ? <span className="usa-tag bg-gold text-ink">Due for review</span> : 'Current'}
              {a.canReaffirm ? (
                <Form method="post" className="display-inline margin-left-2">
                  <input type="hidden" name="intent" value="reaffirm" />
                  <input type="hidden" name="agencyId" value={a.id} />
                  <button
                    type="submit"
                    className="usa-button usa-button--outline usa-button--small"
                  >
                    Re-affirm {a.code}’s concurrence
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Every request, answer, outcome, override, move back and re-affirmation, newest first. */
export function PhaseHistory({ timeline }: { timeline: (TimelineEvent & { when: string })[] }) {
  return timeline.length === 0 ? (
    <p>No phase requests, answers or re-affirmations recorded in the workspace yet.</p>
  ) : (
    <ol className="usa-list usa-list--unstyled" aria-label="Phase history, newest first">
      {timeline.map((e) => (
        <li
          key={e.key}
          className="margin-bottom-2 border-left-05 border-primary-lighter padding-left-2 padding-y-05"
        >
          <div className="font-body-2xs text-base-dark">
            <HistoryTime at={e.at} when={e.when} />
          </div>
          <div>
            {e.who ? (
              <>
                <strong>{e.who}</strong> {e.text}
              </>
            ) : (
              <strong>{e.text}</strong>
            )}
          </div>
          {e.note ? <div className="font-body-xs">{e.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
