/// <reference types="vitest/config" />
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [!process.env.VITEST && reactRouter()],
  resolve: { tsconfigPaths: true },
  ssr: { external: ['better-sqlite3', '@node-rs/argon2'] },
  // Pre-bundled for the dev server, or its first diagram page reloads ("Outdated Optimize Dep").
  optimizeDeps: { include: ['mermaid'] },
  build: {
    // The server build's entry is our Express app, which imports the React Router build.
    rollupOptions: isSsrBuild ? { input: './app/server/index.ts' } : undefined,
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    pool: 'forks',
  },
}));
