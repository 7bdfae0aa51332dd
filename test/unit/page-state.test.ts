// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageState } from '../../src/shared/page-state';

type WithState = { __qingdu?: unknown };

describe('pageState', () => {
  const proto = Object.getPrototypeOf(globalThis) as WithState;
  afterEach(() => {
    delete (globalThis as WithState).__qingdu;
    delete proto.__qingdu;
  });

  it('is not taken from a page element named like it (a form with inputs named article and reader)', () => {
    // Browsers expose `<form id="__qingdu">` as a named property of the window, inherited (not own): happy-dom does
    // not, so the test puts it where browsers do (the browser test: test/e2e/breakit.test.ts, clobber-en.html).
    document.body.innerHTML = '<form id="__qingdu"><input name="article"><input name="reader"></form>';
    const form = document.getElementById('__qingdu');
    Object.defineProperty(proto, '__qingdu', { value: form, writable: true, configurable: true });
    expect((globalThis as WithState).__qingdu).toBe(form);
    const state = pageState();
    expect(state).toEqual({ article: null });
    expect(pageState()).toBe(state);
  });
});
