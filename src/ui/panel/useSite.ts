import browser from 'webextension-polyfill';
import { useEffect, useRef, useState } from 'preact/hooks';
import { listen, sendToTab } from '../../messages/bus';
import { SelectionResult, SiteToPanel, type Capability, type CapabilityStatus, type SelectionItem } from '../../messages/site';

// What the page of this tab shows, as the content script's adapter reads it. Messages are taken
// only from this tab's own content script (the same runtime broadcast reaches every panel).

export interface SiteParticipant {
  key: string;
  name: string;
  self?: boolean;
  host?: boolean;
}
export interface SiteChatLine {
  key: string;
  author: string;
  text: string;
  at?: string;
}
export interface SiteState {
  tabId: number | undefined;
  site: string;
  kind: 'meeting' | 'whiteboard' | 'other';
  capabilities: Partial<Record<Capability, CapabilityStatus>>;
  participants: SiteParticipant[];
  hands: { key: string; name: string; order?: number }[];
  chat: SiteChatLine[];
}

const CHAT_KEEP = 200;

export interface SiteHandle {
  state: SiteState;
  readSelection(): Promise<SelectionItem[] | null>;
}

export function useSite(site: string, onSpeaking: (sample: { at: number; keys: string[] }) => void, onQuickCapture: (selection?: string) => void): SiteHandle {
  const [state, setState] = useState<SiteState>({ tabId: undefined, site, kind: 'other', capabilities: {}, participants: [], hands: [], chat: [] });
  const handlers = useRef({ onSpeaking, onQuickCapture });
  handlers.current = { onSpeaking, onQuickCapture };

  useEffect(() => {
    let stop = () => {};
    let live = true;
    void browser.tabs.getCurrent().then((tab) => {
      if (!live || tab?.id === undefined) return;
      const tabId = tab.id;
      setState((s) => ({ ...s, tabId }));
      stop = listen<SiteToPanel>(
        'panel',
        SiteToPanel,
        (message) => {
          switch (message.type) {
            case 'site/status':
              setState((s) => ({ ...s, site: message.site, kind: message.kind, capabilities: message.capabilities }));
              break;
            case 'site/participants':
              setState((s) => ({ ...s, participants: message.participants }));
              break;
            case 'site/hands':
              setState((s) => ({ ...s, hands: message.hands }));
              break;
            case 'site/chat': {
              setState((s) => {
                const seen = new Set(s.chat.map((c) => c.key));
                const fresh = message.messages.filter((m) => !seen.has(m.key));
                return fresh.length ? { ...s, chat: [...s.chat, ...fresh].slice(-CHAT_KEEP) } : s;
              });
              break;
            }
            case 'site/speaking':
              handlers.current.onSpeaking({ at: message.at, keys: message.keys });
              break;
            case 'capture/open-quick':
              handlers.current.onQuickCapture(message.selectionText);
              break;
            case 'panel/placement':
              break;
          }
          return undefined;
        },
        (sender) => sender.tab?.id === tabId && sender.frameId === 0,
      );
      void sendToTab(tabId, { to: 'content', type: 'site/resend' });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  return {
    state,
    async readSelection() {
      if (state.tabId === undefined) return null;
      const reply = await sendToTab<unknown>(state.tabId, { to: 'content', type: 'site/read-selection' });
      if (!reply.ok) return null;
      const parsed = SelectionResult.safeParse(reply.value);
      return parsed.success ? parsed.data.items : null;
    },
  };
}
