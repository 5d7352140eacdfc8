import { defineConfig } from 'vitest/config';

// Timeouts only catch a hang; no test measures speed. Each end-to-end test spawns the CLI a few to
// a few dozen times, which on a busy 2-core CI box (turbo runs two tasks at once there) takes minutes.
export default defineConfig({
  test: { include: ['**/*.test.ts'], exclude: ['node_modules/**'], testTimeout: 600_000, hookTimeout: 600_000 },
});
