import crypto from 'node:crypto';

const NONCE_BYTES = 16;
/** Nonces drawn from the system's randomness at a time (one call per this many requests). */
const POOL = 256;
let pool = Buffer.alloc(0);
let at = 0;

/**
 * A fresh 128-bit nonce for one answer's Content-Security-Policy, in base64. Cut from random
 * bytes drawn POOL nonces at a time: the same randomness, one system call per POOL requests
 * (measured in scripts/bench.mjs: a request's own call showed in the sign-in page's profile).
 */
export function nextNonce(): string {
  if (at >= pool.length) {
    pool = crypto.randomBytes(NONCE_BYTES * POOL);
    at = 0;
  }
  at += NONCE_BYTES;
  return pool.toString('base64', at - NONCE_BYTES, at);
}
