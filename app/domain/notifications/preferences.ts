/**
 * How a person hears of each kind of notification by email (issue 22, point 3). The workspace's
 * own notifications page lists every notification whatever the choice: the choice is about email.
 *
 * - `immediate` (the default): one email per notification, as soon as the outbox sends it;
 * - `digest`: gathered into one email a day (app/domain/notifications/digest.ts);
 * - `off`: no email.
 *
 * A request waiting for the answer of an agency whose only current POC is you cannot be turned
 * off: no one else would answer for that agency, and the gate would wait unseen (A-11 280.16 asks
 * each involved agency to concur). A digest still reaches you, so `digest` stays open.
 */
import type { NotificationKind } from './kinds';

export const DELIVERIES = ['immediate', 'digest', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const DELIVERY_LABELS: Record<Delivery, string> = {
  immediate: 'Email at once',
  digest: 'In a daily summary email',
  off: 'No email',
};

/** Kinds that may not be turned off while the person is the only POC of an agency asked. */
export const KEPT_FOR_ONLY_POC: readonly NotificationKind[] = [
  'phase_request_waiting',
  'phase_request_reminder',
];

/** Whether `delivery` may be chosen for `kind` by a person who is (or not) an agency's only POC. */
export function mayChoose(kind: NotificationKind, delivery: Delivery, onlyPoc: boolean): boolean {
  return !(delivery === 'off' && onlyPoc && KEPT_FOR_ONLY_POC.includes(kind));
}

/**
 * The outbox state a new notification starts in, from the person's choice for its kind. A
 * `required` notification (the only POC's waiting request) is emailed even when the choice is
 * off, which the choice was made before the person became that only POC.
 */
export function emailStatusFor(
  delivery: Delivery,
  required: boolean,
): 'pending' | 'digest' | 'off' {
  if (delivery === 'digest') return 'digest';
  if (delivery === 'off' && !required) return 'off';
  return 'pending';
}
