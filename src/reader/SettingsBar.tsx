import { KEY_HELP, type ReaderAction } from './keys';
import { FONTS, LINE_HEIGHTS, THEMES, WIDTHS, cycle, type ReaderFont, type ReaderPrefs } from '../shared/reader-prefs';

const FONT_LABELS: Record<ReaderFont, string> = {
  sans: 'readerFontSans',
  serif: 'readerFontSerif',
  kai: 'readerFontKai',
};
import type { Translate } from './App';

interface Props {
  prefs: ReaderPrefs;
  /** The conversion the 繁/简 button offers (convert.ts `direction`). */
  dir: 'cn2t' | 't2cn';
  /** Nothing to read: Save and Cite are disabled. */
  empty: boolean;
  /** The `?` panel is open. */
  help: boolean;
  t: Translate;
  update: (patch: Partial<ReaderPrefs>) => void;
  act: (a: ReaderAction) => void;
  onPrint: () => void;
  onClose: () => void;
}

/**
 * A button's accessible name: its visible text first, then what it does ("A− 缩小字号"). Voice control users say what
 * they see, so the name must contain the visible text (WCAG 2.5.3 Label in Name; axe-core label-content-name-mismatch).
 */
const named = (visible: string, what: string) => `${visible} ${what}`;

/** The settings bar: size, font, width, leading, indent, theme, 繁/简; then Save, Cite, Print, `?` and Close. */
export function SettingsBar({ prefs, dir, empty, help, t, update, act, onPrint, onClose }: Props) {
  const value = (e: Event) => (e.target as HTMLSelectElement).value;
  const fontName = t(FONT_LABELS[prefs.font]);
  return (
    <div class="qd-bar" role="toolbar" aria-label={t('readerToolbar')}>
      <button
        type="button"
        class="qd-btn"
        data-action="smaller"
        aria-label={named('A−', t('readerSmaller'))}
        title={t('readerSmaller')}
        onClick={() => act('smaller')}>
        A−
      </button>
      <button
        type="button"
        class="qd-btn"
        data-action="bigger"
        aria-label={named('A+', t('readerBigger'))}
        title={t('readerBigger')}
        onClick={() => act('bigger')}>
        A+
      </button>
      <button
        type="button"
        class="qd-btn"
        data-action="font"
        aria-label={named(fontName, t('readerFont'))}
        title={t('readerFont')}
        onClick={() => update({ font: cycle(FONTS, prefs.font) })}>
        {fontName}
      </button>
      <select
        class="qd-select"
        data-action="width"
        aria-label={t('readerWidth')}
        title={t('readerWidth')}
        onChange={(e) => update({ width: value(e) as ReaderPrefs['width'] })}>
        {WIDTHS.map((w) => (
          <option value={w} selected={w === prefs.width}>
            {t(`readerWidth_${w}`)}
          </option>
        ))}
      </select>
      <select
        class="qd-select"
        data-action="leading"
        aria-label={t('readerLineHeight')}
        title={t('readerLineHeight')}
        onChange={(e) => update({ lineHeight: Number(value(e)) })}>
        {LINE_HEIGHTS.map((h) => (
          <option value={h} selected={h === prefs.lineHeight}>
            {t('readerLineHeight')} {h.toFixed(1)}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="qd-btn"
        data-action="indent"
        aria-pressed={prefs.indent ? 'true' : 'false'}
        onClick={() => update({ indent: !prefs.indent })}>
        {t('readerIndent')}
      </button>
      <select
        class="qd-select"
        data-action="theme"
        aria-label={t('readerTheme')}
        title={t('readerTheme')}
        onChange={(e) => update({ theme: value(e) as ReaderPrefs['theme'] })}>
        {THEMES.map((th) => (
          <option value={th} selected={th === prefs.theme}>
            {t(`readerTheme_${th}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        class="qd-btn"
        data-action="convert"
        aria-pressed={prefs.convert ? 'true' : 'false'}
        title={dir === 'cn2t' ? t('readerConvertCn2t') : t('readerConvertT2cn')}
        onClick={() => update({ convert: !prefs.convert })}>
        {dir === 'cn2t' ? t('readerConvertToTrad') : t('readerConvertToSimp')}
      </button>
      <span class="qd-gap" />
      <button type="button" class="qd-btn" data-action="save" disabled={empty} onClick={() => act('save')}>
        {t('readerSave')}
      </button>
      <button type="button" class="qd-btn" data-action="cite" disabled={empty} onClick={() => act('cite')}>
        {t('readerCite')}
      </button>
      <button type="button" class="qd-btn" data-action="print" onClick={onPrint}>
        {t('readerPrint')}
      </button>
      <button
        type="button"
        class="qd-btn"
        data-action="help"
        aria-expanded={help ? 'true' : 'false'}
        aria-label={named('?', t('readerHelp'))}
        title={t('readerHelp')}
        onClick={() => act('help')}>
        ?
      </button>
      <button type="button" class="qd-btn qd-close" onClick={onClose} title={t('readerCloseHint')}>
        {t('readerClose')}
      </button>
    </div>
  );
}

/** The `?` panel: the reader's keys (keys.ts `KEY_HELP`). */
export function HelpPanel({ t }: { t: Translate }) {
  return (
    <div class="qd-help" role="note" aria-labelledby="qd-help-title">
      <h2 id="qd-help-title">{t('readerHelp')}</h2>
      <dl>{KEY_HELP.map(([k, d]) => [<dt>{k}</dt>, <dd>{t(d)}</dd>])}</dl>
    </div>
  );
}
