import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { providerSignOutUrl } from '~/auth/oidc.server';
import { endSession } from '~/auth/session.server';
import { dbOf } from '~/web/context.server';

/**
 * Signs out: the workspace's session ends (audited); a session that began at the provider is
 * ended there too (its end_session_endpoint), which then sends the browser back to sign-in.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { cookie, method } = await endSession(dbOf(context), request);
  const providerUrl = method === 'oidc' ? await providerSignOutUrl() : null;
  throw redirect(providerUrl ?? '/login', { headers: { 'Set-Cookie': cookie } });
}

export function loader() {
  // Signing out changes state, so it is a POST; a visit here just goes home.
  throw redirect('/');
}
