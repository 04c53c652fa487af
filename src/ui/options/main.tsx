import { render } from 'preact';
import '../shared/base.css';
import './options.css';
import { initLang } from '../shared/backend';
import { Options } from './Options';

void initLang().then(() => render(<Options />, document.getElementById('app')!));
