import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** React Router's Link costs a page's server render dearly at scale; ours is a plain anchor. */
const ROUTER_LINK = {
  name: 'react-router',
  importNames: ['Link'],
  message:
    "Use Link from '~/components/ui/link': a plain anchor the layout follows (decision 041). NavLink stays for the main navigation.",
};

export default tseslint.config(
  {
    ignores: [
      'build/**',
      '.react-router/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The app's own code formats with kept formatters; tests may use the slow form as a reference.
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^toLocale(String|DateString|TimeString)$/][arguments.length>1]',
          message:
            'With options this builds a formatter on every call: use app/domain/numbers.ts or dateFormat from app/domain/dates.ts (decision 041).',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // The layers (docs/architecture.md): each folder imports only from the layers below it.
  {
    // Domain rules stay pure: nothing from the framework, the database or the rest of the app.
    files: ['app/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', 'react-router', 'kysely', 'better-sqlite3', 'pg'],
              message: 'app/domain is pure rules: no framework or database.',
            },
            {
              group: ['~/*', '!~/domain', '!~/domain/**', '\\#db/*', '\\#seeds/*'],
              message: 'app/domain imports only app/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '~/routes/**',
                '~/commands/**',
                '~/schemas/**',
                '~/web/**',
                '~/components/**',
                '~/presenters/**',
                '~/render/**',
                '~/server/**',
                '~/root',
              ],
              message:
                'db/ is below the pages and the commands: it may use app/domain, never forms or what serves pages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/components/**/*.{ts,tsx}', 'app/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '\\#db/*',
                '~/web/**',
                '~/routes/**',
                '~/server/**',
                '**/*.server',
                '**/*.server.*',
              ],
              message: 'Components render what a loader gave them; they never reach the database.',
            },
          ],
          paths: [ROUTER_LINK],
        },
      ],
    },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}', 'app/root.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [ROUTER_LINK] }] },
  },
);
