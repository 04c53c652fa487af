import { render } from 'preact';
import '../shared/base.css';
import './popup.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { Popup } from './Popup';

receivePushesByRuntime();
void initLang().then(() => render(<Popup />, document.getElementById('app')!));
