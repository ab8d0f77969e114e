import { useRouteLoaderData } from 'react-router';
import { DEFAULT_TIME_ZONE } from '~/domain/history/time';

/**
 * The zone the signed-in person reads moments in (their account's choice, Eastern by default),
 * from the root loader: for components that format a moment where no loader did it for them.
 */
export function useTimeZone(): string {
  const root = useRouteLoaderData('root') as { user?: { timeZone?: string } | null } | undefined;
  return root?.user?.timeZone ?? DEFAULT_TIME_ZONE;
}
