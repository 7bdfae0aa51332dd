import { render } from 'preact';
import { App } from './App';
import { targetTabId } from './target';
import './popup.css';

const asTab = new URLSearchParams(location.search).has('tab');
targetTabId().then((tabId) => render(<App tabId={tabId} asTab={asTab} />, document.getElementById('app')!));
