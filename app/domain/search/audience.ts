/**
 * Who a person is to the search index (issue 23): the same policy as the pages. Every signed-in
 * person reads the program; a PMC update before it is published only those who may read drafts.
 * The audit log is never indexed; an anonymous visitor never reaches the search. Pure.
 */
import { can, type UserRoles } from '~/domain/policy';
import type { SearchAudience } from './kinds';

export function audiencesFor(user: UserRoles): SearchAudience[] {
  return can(user, 'pmc.read_draft') ? ['signed_in', 'pmc_draft'] : ['signed_in'];
}
