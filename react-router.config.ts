import type { Config } from '@react-router/dev/config';

export default {
  ssr: true,
  // Middleware puts the database handle and the signed-in person in the router context once per
  // request (app/web/context.server.ts).
  future: { v8_middleware: true },
} satisfies Config;
