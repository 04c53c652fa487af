import { render } from 'preact';
import '../shared/base.css';
import './options.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { Options } from './Options';

receivePushesByRuntime();
void initLang().then(() => render(<Options />, document.getElementById('app')!));
