import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ActiveWorkshop } from '../../messages/protocol';
import { computeRunState } from '../../script/timing';
import type { SpeakerSample } from '../../turns/speaking';
import { t } from '../i18n';
import { ask, useStoreProblem, useStoreQuery } from '../shared/backend';
import { ErrorText } from '../shared/ErrorText';
import { useNow } from '../shared/clock';
import { LimitsNote } from './LimitsNote';
import { RunView } from './RunView';
import type { StartView as StartViewType } from './StartView';
import { CaptureView, preloadTabs, PromptsView, SeriesView, TurnsView } from './lazyTabs';
import { recordsPeople } from '../../privacy/consent';
import { useLive } from './useLive';
import { usePrompts } from './usePrompts';
import { useSite, type SiteHandle } from './useSite';
import { peopleView } from '../../turns/people';
import { ShareView, SyncBadge } from './ShareView';
import { useSync, type SyncView } from './useSync';
import { useObscured } from './visibility';
import { tabKeyTarget } from '../shared/tabKeys';

/** How long something must cover the panel before the warning shows (input stops at once). */
const COVERED_ALERT_MS = 300;

// The start view brings the built-in templates (the panel's second-largest chunk); most panel
// loads show a running workshop and never need it, so it loads when it is first shown.
function StartView(props: Parameters<typeof StartViewType>[0]) {
  const [View, setView] = useState<typeof StartViewType | undefined>(undefined);
  useEffect(() => {
    void import('./StartView').then((module) => setView(() => module.StartView));
  }, []);
  return View ? <View {...props} /> : <p class="muted">{t('panelLoading')}</p>;
}

type Tab = 'run' | 'turns' | 'prompts' | 'capture' | 'series';
const TABS: Tab[] = ['run', 'turns', 'prompts', 'capture', 'series'];
/** A note-taker in a shared workshop: capture and the map first, the timer after. */
const NOTE_TAKER_TABS: Tab[] = ['capture', 'series', 'run', 'turns', 'prompts'];

async function loadActive(): Promise<ActiveWorkshop | null> {
  const reply = await ask('workshop/active', {});
  return reply.ok ? reply.value : null;
}

/**
 * Each tab keeps its own scroll position: saved when the user leaves it, given back when they
 * return, also when the tab's content arrives a moment later (until the user scrolls themselves).
 */
function useTabScroll(tab: Tab): (leaving: Tab) => void {
  const saved = useRef(new Map<Tab, number>());
  useLayoutEffect(() => {
    const main = document.getElementById('panel-main');
    if (!main) return;
    const target = saved.current.get(tab) ?? 0;
    main.scrollTop = target;
    if (main.scrollTop >= target - 1) return;
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) main.removeEventListener(type, stop);
    };
    const observer = new ResizeObserver(() => {
      main.scrollTop = target;
      if (main.scrollTop >= target - 1) stop();
    });
    for (const child of main.children) observer.observe(child);
    const timer = setTimeout(stop, 3000);
    for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) main.addEventListener(type, stop);
    return stop;
  }, [tab]);
  return (leaving) => {
    const main = document.getElementById('panel-main');
    if (main) saved.current.set(leaving, main.scrollTop);
  };
}

/**
 * `last` is the workshop the background last gave out (../../messages/lastActive.ts): drawn at
 * once, marked busy, until the background's own answer replaces it.
 */
