import type { ReactNode } from 'react';

/** A USWDS alert. Errors and warnings are announced; info and success are not. */
export function Alert({
  type,
  heading,
  children,
  slim,
}: {
  type: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  children: ReactNode;
  slim?: boolean;
}) {
  const urgent = type === 'error' || type === 'warning';
  return (
    <div
      className={`usa-alert usa-alert--${type}${slim ? ' usa-alert--slim' : ''} margin-y-2`}
      role={urgent ? 'alert' : 'status'}
    >
      <div className="usa-alert__body">
        {heading ? <h2 className="usa-alert__heading">{heading}</h2> : null}
        <div className="usa-alert__text">{children}</div>
      </div>
    </div>
  );
}
