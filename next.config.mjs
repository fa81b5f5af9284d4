import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const config = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  // Separate build dirs let the e2e suite and a dev server coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Request logging would print `/s/<link token>`: those paths stay out of the log.
  logging: { incomingRequests: { ignore: [/^\/s\//] } },
  // The seeds use both prefixes: /api/v1 answers exactly like /platform/v1.
  async rewrites() {
    return [{ source: '/api/v1/:path*', destination: '/platform/v1/:path*' }];
  },
};

export default withNextIntl(config);
