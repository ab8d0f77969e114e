/**
 * Cross-site request forgery defence: a state-changing request must come from a page of this
 * workspace. Browsers send `Origin` on every POST; older ones may send only `Referer`.
 * A request that carries neither is refused, since a mutation has no business arriving blind.
 *
 * One exception: a one-click unsubscribe (RFC 8058), which a mail program posts from outside any
 * page. Its authority is the unguessable token in its path, not a session, so a forged request
 * could do nothing that the token's holder could not.
 */
export function isSameOrigin(args: {
  method: string;
  /** The request's path, e.g. "/unsubscribe/abc". */
  path?: string;
  origin: string | null;
  referer: string | null;
  /** Origins this deployment answers on, e.g. "https://workspace.example.gov". */
  allowed: readonly string[];
}): boolean {
  const method = args.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  if (method === 'POST' && args.path !== undefined && ONE_CLICK.test(args.path)) return true;
  const claimed = args.origin ?? originOf(args.referer);
  if (!claimed || claimed === 'null') return false;
  return args.allowed.includes(claimed);
}

/** The one-click unsubscribe path: a token of letters, digits, `-` and `_`, and nothing more. */
const ONE_CLICK = /^\/unsubscribe\/[A-Za-z0-9_-]+$/;

function originOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A WebSocket opened to the workspace (live co-editing) must come from one of its pages. Browsers
 * always send `Origin` on a socket's opening request, and cookies ride along whatever the page,
 * so a socket without an allowed origin is refused: another site cannot act with a person's
 * session.
 */
export function isAllowedSocketOrigin(origin: string | undefined, allowed: readonly string[]) {
  return origin !== undefined && origin !== 'null' && allowed.includes(origin);
}
