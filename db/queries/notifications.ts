import { NOTIFICATION_KINDS, type NotificationKind } from '~/domain/notifications/kinds';
import { mayChoose, type Delivery } from '~/domain/notifications/preferences';
import { DIGEST_KIND } from '~/domain/notifications/digest';
import type { DB } from '../client';

/** A person's notifications, newest first, `limit` at a time (older than `beforeId`). */
export async function listNotifications(
  db: DB,
  input: { personId: number; beforeId?: number; limit: number },
) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('person_id', '=', input.personId)
    .where('kind', '!=', DIGEST_KIND)
    .orderBy('id', 'desc')
    .limit(input.limit + 1);
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  const rows = await query.execute();
  return { rows: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
}

/** How many of a person's notifications are unread (the header's count). */
export async function countUnread(db: DB, personId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .where('kind', '!=', DIGEST_KIND)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many notifications' emails are in each state (the outbox page). */
export async function outboxCounts(db: DB): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['email_status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('email_status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.email_status, Number(r.n)]));
}

/** Emails given up on, then the oldest still waiting: who, what, how many tries, and why. */
export async function outboxRows(db: DB, status: 'failed' | 'pending', limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('people', 'people.id', 'notifications.person_id')
    .select([
      'notifications.id',
      'notifications.title',
      'notifications.created_at',
      'notifications.email_attempts',
      'notifications.email_next_at',
      'notifications.email_error',
      'people.name',
      'people.email',
    ])
    .where(
      'notifications.email_status',
      'in',
      status === 'pending' ? ['pending', 'sending'] : ['failed'],
    )
    .orderBy('notifications.id', status === 'failed' ? 'desc' : 'asc')
    .limit(limit)
    .execute();
}

/** Each portfolio's name, slug and the people who lead it (access still on). */
export async function portfolioLeads(db: DB, portfolioIds: readonly number[]) {
  if (portfolioIds.length === 0) return [];
  const [portfolios, leads] = await Promise.all([
    db
      .selectFrom('portfolios')
      .select(['id', 'name', 'slug'])
      .where('id', 'in', [...portfolioIds])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('portfolio_memberships')
      .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
      .select(['portfolio_memberships.portfolio_id', 'people.id'])
      .where('portfolio_memberships.portfolio_id', 'in', [...portfolioIds])
      .where('portfolio_memberships.role', '=', 'lead')
      .where('people.deactivated_at', 'is', null)
      .orderBy('people.id')
      .execute(),
  ]);
  return portfolios.map((p) => ({
    ...p,
    leadIds: leads.filter((l) => l.portfolio_id === p.id).map((l) => l.id),
  }));
}

/** The OMB leads whose access is on. */
export async function ombLeadIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('is_omb_lead', '=', 1)
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A portfolio's leads and team members whose access is on. */
export async function portfolioTeam(db: DB, portfolioId: number) {
  const rows = await db
    .selectFrom('portfolio_memberships')
    .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
    .select(['people.id', 'portfolio_memberships.role'])
    .where('portfolio_memberships.portfolio_id', '=', portfolioId)
    .where('portfolio_memberships.role', 'in', ['lead', 'member'])
    .where('people.deactivated_at', 'is', null)
    .orderBy('people.id')
    .execute();
  return {
    leadIds: rows.filter((r) => r.role === 'lead').map((r) => r.id),
    memberIds: rows.filter((r) => r.role === 'member').map((r) => r.id),
  };
}

/** Every kind's email choice for a person: `immediate` where they chose nothing. */
export async function emailPreferences(
  db: DB,
  personId: number,
): Promise<Record<NotificationKind, Delivery>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('person_id', '=', personId)
    .execute();
  const choices = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, 'immediate'])) as Record<
    NotificationKind,
    Delivery
  >;
  for (const r of rows)
    if ((NOTIFICATION_KINDS as readonly string[]).includes(r.kind))
      choices[r.kind as NotificationKind] = r.delivery as Delivery;
  return choices;
}

/**
 * Whether a person is the only current POC of an agency in some portfolio: then a request
 * waiting for that agency may not be turned off (app/domain/notifications/preferences.ts).
 */
export async function onlyPocAnywhere(db: DB, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('agency_pocs as mine')
    .innerJoin('agency_pocs as all', (j) =>
      j
        .onRef('all.portfolio_id', '=', 'mine.portfolio_id')
        .onRef('all.agency_id', '=', 'mine.agency_id'),
    )
    .select(['mine.portfolio_id', 'mine.agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mine.person_id', '=', personId)
    .where('mine.ended_at', 'is', null)
    .where('all.ended_at', 'is', null)
    .groupBy(['mine.portfolio_id', 'mine.agency_id'])
    .execute();
  return row.some((r) => Number(r.n) === 1);
}

/** The notifications a digest gathered, for its email. */
export async function digestItems(db: DB, digestId: number) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'title', 'body', 'link', 'created_at'])
    .where('digest_id', '=', digestId)
    .orderBy('id')
    .execute();
}

