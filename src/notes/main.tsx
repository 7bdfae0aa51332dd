import { render } from 'preact';

render(<p>Qingdu</p>, document.getElementById('app')!);
