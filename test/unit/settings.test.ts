import { describe, expect, it, vi } from 'vitest';

// webextension-polyfill throws outside an extension (TOOLCHAIN.md): only the pure part is tested here; loading and
// saving are covered by the popup setting test in test/e2e/runtime.test.ts.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { DEFAULT_SETTINGS, withDefaults } = await import('../../src/shared/settings');

describe('settings', () => {
  it('defaults when nothing is stored', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults(null)).toEqual({ autoDeclutter: true });
  });

  it('keeps stored values of the right type and ignores the rest', () => {
    expect(withDefaults({ autoDeclutter: false })).toEqual({ autoDeclutter: false });
    expect(withDefaults({ autoDeclutter: 'no', unknown: 1 })).toEqual({ autoDeclutter: true });
  });
});
