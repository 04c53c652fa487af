import { render } from 'preact';
// Both languages' strings, registered for every t() on this page (the panel loads one: ../i18n.ts).
import '../../i18n';
import '../shared/base.css';
import './options.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { Options } from './Options';

receivePushesByRuntime();
void initLang().then(() => render(<Options />, document.getElementById('app')!));
