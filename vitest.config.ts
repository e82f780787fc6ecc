import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // End-to-end tests start the built binary and a pseudo-terminal; the machine has 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
