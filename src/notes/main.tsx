import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';
import { browserNotesServices } from './services';
import './notes.css';

// The tab title in the user's language (extension HTML cannot use __MSG_ keys; index.html says Qingdu until here).
document.title = t('notesPageTitle');
// Likewise the page's language: the one of the strings shown (index.html says zh-CN, the default locale).
document.documentElement.lang = t('uiLang');

render(<App services={browserNotesServices} />, document.getElementById('app')!);
