import { hash, verify } from '@node-rs/argon2';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DB } from '#db/client';
import { recordSignIn, updateLockState } from '~/commands/accounts';
import { findAccountByEmail } from '#db/queries/accounts';
import { recordAudit } from '#db/audit';
import { afterFailure, isLocked } from '~/domain/auth/lockout';

export type SignInResult =
  | { ok: true; personId: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Wrong passwords are counted per account, slowed down and
 * finally lock the account (rules in domain/auth/lockout). An unknown email costs the same
 * hashing work as a known one, so timing does not reveal which emails have accounts.
 */
export async function signIn(
  db: DB,
  email: string,
  password: string,
  now = new Date(),
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignInResult> {
  const account = await findAccountByEmail(db, email);
  if (!account) {
    dummyHash ??= hash('no account has this password');
    await verify(await dummyHash, password).catch(() => false);
    return { ok: false, reason: 'invalid' };
  }
  const state = {
    failedAttempts: account.failed_attempts,
    lastFailedAt: account.last_failed_at ? new Date(account.last_failed_at) : null,
    lockedUntil: account.locked_until ? new Date(account.locked_until) : null,
  };
  if (isLocked(state, now)) return { ok: false, reason: 'locked', until: state.lockedUntil! };

  const ok = await verify(account.password_hash, password).catch(() => false);
  const at = now.toISOString();
  if (ok) {
    await db.transaction().execute(async (trx) => {
      await recordSignIn(trx, account.person_id, at);
      await recordAudit(trx, {
        actorId: account.person_id,
        action: 'sign_in',
        entityType: 'session',
        entityId: account.person_id,
        portfolioId: null,
        before: null,
        after: null,
        at,
      });
    });
    return { ok: true, personId: account.person_id };
  }

  const { next, delayMs, lockedNow } = afterFailure(state, now);
  await db.transaction().execute(async (trx) => {
    await updateLockState(trx, account.person_id, {
      failedAttempts: next.failedAttempts,
      lastFailedAt: next.lastFailedAt?.toISOString() ?? null,
      lockedUntil: next.lockedUntil?.toISOString() ?? null,
    });
    if (lockedNow) {
      await recordAudit(trx, {
        actorId: null,
        action: 'account_locked',
        entityType: 'account',
        entityId: account.person_id,
        portfolioId: null,
        before: { locked_until: null },
        after: { locked_until: next.lockedUntil?.toISOString() ?? null },
        at,
      });
    }
  });
  if (delayMs > 0) await wait(delayMs);
  return lockedNow
    ? { ok: false, reason: 'locked', until: next.lockedUntil! }
    : { ok: false, reason: 'invalid' };
}
