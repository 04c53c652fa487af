import { render } from 'preact';
// Both languages' strings, registered for every t() on this page (the panel loads one: ../i18n.ts).
import '../../i18n';
import '../shared/base.css';
import './popup.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { Popup } from './Popup';

receivePushesByRuntime();
void initLang().then(() => render(<Popup />, document.getElementById('app')!));
