// Lint rules of the whole repository (`npm run lint`, a phase of `npm test`). Beyond Next's own
// rules, the import-boundary zones below keep the layers of README.md's "Architecture" apart:
// a wrong-way import is a lint error, not a review comment.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/** `target` may not import anything under `from` (paths from the repository root). */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const layers = [
  zone(
    './lib/shared',
    ['./lib/server', './lib/browser', './app', './components', './i18n'],
    'lib/shared imports only lib/shared.',
  ),
  zone(
    './lib',
    ['./app', './components', './e2e', './emulator', './scripts'],
    'lib/ never imports app, UI, tests or tools.',
  ),
  zone('./lib/browser', './lib/server', 'Browser code cannot import server code.'),
  zone('./lib/server', './lib/browser', 'Server code cannot import browser code.'),
  zone('./components', './lib/server', 'Components get server data as props; they never import lib/server.'),
  zone('./i18n', ['./lib/server', './lib/browser', './app', './components'], 'i18n/ is shared configuration.'),
  zone(
    './emulator',
    ['./lib/server', './lib/browser', './app', './components', './e2e', './test', './scripts', './i18n'],
    'The emulator stands alone (it may use lib/shared).',
  ),
  zone('./scripts', ['./e2e', './test', './app', './components'], 'Scripts never import tests or the app.'),
  zone('./test', ['./e2e'], 'Unit-test support does not import the browser suite.'),
];

const config = [
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
      'next-env.d.ts',
    ],
  },
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    // Production code under lib/ does not lean on test support; tests next to it may.
    files: ['lib/**'],
    ignores: TESTS,
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: [...layers, zone('./lib', './test', 'Only tests import test support.')] },
      ],
    },
  },
  {
    // The server-only marker belongs to server code; browser and shared code must run anywhere.
    files: ['lib/shared/**', 'lib/browser/**', 'components/**', 'i18n/config.ts', 'i18n/pick-locale.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'server-only', message: 'Only lib/server is server-only.' }] },
      ],
    },
  },
  {
    // Tests and emulator fixtures: Playwright's `use` and `useEmulator` are not React hooks, and
    // JSON answers of the API under test are read untyped.
    files: [...TESTS, 'e2e/**', 'emulator/**/test-helpers.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // i18n/request.ts is next-intl's request hook: app glue that asks the server for the locale.
    files: ['i18n/request.ts'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers.filter((z) => z.target !== './i18n') }],
    },
  },
];

export default config;
