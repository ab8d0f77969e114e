/**
 * The app's link: a plain `<a href>` that the router follows in the page, without a reload, once
 * the page's script runs; before that, and without JavaScript, it is an ordinary link.
 *
 * React Router's own `<Link>` resolves its path, reads the location and makes a click handler for
 * every link on the server: on a page of sixty links that was 4% of the page's CPU and an eighth
 * of what it allocated (issue 24). These links carry one attribute instead, and one listener on
 * the document follows them all (`useLinkFollowing`, in the root layout). `NavLink`, which marks
 * the current page, stays React Router's.
 */
import type { AnchorHTMLAttributes } from 'react';

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** A path in the app: absolute (`/projects/3`) or relative to this page (`?page=2`). */
  to: string;
};

export function Link({ to, ...rest }: LinkProps) {
  // data-discover: React Router's lazy route discovery learns the link's route before a click.
  return <a href={to} data-nav="" data-discover="true" {...rest} />;
}
