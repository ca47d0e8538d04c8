/**
 * Test-only waits, read from the query string in the end-to-end build alone (VITE_E2E_HOOKS=1,
 * tests/e2e/global-setup.ts): a spec shortens a watchdog, or holds off a fallback, instead of
 * waiting it out. In every other build the condition is false at compile time and the code goes.
 */
export function e2eHookMs(name: string): number | null {
  if (import.meta.env.VITE_E2E_HOOKS !== '1' || typeof location === 'undefined') return null;
  const value = Number(new URLSearchParams(location.search).get(name));
  return value > 0 ? value : null;
}
