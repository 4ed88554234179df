import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'acceptance',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
