import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // Whole forms with Mantine's calendars render slowly in jsdom on a busy machine; 5 s is too tight for them.
    testTimeout: 20_000,
  },
});
