import { render } from 'preact';
import '../shared/base.css';
import { initLang } from '../shared/backend';
import { Popup } from './Popup';

void initLang().then(() => render(<Popup />, document.getElementById('app')!));
