import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { endSession } from '~/auth/session.server';
import { dbOf } from '~/web/context.server';

export async function action({ request, context }: Route.ActionArgs) {
  const cookie = await endSession(dbOf(context), request);
  throw redirect('/login', { headers: { 'Set-Cookie': cookie } });
}

export function loader() {
  // Signing out changes state, so it is a POST; a visit here just goes home.
  throw redirect('/');
}
