import { render } from 'preact';
import '../shared/base.css';
import './panel.css';
import { initLang, receivePushesByPort } from '../shared/backend';
import { Panel } from './Panel';

const site = new URLSearchParams(location.hash.slice(1)).get('site') ?? 'generic';
receivePushesByPort();
void initLang().then(() => render(<Panel site={site} />, document.getElementById('app')!));
