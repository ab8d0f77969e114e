import { data, redirect } from 'react-router';
import type { Route } from './+types/extend';
import { extendSession, safeRedirect } from '~/auth/session.server';
import { sessionEndsAt } from '~/domain/auth/hygiene';
import { authConfig } from '~/auth/config.server';
import { dbOf } from '~/web/context.server';

/**
 * "Stay signed in" (the idle warning, AC-11): the idle clock starts again. The page's script
 * posts here and reads the new end as JSON; without JavaScript the form posts and comes back.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await extendSession(dbOf(context), request);
  const wantsJson = (request.headers.get('Accept') ?? '').includes('application/json');
  if (!user) {
    if (wantsJson) return data({ endsInMs: null }, { status: 401 });
    throw redirect('/login');
  }
  const endsAt = sessionEndsAt(
    { createdAt: new Date(user.session.createdAt), lastSeenAt: new Date(user.session.lastSeenAt) },
    authConfig().limits,
  );
  if (wantsJson) return data({ endsInMs: endsAt.getTime() - Date.now() });
  const form = await request.formData().catch(() => null);
  const back = form?.get('redirectTo');
  throw redirect(safeRedirect(typeof back === 'string' ? back.slice(0, 2000) : undefined));
}

export function loader() {
  throw redirect('/');
}
