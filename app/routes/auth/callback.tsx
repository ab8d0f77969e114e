import { data, redirect } from 'react-router';
import type { Route } from './+types/callback';
import { authConfig } from '~/auth/config.server';
import { clearedFlowCookie } from '~/auth/oidc.server';
import { handleProviderCallback, type CallbackRefusal } from '~/auth/provider-sign-in.server';
import { Alert } from '~/components/ui/alert';
import { ASSURANCE_LABELS } from '~/domain/auth/assurance';
import { REFUSALS } from '~/domain/auth/identity';
import { dbOf } from '~/web/context.server';
import { notFound } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Sign-in did not complete | Life Experience Workspace' },
];

/** Where the provider sends the browser back. Signs in, steps up, or refuses with a plain page. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { provider } = authConfig();
  if (!provider) notFound();
  const result = await handleProviderCallback(dbOf(context), request);
  if (result.kind === 'signed_in' || result.kind === 'redirect') {
    const headers = new Headers();
    for (const cookie of result.cookies) headers.append('Set-Cookie', cookie);
    throw redirect(result.kind === 'signed_in' ? result.redirectTo : result.to, { headers });
  }
  return data(
    { provider: provider.name, ...refusalText(result.reason, provider.name, result.required) },
    {
      status: STATUS[result.reason] ?? 400,
      headers: { 'Set-Cookie': clearedFlowCookie() },
    },
  );
}

const STATUS: Partial<Record<CallbackRefusal, number>> = {
  domain: 403,
  deactivated: 403,
  email_unverified: 403,
  email_linked_elsewhere: 409,
  piv_required: 403,
  wrong_account: 403,
  unreachable: 503,
};

function refusalText(
  reason: CallbackRefusal,
  provider: string,
  required?: keyof typeof ASSURANCE_LABELS,
): { heading: string; body: string } {
  if (reason in REFUSALS) return REFUSALS[reason as keyof typeof REFUSALS];
  switch (reason) {
    case 'piv_required':
      return {
        heading: `Your role needs ${ASSURANCE_LABELS[required ?? 'piv']}`,
        body: `Your role in the workspace needs a stronger sign-in than ${provider} confirmed. Sign in again and choose your PIV or CAC card when ${provider} asks how to authenticate.`,
      };
    case 'wrong_account':
      return {
        heading: 'You signed in as someone else',
        body: `The second sign-in at ${provider} was with a different account from the first. Sign in again with the same account both times.`,
      };
    case 'provider_error':
      return {
        heading: 'Sign-in was cancelled',
        body: `${provider} did not complete the sign-in (it was cancelled or refused). Nothing was changed.`,
      };
    case 'unreachable':
      return {
        heading: `We cannot reach ${provider} right now`,
        body: 'Nothing was changed. Wait a few minutes, then sign in again.',
      };
    default:
      // A forged, replayed, expired or tampered return: the same plain answer for each.
      return {
        heading: 'Sign-in did not complete',
        body: `The answer from ${provider} could not be checked, or this sign-in was already used or took too long. Nothing was changed. Start again from the sign-in page.`,
      };
  }
}

export default function Callback({ loaderData }: Route.ComponentProps) {
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>{loaderData.heading}</h1>
        <Alert type="error">{loaderData.body}</Alert>
        <p>
          <a className="usa-button" href="/login">
            Go to the sign-in page
          </a>
        </p>
      </div>
    </div>
  );
}
