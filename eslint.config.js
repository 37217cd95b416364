import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Pure analytics: no storage, bus, server, file system or wall clock (docs/architecture.md).
    files: ['src/observe/**/*.ts', 'src/engage/correlate/**/*.ts', 'src/act/rca/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/store/**', '**/bus/**', '**/server/**', 'node:fs', 'node:net', 'node:http'] },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass time in.' }],
    },
  },
);
