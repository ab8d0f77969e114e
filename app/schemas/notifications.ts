/** The notifications pages (issue 22): their buttons and URL parameters. */
import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '~/domain/notifications/kinds';
import { DELIVERIES } from '~/domain/notifications/preferences';

const id = z.coerce
  .number({ message: 'That notification could not be found.' })
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const NotificationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('read'), id }),
  z.object({ intent: z.literal('read_all') }),
]);

/** `?before=<id>`: the page of notifications older than that one. */
export const NotificationPageSchema = z.object({ before: id.optional() });

const delivery = z.enum(DELIVERIES, { error: 'Choose how this kind reaches you.' });

/** The email choices page: one choice per kind, all sent together. */
export const EmailChoicesSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('save'),
    ...(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, delivery])) as Record<
      NotificationKind,
      typeof delivery
    >),
  }),
]);

/** An unsubscribe link's token: what notify() makes (24 random bytes, base64url). */
export const UnsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** What a one-click unsubscribe sends (RFC 8058), or the page's own button. */
export const UnsubscribeSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('unsubscribe') }),
]);
