import { render } from 'preact';
// Both languages' strings, registered for every t() on this page (the panel loads one: ../i18n.ts).
import '../../i18n';
import '../shared/base.css';
import './popout.css';
import { t } from '../i18n';
import { initLang, receivePushesByRuntime } from '../shared/backend';
import { Popout } from './Popout';

// The pop-out timer: an extension page of its own (a small window the background opens), never
// part of the meeting page, so what it shows stays out of the page's reach.
receivePushesByRuntime();
void initLang().then(() => {
  document.title = t('popoutTitle');
  render(<Popout />, document.getElementById('app')!);
});
