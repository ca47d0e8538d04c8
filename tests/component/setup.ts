// Shared by every component test (vitest.config.ts, project "component").
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { resetAppStore } from '../../src/state/store';

beforeEach(() => {
  resetAppStore();
});

afterEach(() => {
  cleanup();
});
