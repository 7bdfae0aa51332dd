import type { HighlightColor } from '../shared/notes-types';

/**
 * Reader theme palettes. Every colour pair a reader sees is checked against WCAG 2.x in test/unit/reader-themes.test.ts:
 * text and muted text ≥ 4.5:1 on the background (AA, normal text), borders of controls and the focus ring ≥ 3:1
 * (AA, non-text contrast, WCAG 1.4.11).
 */
export interface Palette {
  bg: string;
  fg: string;
  /** Meta line, captions, page markers. */
  muted: string;
  /** Links and the focus ring. */
  accent: string;
  /** Control borders and rules. */
  border: string;
  /** Control background. */
  control: string;
}

export const PALETTES: Record<'light' | 'sepia' | 'dark', Palette> = {
  light: { bg: '#ffffff', fg: '#1f1f1f', muted: '#595959', accent: '#a1281e', border: '#8a8a8a', control: '#f3f3f3' },
  sepia: { bg: '#f4ecd8', fg: '#3b2f20', muted: '#5e4b33', accent: '#8a2a12', border: '#8c7a5c', control: '#ebe0c6' },
  dark: { bg: '#1b1d21', fg: '#e3e3e3', muted: '#a9adb3', accent: '#f0a27a', border: '#80858d', control: '#2a2d33' },
};

/** Relative luminance of an sRGB `#rrggbb` colour (WCAG 2.x definition). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1..21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** CSS custom properties of a palette (`--qd-bg: …;`). */
export function paletteVars(p: Palette): string {
  return Object.entries(p)
    .map(([k, v]) => `--qd-${k}: ${v};`)
    .join(' ');
}

/** How a theme draws one highlight colour: the mark's background and the line under it. */
export interface HighlightInk {
  /** Background of the highlighted text: the theme's text, muted text and links stay ≥ 4.5:1 on it. */
  bg: string;
  /** The 2-px line under the highlight, ≥ 3:1 on the page (WCAG 1.4.11), so a highlight shows apart from its hue. */
  edge: string;
}

/** The highlight colours (notes-types.ts ANNOTATION_COLORS) in each theme; test/unit/reader-parts.test.ts checks AA. */
export const HIGHLIGHTS: Record<keyof typeof PALETTES, Record<HighlightColor, HighlightInk>> = {
  light: {
    yellow: { bg: '#fff0a0', edge: '#8a6d00' },
    green: { bg: '#c9f0c9', edge: '#2e7d32' },
    blue: { bg: '#d2e4ff', edge: '#1f5fbf' },
    pink: { bg: '#ffd8e8', edge: '#b0306a' },
  },
  sepia: {
    yellow: { bg: '#f7dc7c', edge: '#7d6200' },
    green: { bg: '#d3e6b3', edge: '#3f6f22' },
    blue: { bg: '#cfe0ec', edge: '#2d5f8a' },
    pink: { bg: '#f3cfd4', edge: '#9c3558' },
  },
  dark: {
    yellow: { bg: '#4a4000', edge: '#d9c24a' },
    green: { bg: '#1d4428', edge: '#6cc07a' },
    blue: { bg: '#1d3a5e', edge: '#7fb0ff' },
    pink: { bg: '#5a2442', edge: '#f08ab8' },
  },
};

/** CSS custom properties of a theme's highlight colours (`--qd-hl-yellow: …; --qd-hl-yellow-edge: …;`). */
export function highlightVars(theme: keyof typeof PALETTES): string {
  return Object.entries(HIGHLIGHTS[theme])
    .map(([c, ink]) => `--qd-hl-${c}: ${ink.bg}; --qd-hl-${c}-edge: ${ink.edge};`)
    .join(' ');
}
