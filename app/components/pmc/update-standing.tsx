import { Link } from '~/components/ui/link';
import type { UpdatePreview } from '~/presenters/pmc';

/**
 * Where the update stands among its quarter's others: withdrawn and why, with its correction;
 * or what it corrects. And what an OMB lead may do about it.
 */
export function Standing({
  view,
  mayWithdraw,
  mayCorrect,
}: {
  view: UpdatePreview['view'];
  mayWithdraw: boolean;
  mayCorrect: boolean;
}) {
  const { lines, corrects, correctedBy } = view.lineage;
  const links = [
    ...(corrects !== null
      ? [
          <Link key="corrects" to={`/pmc/${corrects}`}>
            Read the withdrawn update
          </Link>,
        ]
      : []),
    ...(correctedBy !== null
      ? [
          <Link key="correction" to={`/pmc/${correctedBy}`}>
            Read the correction
          </Link>,
        ]
      : []),
    ...(mayCorrect
      ? [
          <Link key="correct" to={`/pmc/${view.id}/correct`}>
            Start a correction
          </Link>,
        ]
      : []),
  ].flatMap((link, i) => (i === 0 ? [link] : [' · ', link]));
  return (
    <>
      {lines.length > 0 ? (
        <div
          className={`usa-alert usa-alert--${view.status === 'withdrawn' ? 'warning' : 'info'} usa-alert--slim margin-y-2`}
          data-testid="update-standing"
        >
          <div className="usa-alert__body">
            {lines.map((line) => (
              <p key={line} className="usa-alert__text">
                {line}
              </p>
            ))}
            {links.length > 0 ? <p className="usa-alert__text">{links}</p> : null}
          </div>
        </div>
      ) : null}
      {mayWithdraw ? (
        <p>
          <Link to={`/pmc/${view.id}/withdraw`}>Withdraw this update</Link> (an OMB lead, with a
          reason; it stays listed as published, marked withdrawn)
        </p>
      ) : null}
    </>
  );
}
