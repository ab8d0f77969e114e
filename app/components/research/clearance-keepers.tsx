import { Fragment } from 'react';

export interface ClearanceKeeper {
  id: number;
  name: string;
  email: string;
  agencyCode: string;
  role: 'portfolio_lead' | 'omb_lead';
}

const ROLE = { portfolio_lead: 'portfolio lead', omb_lead: 'OMB lead' } as const;

/**
 * For a person who may not record a clearance: who can (the portfolio's leads and the OMB
 * leads), with a way to write to them, instead of a link to a page with no form.
 */
export function ClearanceKeepers({ keepers }: { keepers: readonly ClearanceKeeper[] }) {
  return (
    <p data-testid="clearance-keepers">
      Only a portfolio lead of this portfolio or an OMB lead records a clearance.{' '}
      {keepers.length === 0 ? (
        'No one holds either role yet: ask the program’s administrators.'
      ) : (
        <>
          Ask{' '}
          {keepers.map((k, i) => (
            <Fragment key={k.id}>
              {i === 0 ? '' : i === keepers.length - 1 ? ' or ' : ', '}
              <a href={`mailto:${k.email}`}>{k.name}</a> ({k.agencyCode}, {ROLE[k.role]})
            </Fragment>
          ))}
          .
        </>
      )}
    </p>
  );
}