export function Panel({ site, lang, last }: { site: string; lang: string; last?: ActiveWorkshop | undefined }) {
  const [tab, setTab] = useState<Tab>('run');
  const syncView = useSync();
  const order = syncView.noteTaker ? NOTE_TAKER_TABS : TABS;
  useEffect(() => {
    if (syncView.noteTaker) setTab('capture');
  }, [syncView.noteTaker]);
  const rememberScroll = useTabScroll(tab);
  const [choosing, setChoosing] = useState(false);
  const [quick, setQuick] = useState({ text: '', n: 0 });
  const feed = useRef<(sample: SpeakerSample) => void>(() => undefined);
  const talk = useRef<() => void>(() => undefined);
  const { value: answered, reload } = useStoreQuery(loadActive, ['workshops', 'runs', 'scripts', 'settings']);
  const stale = answered === undefined && last !== undefined;
  const active = answered === undefined ? last : answered;
  // Performance marks when a workshop is first on screen (the last known one or the answer) and
  // when the background's answer is: `npm run bench` reads them for "page load → panel content
  // visible" (the frame's timeOrigin plus the mark is a wall-clock time).
  const loaded = active !== undefined;
  useEffect(() => {
    if (!loaded) return;
    requestAnimationFrame(() => {
      performance.mark('vuoro:panel-content');
      preloadTabs();
    });
  }, [loaded]);
  useEffect(() => {
    if (answered !== undefined) requestAnimationFrame(() => performance.mark('vuoro:panel-answered'));
  }, [answered !== undefined]);
  const siteHandle = useSite(
    site,
    (sample) => feed.current(sample),
    (selection) => {
      setTab('capture');
      setChoosing(false);
      // The entry is one line: a selection's line breaks become spaces here, so what the entry shows
      // is what is stored (a browser drops them from a one-line field, and the words ran together).
      setQuick((q) => ({ text: (selection ?? '').replace(/\s*[\r\n\u2028\u2029]+\s*/gu, ' ').trim(), n: q.n + 1 }));
    },
    () => talk.current(),
  );
  // Something of the page lies over the panel, or the page fades or distorts it: say so where it
  // shows through, and take no input until it is gone, so nothing meant for the panel is typed into
  // the page's overlay or clicked on a panel the user cannot see as it is.
  const obscured = useObscured();
  const covered = siteHandle.state.covered || obscured;
  // The warning's words follow a language change while it shows (it kept the language it was drawn in).
  const coveredText = t('panelCovered');
  // Input stops at once; the warning (an assertive alert) shows once the cover has lasted
  // COVERED_ALERT_MS: Chromium reports the frame as not visible for a few milliseconds each time the
  // panel is expanded, and the alert flashed and was read out on every expand.
  useEffect(() => {
    const app = document.getElementById('app');
    const warning = document.getElementById('covered-warning');
    if (app) app.inert = covered;
    if (!warning) return undefined;
    warning.textContent = coveredText;
    if (!covered) {
      warning.hidden = true;
      return undefined;
    }
    const timer = setTimeout(() => (warning.hidden = false), COVERED_ALERT_MS);
    return () => clearTimeout(timer);
  }, [covered, coveredText]);

  const storeProblem = useStoreProblem();
  const choose = (id: Tab) => {
    rememberScroll(tab);
    setTab(id);
    setChoosing(false);
  };
  // A tab list as screen readers and keyboards expect it: one Tab stop (the chosen tab), arrow keys,
  // Home and End move between tabs and choose them; a count says what it counts.
  const onTabKey = (e: KeyboardEvent) => {
    const next = tabKeyTarget(e.key, order.indexOf(tab), order.length);
    if (next === undefined) return;
    e.preventDefault();
    const id = order[next]!;
    choose(id);
    document.getElementById(`tab-${id}`)?.focus();
  };
  const tabs = (counts: Partial<Record<Tab, number>>) => (
    <nav role="tablist" aria-label={t('panelSections')} onKeyDown={onTabKey}>
      {order.map((id) => (
        <button role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls="panel-main" tabIndex={tab === id ? 0 : -1} onClick={() => choose(id)} key={id}>
          {t(`tab_${id}`)}
          {counts[id] ? (
            <>
              <span class="tab-count" aria-hidden="true">
                {counts[id]}
              </span>
              <span class="sr-only">, {t(`tabCount_${id as 'turns' | 'prompts'}`, { n: counts[id] })}</span>
            </>
          ) : null}
        </button>
      ))}
    </nav>
  );

  // A store this version cannot open (written by a newer Vuoro): say so, and nothing else.
  if (storeProblem)
    return (
      <div class="panel">
        <div id="panel-main" class="panel-main" data-testid="store-problem">
          <ErrorText code={storeProblem} />
        </div>
      </div>
    );
  // The frame and its tabs draw at once; the workshop fills in when the background answers.
  if (active === undefined)
    return (
      <div class="panel" lang={lang}>
        {tabs({})}
        <div id="panel-main" class="panel-main" role="tabpanel" aria-labelledby={`tab-${tab}`} aria-busy="true">
          <p class="muted" data-testid="panel-loading">{t('panelLoading')}</p>
        </div>
      </div>
    );
  if (!active || choosing)
    return (
      <div class="panel">
        {tabs({})}
        <div id="panel-main" class="panel-main" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <StartView
            onDone={() => {
              setChoosing(false);
              reload();
            }}
          />
        </div>
      </div>
    );
  return (
    <ActivePanel
      key={active.workshop.id}
      active={active}
      stale={stale}
      site={siteHandle}
      tab={tab}
      tabs={tabs}
      feed={feed}
      talk={talk}
      quick={quick}
      sync={syncView}
      onChoose={() => setChoosing(true)}
    />
  );
}

