import { describe, expect, it } from 'vitest';
import { decisionItem, pendingItem, riskItem } from '~/domain/pmc/items';

const request = {
  id: 3,
  project: 'Newborn Supply Kits',
  from_phase: 'Discovery',
  to_phase: 'Design',
  closed_at: '2027-02-11T15:04:00.000Z',
  override_reason: null,
};

describe('decisionItem', () => {
  it.each([
    ['advanced', null, 'Newborn Supply Kits: moved to Design', '2027-02-11'],
    ['moved_back', null, 'Newborn Supply Kits: moved back to Design', '2027-02-11'],
    ['held', null, 'Newborn Supply Kits: held in Discovery', '2027-02-11'],
    [
      'advanced',
      'Evidence reviewed with HHS',
      'Newborn Supply Kits: moved to Design',
      '2027-02-11 (OMB lead: Evidence reviewed with HHS)',
    ],
  ])('%s, override %s → “%s” / “%s”', (status, override_reason, text, detail) => {
    expect(decisionItem({ ...request, status, override_reason })).toEqual({
      key: 'd3',
      text,
      detail,
    });
  });

  it('an open request has no closing date to show', () => {
    expect(decisionItem({ ...request, status: 'held', closed_at: null }).detail).toBe('');
  });
});

describe('pendingItem', () => {
  it('names the phase asked for and since when', () => {
    expect(pendingItem({ ...request, requested_at: '2027-01-30T09:00:00.000Z' })).toEqual({
      key: 'g3',
      text: 'Newborn Supply Kits: asks for Design',
      detail: 'since 2027-01-30',
    });
  });
});

describe('riskItem', () => {
  it.each([
    ['at_risk', 'Vendor delay', 'Kits: at risk', 'Vendor delay'],
    ['off_track', null, 'Kits: off track', ''],
  ])('%s → “%s”', (health, health_reason, text, detail) => {
    expect(riskItem({ id: 5, name: 'Kits', health, health_reason })).toEqual({
      key: 'r5',
      text,
      detail,
    });
  });
});
