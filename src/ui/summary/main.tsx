import { render } from 'preact';
// Both languages' strings, registered for every t() on this page (the panel loads one: ../i18n.ts).
import '../../i18n';
import '../shared/base.css';
import './summary.css';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { SummaryPage } from './SummaryPage';

receivePushesByRuntime();
// "#<workshop id>" is that workshop's summary; "#series=<workshop id>" the summary of its series.
const hash = location.hash.slice(1);
const series = hash.startsWith('series=');
const workshopId = decodeURIComponent(series ? hash.slice('series='.length) : hash);
void initLang().then(() => render(<SummaryPage workshopId={workshopId} series={series} />, document.getElementById('app')!));
