import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, onPush, onReconnect } from '../shared/backend';
import {
  SelectionResult,
  SiteToPanel,
  type Capability,
  type CapabilityStatus,
  type ChatMessage,
  type HandRaise,
  type Participant,
  type SelectionItem,
  type SiteKind,
} from '../../messages/site';

// What the page of this tab shows, as the content script's adapter reads it. The background relays
// the signals of this tab's content script only, down the panel's port.

/** A participant or chat line as the site reports it (defined once in src/messages/site.ts). */
export type SiteParticipant = Participant;
export type SiteChatLine = ChatMessage;
export interface SiteState {
  site: string;
  kind: SiteKind;
  capabilities: Partial<Record<Capability, CapabilityStatus>>;
  participants: SiteParticipant[];
  hands: HandRaise[];
  chat: SiteChatLine[];
  /** Something of the page covers the panel (src/content/panelHost.ts). */
  covered: boolean;
  /** What the site script left out (src/content/signalGate.ts). */
  limits?: SiteLimits;
}
export interface SiteLimits {
  chatDropped: number;
  participantsDropped: number;
  transientNames: number;
  changesPerSecond: number;
}

const CHAT_KEEP = 200;

/** Asks this tab's content script, through the background (a panel frame has no tabs API in Firefox). */
function toContent<T>(message: { to: 'content'; type: string }) {
  return ask('tab/forward', { message });
}

export interface SiteHandle {
  state: SiteState;
  readSelection(): Promise<SelectionItem[] | null>;
}

export function useSite(
  site: string,
  onSpeaking: (sample: { at: number; keys: string[] }) => void,
  onQuickCapture: (selection?: string) => void,
  onTalkingToggle: () => void = () => undefined,
): SiteHandle {
  const [state, setState] = useState<SiteState>({ site, kind: 'other', capabilities: {}, participants: [], hands: [], chat: [], covered: false });
  const handlers = useRef({ onSpeaking, onQuickCapture, onTalkingToggle });
  handlers.current = { onSpeaking, onQuickCapture, onTalkingToggle };

  useEffect(() => {
    const stop = onPush((raw) => {
      const parsed = SiteToPanel.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
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
        case 'site/chat':
          setState((s) => {
            const seen = new Set(s.chat.map((c) => c.key));
            const fresh = message.messages.filter((m) => !seen.has(m.key));
            return fresh.length ? { ...s, chat: [...s.chat, ...fresh].slice(-CHAT_KEEP) } : s;
          });
          break;
        case 'site/limits':
          setState((s) => ({ ...s, limits: message.limits }));
          break;
        case 'site/speaking':
          handlers.current.onSpeaking({ at: message.at, keys: message.keys });
          break;
        case 'capture/open-quick':
          handlers.current.onQuickCapture(message.selectionText);
          break;
        case 'talking/toggle':
          handlers.current.onTalkingToggle();
          break;
        case 'panel/placement':
          break;
        case 'panel/covered':
          setState((s) => ({ ...s, covered: message.covered }));
          break;
      }
    });
    const resend = () => void toContent({ to: 'content', type: 'site/resend' });
    const stopReconnect = onReconnect(resend);
    resend();
    return () => {
      stop();
      stopReconnect();
    };
  }, []);

  return {
    state,
    async readSelection() {
      const reply = await toContent<unknown>({ to: 'content', type: 'site/read-selection' });
      if (!reply.ok) return null;
      const parsed = SelectionResult.safeParse(reply.value);
      return parsed.success ? parsed.data.items : null;
    },
  };
}
