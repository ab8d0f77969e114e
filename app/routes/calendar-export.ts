import { z } from 'zod';
import type { Route } from './+types/calendar-export';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { loadCalendar } from '~/calendar.server';
import { phaseCycle, toIcs } from '~/domain/calendar/a11';
import { fiscalYearOf } from '~/domain/dates';
import { badRequest } from '~/http.server';

/** The calendar as iCalendar or JSON (A-11 280.5: structured, machine-readable data). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
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
  const { events, portfolios } = await loadCalendar(fy);
  if (url.pathname.endsWith('.ics')) {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    return new Response(toIcs(events, fy, stamp), {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="a11-280-fy${fy}.ics"`,
      },
    });
  }
  return Response.json({
    fiscalYear: fy,
    events,
    portfolios: portfolios.map((p) => ({
      name: p.name,
      slug: p.slug,
      phases: phaseCycle(p.cycleStartFy),
    })),
  });
}
