import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import { z } from 'zod';
import type { Route } from './+types/calendar';
import { loadCalendar } from '~/routes/calendar.server';
import { FieldError } from '~/components/ui/field';
import { phaseCycleDays, SETTABLE_DATES, sourceText, weekdayOf } from '~/domain/calendar/a11';
import { federalHolidayName } from '~/domain/calendar/holidays';
import { fiscalYearOf } from '~/domain/dates';
import { pluralize } from '~/domain/plural';
import { formatDate } from '~/domain/portfolio/labels';
import { daysLeft } from '~/domain/plans/status';
import { can } from '~/domain/policy';
import { authorize, refusal } from '~/web/toolkit.server';
import { DateField } from '~/schemas/common';
import { setCalendarDate } from '~/commands/calendar';
import { Table } from '~/components/ui/table';
import { FormErrors } from '~/components/ui/form';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'A-11 Section 280 calendar | Life Experience Workspace' },
];

const Fy = z.coerce.number().int().min(2022).max(2100);
const EditSchema = z.object({
  fy: Fy,
  key: z.enum(SETTABLE_DATES.map((d) => d.key) as [string, ...string[]], {
    error: 'Choose a date to change.',
  }),
  date: DateField,
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const params = new URL(request.url).searchParams;
  const current = fiscalYearOf(new Date());
  const parsed = Fy.safeParse(params.get('fy') ?? current);
  const fy = parsed.success ? parsed.data : current;
  const today = new Date().toISOString().slice(0, 10);
  const { events, portfolios } = await loadCalendar(dbOf(context), fy);
  return {
    fy,
    fyError: parsed.success ? null : 'Choose a fiscal year from 2022 to 2100.',
    events: events.map((e) => ({
      ...e,
      days: daysLeft(e.date, today),
      weekday: weekdayOf(e.date),
      setBy: sourceText(e, fy, federalHolidayName),
    })),
    portfolios: portfolios.map((p) => ({ ...p, cycle: phaseCycleDays(p.cycleStartFy, today) })),
    mayEdit: can(user, 'settings.edit'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'settings.edit');
  const submission = parseWithZod(await request.formData(), { schema: EditSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  try {
    await setCalendarDate(dbOf(context), { ...submission.value, actorId: user.personId });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/calendar?fy=${submission.value.fy}`);
}

/** The short mark of who set a date; the cell's second line says more. */
const SOURCE_LABELS = {
  text: 'Set by the text',
  inherited: 'Inherited',
  workspace: 'Workspace default',
  omb: 'Set by an OMB lead',
} as const;

function when(days: number) {
  if (days === 0) return 'Today';
  return days > 0 ? `In ${pluralize(days, 'day')}` : `${pluralize(-days, 'day')} ago`;
}

const daysText = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Where a portfolio stands in its cycle, in days. */
function cycleWhen(c: {
  currentPhase: string | null;
  daysLeftInPhase: number | null;
  daysLeftInCycle: number;
  daysToStart: number;
}) {
  if (c.currentPhase !== null && c.daysLeftInPhase !== null)
    return `${daysText(c.daysLeftInPhase)} left in ${c.currentPhase}; ${daysText(c.daysLeftInCycle)} left in the cycle`;
  if (c.daysToStart > 0) return `Starts in ${daysText(c.daysToStart)}`;
  return `Ended ${daysText(-c.daysLeftInCycle)} ago`;
}

export default function Calendar({ loaderData, actionData }: Route.ComponentProps) {
  const { fy, fyError, events, portfolios, mayEdit } = loaderData;
  const errors = actionData?.result.error;
  return (
    <>
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors id="edit-date-errors" errors={errors} fields={{ key: 'key', date: 'date' }} />
      <h1>A-11 Section 280 calendar, FY {fy}</h1>
      <p className="usa-intro">
        Quarterly feedback data is due the last business day of the month after each quarter
        (weekends and federal holidays skipped). The other dates are the text’s for FY 2025; other
        years inherit them on the same month and day, moved to the previous business day when that
        falls on a weekend or a federal holiday, unless an OMB lead set the year’s own date.
      </p>
      <Form method="get" className="usa-form display-flex flex-align-end" style={{ gap: '1rem' }}>
        <div className={`usa-form-group margin-top-0${fyError ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="fy">
            Fiscal year
          </label>
          <FieldError id="fy-error" errors={fyError ? [fyError] : undefined} />
          <input className="usa-input" id="fy" name="fy" inputMode="numeric" defaultValue={fy} />
        </div>
        <button type="submit" className="usa-button">
          Show
        </button>
      </Form>
      <p>
        <a href={`/calendar.ics?fy=${fy}`} download>
          Add to a calendar (.ics)
        </a>{' '}
        · <a href={`/calendar.json?fy=${fy}`}>JSON</a>
      </p>
      <Table label={`Dates of FY ${fy}`}>
        <caption>Dates of FY {fy}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">Set by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.key}>
              <td>
                <time dateTime={e.date}>
                  {e.weekday}, {formatDate(e.date)}
                </time>
              </td>
              <th scope="row">{e.label}</th>
              <td data-source={e.source}>
                <strong>{SOURCE_LABELS[e.source]}</strong>
                <div className="font-body-2xs">{e.setBy}</div>
              </td>
              <td>{when(e.days)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2>Portfolio phase cycles</h2>
      <Table label="Portfolio phase cycles">
        <caption className="usa-sr-only">
          Each portfolio’s four phases by fiscal year, and the days left
        </caption>
        <thead>
          <tr>
            <th scope="col">Portfolio</th>
            <th scope="col">Discovery</th>
            <th scope="col">Design</th>
            <th scope="col">Development</th>
            <th scope="col">Measurement</th>
            <th scope="col">Days left</th>
          </tr>
        </thead>
        <tbody>
          {portfolios.map((p) => (
            <tr key={p.slug}>
              <th scope="row">
                <Link to={`/portfolios/${p.slug}`}>{p.name}</Link>
              </th>
              {p.cycle.phases.map((c) => (
                <td key={c.phase}>
                  FY {c.fy}
                  {c.current ? ` (now, ${daysText(c.daysLeft)} left)` : ''}
                </td>
              ))}
              <td>{cycleWhen(p.cycle)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      {mayEdit ? (
        <section aria-labelledby="edit-date">
          <h2 id="edit-date">Set a date for FY {fy}</h2>
          <Form method="post" className="usa-form">
            <input type="hidden" name="fy" value={fy} />
            <label className="usa-label" htmlFor="key">
              Date
            </label>
            <FieldError id="key-error" errors={errors?.key ?? undefined} />
            <select className="usa-select" id="key" name="key">
              {SETTABLE_DATES.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="date">
              New date
            </label>
            <FieldError id="date-error" errors={errors?.date ?? undefined} />
            <input className="usa-input" type="date" id="date" name="date" />
            <button type="submit" className="usa-button margin-top-2">
              Set date
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
