import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/tests/**/*.test.ts', 'test/**/*.test.ts'],
    // Typed rule tests build TypeScript programs; two workers fit the 2-core CI machine.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    setupFiles: ['packages/eslint-plugin/tests/helpers/setup-rule-tester.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