interface ActiveProps {
  active: ActiveWorkshop;
  /** The last known workshop, drawn while the background's answer is on its way. */
  stale: boolean;
  site: SiteHandle;
  tab: Tab;
  tabs: (counts: Partial<Record<Tab, number>>) => preact.JSX.Element;
  feed: { current: (sample: SpeakerSample) => void };
  talk: { current: () => void };
  quick: { text: string; n: number };
  sync: SyncView;
  onChoose: () => void;
}

function ActivePanel({ active, stale, site, tab, tabs, feed, talk, quick, sync, onChoose }: ActiveProps) {
  const now = useNow(1000);
  const recording = recordsPeople(active.workshop, active.run);
  const live = useLive(active.workshop.id, recording);
  feed.current = live.feed;
  // The one people list the Turns, Prompts and Series tabs all count from.
  const people = peopleView({
    recorded: live.participants,
    onSite: site.state.participants,
    marked: live.live.facilitatorKeys,
    seriesFacilitators: live.seriesFacilitators,
    declined: live.live.notFacilitatorKeys ?? [],
    onSiteLive: site.state.capabilities.participants?.state === 'ok',
  });
  talk.current = () => {
    if (people.ownKey) live.toggleTalking(people.ownKey);
  };
  const prompts = usePrompts(active, live, site, people, now);
  const state = computeRunState(active.run, now);

  useEffect(() => {
    live.syncSite(site.state);
    live.syncRound(site.state.participants);
  }, [site.state.participants, site.state.hands, site.state.capabilities, recording]);

  return (
    <div class="panel" data-site={site.state.site} data-workshop={active.workshop.id}>
      {tabs({ prompts: prompts.surfaced.length, turns: live.live.queue.hands.length })}
      <div id="panel-main" class="panel-main" role="tabpanel" aria-labelledby={`tab-${tab}`} aria-busy={stale ? 'true' : undefined}>
        <LimitsNote limits={site.state.limits} peopleNotKept={live.peopleNotKept} />
        {tab !== 'run' && <SyncBadge view={sync} />}
        {tab === 'run' && (
          <>
            <ShareView workshopId={active.workshop.id} view={sync} />
            <RunView active={active} readOnly={!sync.mayRunTimer} />
            {!sync.sync.session && (
              <button class="linkish" onClick={onChoose}>
                {t('runChangeWorkshop')}
              </button>
            )}
          </>
        )}
        {tab === 'turns' && <TurnsView workshopId={active.workshop.id} startedAt={state.startedAtMs} live={live} site={site} people={people} recording={recording} />}
        {tab === 'prompts' && <PromptsView prompts={prompts} />}
        {tab === 'capture' && <CaptureView workshopId={active.workshop.id} site={site} quick={quick} />}
        {tab === 'series' && <SeriesView active={active} site={site} people={people} />}
      </div>
    </div>
  );
}
