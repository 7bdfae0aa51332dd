import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';
import { targetTabId } from './target';
import './popup.css';

// The page's language is the one of the strings it shows (index.html says zh-CN, the default locale, until here).
document.documentElement.lang = t('uiLang');
const asTab = new URLSearchParams(location.search).has('tab');
targetTabId().then((tabId) => render(<App tabId={tabId} asTab={asTab} />, document.getElementById('app')!));
