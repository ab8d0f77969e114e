import { data, redirect } from 'react-router';
import type { Route } from './+types/start';
import { authConfig } from '~/auth/config.server';
import { beginSignIn } from '~/auth/oidc.server';
import { safeRedirect } from '~/auth/session.server';
import { Alert } from '~/components/ui/alert';
import { SignInSchema } from '~/schemas/auth';
import { currentUser, dbOf } from '~/web/context.server';
import { notFound } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Sign-in provider unavailable | Life Experience Workspace' },
];

/**
 * "Sign in with Login.gov": starts an authorization request and sends the browser to the
 * provider. A link (GET), so the first hop to another site is a plain navigation.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { provider } = authConfig();
  if (!provider) notFound();
  const parsed = SignInSchema.shape.redirectTo.safeParse(
    new URL(request.url).searchParams.get('redirectTo') ?? undefined,
  );
  const redirectTo = safeRedirect(parsed.success ? parsed.data : undefined);
  if (currentUser(context)) throw redirect(redirectTo);
  try {
    const { url, cookie } = await beginSignIn(dbOf(context), {
      level: provider.assurance.default,
      redirectTo,
    });
    throw redirect(url, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof Response) throw error;
    console.error('sign-in provider unreachable:', (error as Error).message);
    return data({ provider: provider.name }, { status: 503 });
  }
}

export default function StartSignIn({ loaderData }: Route.ComponentProps) {
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1>We cannot reach {loaderData.provider} right now</h1>
        <Alert type="warning">
          The workspace could not reach the sign-in provider. Nothing was changed. Wait a few
          minutes, then <a href="/login">try signing in again</a>.
        </Alert>
      </div>
    </div>
  );
}
