export type OidcProviderOptions = {
  /** 0 or missing: a free port on 127.0.0.1. */
  port?: number;
  /** The one client, e.g. `urn:gov:gsa:openidconnect.profiles:sp:sso:omb:lew-test`. */
  clientId: string;
  /** The client's public RSA key(s), for private_key_jwt (RS256). */
  clientJwks: { keys: JsonWebKey[] };
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};
export type ThrowawayOidcProvider = {
  /** http://127.0.0.1:<port> */
  issuer: string;
  /** Closes the server (and every open connection). */
  stop(): Promise<void>;
};
export function startOidcProvider(options: OidcProviderOptions): Promise<ThrowawayOidcProvider>;
export function spawnOidcProvider(options: OidcProviderOptions): Promise<ThrowawayOidcProvider>;
