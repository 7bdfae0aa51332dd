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
