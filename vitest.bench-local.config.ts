import { defineConfig } from 'vitest/config';
// Local only: another helper's in-progress project migration has a duplicate index name; this swaps in a fixed copy.
export default defineConfig({
  resolve: { alias: [{ find: /^\.\/2026-11-28T2100_project$/, replacement: '/tmp/perf/mig/project-fixed.ts' }] },
  test: { root: '/work/main', include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, pool: 'forks' },
});
