import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/login';
import { authConfig } from '~/auth/config.server';
import { safeRedirect, startSession } from '~/auth/session.server';
import { signIn } from '~/auth/sign-in.server';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { SignInSchema } from '~/schemas/auth';
import { demoAccountsExist } from '#db/queries/accounts';
import { dateFormat } from '~/domain/dates';
import { currentUser, dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'Sign in | Life Experience Workspace' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const parsed = SignInSchema.shape.redirectTo.safeParse(
    url.searchParams.get('redirectTo') ?? undefined,
  );
  const redirectTo = safeRedirect(parsed.success ? parsed.data : undefined);
  if (currentUser(context)) throw redirect(redirectTo);
  const config = authConfig();
  return {
    redirectTo,
    provider: config.provider?.name ?? null,
    passwordSignIn: config.passwordSignIn,
    demoAccounts: config.passwordSignIn && (await demoAccountsExist(dbOf(context))),
  };
}

/** "3:05 PM EST": when a locked account may try again, on Washington time. */
const LOCKED_UNTIL = dateFormat('en-US', {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'America/New_York',
  timeZoneName: 'short',
});

export async function action({ request, context }: Route.ActionArgs) {
  if (!authConfig().passwordSignIn) {
    throw data('Password sign-in is turned off in this workspace.', { status: 403 });
  }
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(dbOf(context), email, password);
  if (!result.ok) {
    const message =
      result.reason === 'locked'
        ? `This account is locked after too many wrong passwords. Try again after ${LOCKED_UNTIL.format(result.until)}, or ask an OMB lead for help.`
        : 'The email or password is not right. Check them and try again.';
    return data(
      { result: submission.reply({ formErrors: [message], hideFields: ['password'] }) },
      { status: result.reason === 'locked' ? 429 : 401 },
    );
  }
  const cookie = await startSession(dbOf(context), result.personId);
  throw redirect(safeRedirect(redirectTo), { headers: { 'Set-Cookie': cookie } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8 desktop:grid-col-6">
        <h1>Sign in</h1>
        <p className="usa-intro">
          The workspace where Life Experience teams, agency points of contact and OMB leads run
          their portfolios.
        </p>
        {loaderData.demoAccounts ? (
          <Alert type="warning" heading="Demo accounts are turned on">
            This workspace has demo accounts for every role, with the published password{' '}
            <code>workspace-demo</code>. Use them to try the workspace. Before real use, start it
            with <code>DEMO_ACCOUNTS=off</code> and create an OMB lead account.
          </Alert>
        ) : null}
        {loaderData.provider ? (
          <section aria-labelledby="provider-heading" className="margin-y-4">
            <h2 id="provider-heading" className="usa-sr-only">
              Sign in with {loaderData.provider}
            </h2>
            <p>
              Sign in with your {loaderData.provider} account. If your role needs a PIV or CAC card,{' '}
              {loaderData.provider} asks for it.
            </p>
            <a
              className="usa-button usa-button--big"
              href={`/auth/start?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}
            >
              Sign in with {loaderData.provider}
            </a>
            <p className="usa-hint">
              New here? Sign in with {loaderData.provider} using your work email. If no one has
              invited you yet, you can ask for access after signing in.
            </p>
          </section>
        ) : null}
        {loaderData.passwordSignIn ? (
          <PasswordForm loaderData={loaderData} actionData={actionData} />
        ) : null}
      </div>
    </div>
  );
}

function PasswordForm({
  loaderData,
  actionData,
}: Pick<Route.ComponentProps, 'loaderData' | 'actionData'>) {
  const navigation = useNavigation();
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    schema: () => import('~/schemas/auth').then((m) => m.SignInSchema),
    validate: 'onSubmit',
  });
  return (
    <>
      {loaderData.provider ? <h2>Sign in with a password</h2> : null}
      <FormErrors form={form} heading="You are not signed in" />
      <Form
        method="post"
        // A full page load after signing in: the new page starts at its top, so the first Tab
        // reaches the skip link (WCAG 2.4.1).
        reloadDocument
        className="usa-form usa-form--large"
        {...getFormProps(form)}
      >
        <fieldset className="usa-fieldset">
          <legend className="usa-sr-only">Your account</legend>
          <TextField
            field={fields.email}
            label="Email address"
            type="email"
            autoComplete="username"
          />
          <TextField
            field={fields.password}
            label="Password"
            type="password"
            autoComplete="current-password"
          />
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <button type="submit" className="usa-button" disabled={navigation.state === 'submitting'}>
            Sign in
          </button>
        </fieldset>
      </Form>
    </>
  );
}