/** What an unsubscribe token stops: one kind, or (a digest's token) every kind sent by digest. */
export async function unsubscribeTarget(db: DB, token: string) {
  const row = await db
    .selectFrom('notifications')
    .select(['person_id', 'kind'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const choices = await emailPreferences(db, row.person_id);
  const kinds: NotificationKind[] =
    row.kind === DIGEST_KIND
      ? NOTIFICATION_KINDS.filter((k) => choices[k] === 'digest')
      : (NOTIFICATION_KINDS as readonly string[]).includes(row.kind)
        ? [row.kind as NotificationKind]
        : [];
  const onlyPoc = await onlyPocAnywhere(db, row.person_id);
  return {
    personId: row.person_id,
    digest: row.kind === DIGEST_KIND,
    /** Still emailed, and one click stops them. */
    toStop: kinds.filter((k) => choices[k] !== 'off' && mayChoose(k, 'off', onlyPoc)),
    /** Emailed and not to be stopped: the only POC's waiting requests. */
    kept: kinds.filter((k) => choices[k] !== 'off' && !mayChoose(k, 'off', onlyPoc)),
  };
}

/**
 * Advance requests still waiting, with the agencies asked that have not answered (and their
 * current POCs whose access is on) and the portfolio's leads: what the hourly reminders read.
 */
export async function waitingRequests(db: DB) {
  const requests = await db
    .selectFrom('phase_requests')
    .innerJoin('projects', 'projects.id', 'phase_requests.project_id')
    .select([
      'phase_requests.id',
      'phase_requests.to_phase',
      'phase_requests.requested_at',
      'projects.id as project_id',
      'projects.name',
      'projects.portfolio_id',
    ])
    .where('phase_requests.status', '=', 'pending')
    .where('phase_requests.kind', '=', 'advance')
    .orderBy('phase_requests.id')
    .execute();
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const portfolioIds = [...new Set(requests.map((r) => r.portfolio_id))];
  const [asked, answered, pocs, leads] = await Promise.all([
    db
      .selectFrom('phase_request_agencies')
      .innerJoin('agencies', 'agencies.id', 'phase_request_agencies.agency_id')
      .select(['phase_request_agencies.request_id', 'agencies.id', 'agencies.name'])
      .where('phase_request_agencies.request_id', 'in', ids)
      .execute(),
    db
      .selectFrom('phase_answers')
      .select(['request_id', 'agency_id'])
      .where('request_id', 'in', ids)
      .execute(),
    db
      .selectFrom('agency_pocs')
      .innerJoin('people', 'people.id', 'agency_pocs.person_id')
      .select(['agency_pocs.portfolio_id', 'agency_pocs.agency_id', 'agency_pocs.person_id'])
      .where('agency_pocs.portfolio_id', 'in', portfolioIds)
      .where('agency_pocs.ended_at', 'is', null)
      .where('people.deactivated_at', 'is', null)
      .orderBy('agency_pocs.person_id')
      .execute(),
    portfolioLeads(db, portfolioIds),
  ]);
  const done = new Set(answered.map((a) => `${a.request_id}|${a.agency_id}`));
  return requests.map((r) => ({
    requestId: r.id,
    project: { id: r.project_id, name: r.name, portfolioId: r.portfolio_id },
    toPhase: r.to_phase,
    requestedOn: r.requested_at.slice(0, 10),
    unanswered: asked
      .filter((a) => a.request_id === r.id && !done.has(`${r.id}|${a.id}`))
      .map((a) => ({
        agencyId: a.id,
        name: a.name,
        pocIds: pocs
          .filter((p) => p.portfolio_id === r.portfolio_id && p.agency_id === a.id)
          .map((p) => p.person_id),
      })),
    leadIds: leads.find((l) => l.id === r.portfolio_id)?.leadIds ?? [],
  }));
}

/** Clearances expiring from `from` to `until` (YYYY-MM-DD), with their portfolio's team. */
export async function expiringClearances(db: DB, from: string, until: string) {
  const rows = await db
    .selectFrom('pra_clearances')
    .innerJoin('portfolios', 'portfolios.id', 'pra_clearances.portfolio_id')
    .select([
      'pra_clearances.id',
      'pra_clearances.title',
      'pra_clearances.portfolio_id',
      'pra_clearances.expires_on',
      'portfolios.slug',
    ])
    .where('pra_clearances.expires_on', '>=', from)
    .where('pra_clearances.expires_on', '<=', until)
    .orderBy('pra_clearances.id')
    .execute();
  // One team lookup per portfolio, however many of its clearances expire.
  const teams = new Map(
    await Promise.all(
      [...new Set(rows.map((c) => c.portfolio_id))].map(
        async (id) => [id, await portfolioTeam(db, id)] as const,
      ),
    ),
  );
  return rows.map((c) => {
    const team = teams.get(c.portfolio_id)!;
    return {
      id: c.id,
      title: c.title,
      portfolioId: c.portfolio_id,
      portfolioSlug: c.slug,
      expiresOn: c.expires_on!,
      teamIds: [...team.leadIds, ...team.memberIds],
    };
  });
}

/** Every portfolio lead whose access is on. */
export async function allPortfolioLeadIds(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom('portfolio_memberships')
    .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
    .select('people.id')
    .distinct()
    .where('portfolio_memberships.role', '=', 'lead')
    .where('people.deactivated_at', 'is', null)
    .orderBy('people.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Who hears of a PMC update published or withdrawn: the PMC members of every portfolio's
 * agencies, every portfolio lead and the OMB leads, whose access is on.
 */
export async function pmcAudience(db: DB): Promise<number[]> {
  const [members, leads, omb] = await Promise.all([
    db
      .selectFrom('portfolio_agencies')
      .innerJoin('people', 'people.id', 'portfolio_agencies.pmc_member_id')
      .select('people.id')
      .distinct()
      .where('people.deactivated_at', 'is', null)
      .execute(),
    allPortfolioLeadIds(db),
    ombLeadIds(db),
  ]);
  return [...new Set([...members.map((m) => m.id), ...leads, ...omb])].sort((a, b) => a - b);
}
