import { render } from 'preact';
import { App } from './App';
import './notes.css';

render(<App />, document.getElementById('app')!);
