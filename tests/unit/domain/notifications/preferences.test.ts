import { describe, expect, it } from 'vitest';
import { KIND_GROUPS, NOTIFICATION_KINDS } from '~/domain/notifications/kinds';
import {
  DELIVERIES,
  emailStatusFor,
  KEPT_FOR_ONLY_POC,
  mayChoose,
} from '~/domain/notifications/preferences';

describe('who may choose what', () => {
  it.each([
    { kind: 'phase_request_waiting', delivery: 'off', onlyPoc: true, ok: false },
    { kind: 'phase_request_waiting', delivery: 'digest', onlyPoc: true, ok: true },
    { kind: 'phase_request_waiting', delivery: 'immediate', onlyPoc: true, ok: true },
    { kind: 'phase_request_waiting', delivery: 'off', onlyPoc: false, ok: true },
    { kind: 'plan_in_review', delivery: 'off', onlyPoc: true, ok: true },
    { kind: 'phase_request_decided', delivery: 'off', onlyPoc: false, ok: true },
  ] as const)('$kind $delivery (only POC: $onlyPoc) → $ok', ({ kind, delivery, onlyPoc, ok }) => {
    expect(mayChoose(kind, delivery, onlyPoc)).toBe(ok);
  });

  it('every kind but the ones kept for an only POC may be turned off by anyone', () => {
    for (const kind of NOTIFICATION_KINDS)
      expect(mayChoose(kind, 'off', true)).toBe(!KEPT_FOR_ONLY_POC.includes(kind));
  });
});

describe('the outbox state a notification starts in', () => {
  it.each([
    { delivery: 'immediate', required: false, status: 'pending' },
    { delivery: 'immediate', required: true, status: 'pending' },
    { delivery: 'digest', required: false, status: 'digest' },
    { delivery: 'digest', required: true, status: 'digest' },
    { delivery: 'off', required: false, status: 'off' },
    // Chosen before the person became the only POC: still emailed.
    { delivery: 'off', required: true, status: 'pending' },
  ] as const)('$delivery (required: $required) → $status', ({ delivery, required, status }) => {
    expect(emailStatusFor(delivery, required)).toBe(status);
  });

  it('knows three deliveries', () => expect(DELIVERIES).toEqual(['immediate', 'digest', 'off']));
});

describe('the choices page’s headings', () => {
  it('show every kind once', () => {
    const grouped = KIND_GROUPS.flatMap((g) => g.kinds);
    expect([...grouped].sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });
});
