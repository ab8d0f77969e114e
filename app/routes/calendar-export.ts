import { z } from 'zod';
import type { Route } from './+types/calendar-export';
import { loadCalendar } from '~/routes/calendar.server';
import { phaseCycleDays, phaseCycleEvents, toIcs } from '~/domain/calendar/a11';
import { fiscalYearOf } from '~/domain/dates';
import { daysLeft } from '~/domain/plans/status';
import { authorize, badRequest } from '~/web/toolkit.server';
import { dbOf, requireUser } from '~/web/context.server';

/**
 * The calendar as iCalendar or JSON (A-11 280.5: structured, machine-readable data): the year's
 * A-11 dates and each portfolio's phase cycle; the JSON gives the days left as of today (UTC).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const url = new URL(request.url);
  const parsed = z.coerce
    .number()
    .int()
    .min(2022)
    .max(2100)
    .safeParse(url.searchParams.get('fy') ?? fiscalYearOf(new Date()));
  if (!parsed.success) badRequest('Give a fiscal year from 2022 to 2100.');
  const fy = parsed.data;
  const { events, portfolios } = await loadCalendar(dbOf(context), fy);
  if (url.pathname.endsWith('.ics')) {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    return new Response(toIcs([...events, ...phaseCycleEvents(portfolios)], fy, stamp), {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="a11-280-fy${fy}.ics"`,
      },
    });
  }
  const today = new Date().toISOString().slice(0, 10);
  return Response.json({
    fiscalYear: fy,
    today,
    events: events.map((e) => ({ ...e, daysLeft: daysLeft(e.date, today) })),
    portfolios: portfolios.map((p) => {
      const { phases, ...cycle } = phaseCycleDays(p.cycleStartFy, today);
      return { name: p.name, slug: p.slug, ...cycle, phases };
    }),
  });
}
