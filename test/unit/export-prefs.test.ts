import { afterEach, describe, expect, it, vi } from 'vitest';
import { citationFormat, highlightStyle, setCitationFormat, setHighlightStyle } from '../../src/notes/export-prefs';

/** A localStorage stand-in: a Map, or one that throws on every call (storage disabled or over quota). */
function stubStorage(throws = false) {
  const m = new Map<string, string>();
  const fail = () => {
    throw new DOMException('refused', 'QuotaExceededError');
  };
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => (throws ? fail() : (m.get(k) ?? null)),
    setItem: (k: string, v: string) => (throws ? fail() : void m.set(k, v)),
  });
  return m;
}

describe('notes page export choices', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('default to quote / bibtex, keep a valid choice, ignore a value that is not one', () => {
    const m = stubStorage();
    expect([highlightStyle(), citationFormat()]).toEqual(['quote', 'bibtex']);
    setHighlightStyle('mark');
    setCitationFormat('ris');
    expect([highlightStyle(), citationFormat()]).toEqual(['mark', 'ris']);
    m.set('qingdu.citationFormat', 'docx');
    expect(citationFormat()).toBe('bibtex');
  });

  it('fall back to the defaults, and never throw, when storage refuses', () => {
    stubStorage(true);
    expect(() => setHighlightStyle('mark')).not.toThrow();
    expect(() => setCitationFormat('ris')).not.toThrow();
    expect([highlightStyle(), citationFormat()]).toEqual(['quote', 'bibtex']);
  });
});
