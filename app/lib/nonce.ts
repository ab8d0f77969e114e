import { createContext, useContext } from 'react';

/**
 * The Content Security Policy nonce of this response (app/server/app.ts makes one per request).
 * entry.server.tsx provides it; the document's scripts carry it. In the browser it is empty:
 * scripts added after load come from 'self'.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
