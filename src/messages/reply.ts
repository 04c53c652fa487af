// What every request answers: a value, or an error code the UI shows in the user's language.
// Free of browser APIs, so handlers and pure code can use it anywhere.

export interface Failure {
  ok: false;
  error: { code: string; params?: Record<string, string | number> };
}
export type Reply<T> = { ok: true; value: T } | Failure;

export function fail(code: string, params?: Record<string, string | number>): Failure {
  return { ok: false, error: params ? { code, params } : { code } };
}

export const ok = <T>(value: T): Reply<T> => ({ ok: true, value });
