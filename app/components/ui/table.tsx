import type { ComponentProps } from 'react';

/**
 * A USWDS table in its own scroll region: on a narrow screen (390 px) a wide table scrolls
 * sideways inside the region, never the page (WCAG 2.1 1.4.10 reflow). The region is labelled
 * and focusable so it can be scrolled from the keyboard, and edge shadows show there is more.
 * Replaces `<table className="usa-table …">` one for one: only the opening and closing tags
 * change.
 */
export function Table({
  label,
  className = 'usa-table usa-table--borderless',
  ...props
}: { label: string } & ComponentProps<'table'>) {
  return (
    <div
      className="usa-table-container--scrollable table-scroll"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className={className} {...props} />
    </div>
  );
}
