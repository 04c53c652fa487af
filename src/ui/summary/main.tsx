import { render } from 'preact';
import '../shared/base.css';
import './summary.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { SummaryPage } from './SummaryPage';

receivePushesByRuntime();
const workshopId = decodeURIComponent(location.hash.slice(1));
void initLang().then(() => render(<SummaryPage workshopId={workshopId} />, document.getElementById('app')!));
