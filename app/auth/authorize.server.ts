import { can, type Action, type Target, type UserRoles } from '~/domain/policy';
import { forbidden } from '~/web/toolkit.server';

/** Refuses with a 403 page unless the policy allows `action` on `target`. */
export function authorize(user: UserRoles, action: Action, target: Target = {}): void {
  if (!can(user, action, target)) forbidden();
}
