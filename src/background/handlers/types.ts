import type { CallerInfo, Payload, ReplyOf, RequestType } from '../../messages/protocol';
import type { Reply } from '../../messages/reply';

// A handler gets a validated payload from a caller the router has already admitted
// (src/background/router.ts), and answers with the reply type its protocol row names.

export interface Context {
  caller: CallerInfo;
}

export type Handler<K extends RequestType> = (payload: Payload<K>, context: Context) => Promise<Reply<ReplyOf<K>>>;
export type Handlers = { [K in RequestType]: Handler<K> };
