import { defineConfig } from 'vitest/config';

// Timeouts only catch a hang; no test measures speed. CI is a busy 2-core box (turbo runs two tasks
// at once there), so they are sized for the slowest work here on that box, not for an idle laptop.
export default defineConfig({
  test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], testTimeout: 300_000, hookTimeout: 300_000 },
});
