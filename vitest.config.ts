import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run our server code directly.
      'server-only': path.resolve(import.meta.dirname, 'test/support/empty.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**'],
    environment: 'node',
    // Generous: CI's 2 cores also run PostgreSQL and the emulators; a full onboarding under load
    // can take tens of seconds. Hangs still fail, only later.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // One in-memory PGlite per test file unless DATABASE_URL points at PostgreSQL.
    env: {
      DATA_DIR: process.env.DATA_DIR ?? 'memory://',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      APP_URL: 'http://localhost:3000',
      // Test files share one PostgreSQL database and requests without X-Forwarded-For share one
      // IP bucket; hostile-input tests send thousands of requests. The rate limit tests set tight
      // limits themselves (test/api/rate-limits.test.ts).
      RATE_LIMIT_API_PER_SECOND: '100000',
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
      RATE_LIMIT_WEBHOOKS_PER_MINUTE: '1000000',
      RATE_LIMIT_COMPLETIONS_PER_LINK: '1000',
    },
  },
});
