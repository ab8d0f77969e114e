/** The notifications page (issue 22): its buttons and its URL parameter. */
import { z } from 'zod';

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
