import type { Plugin } from 'vite';

// zod compiles fast parsers with `new Function` when it may, and probes whether it may by calling
// it. Extension pages forbid eval (the manifest's CSP), so that code can only fail, and a reviewer
// (web-ext lint, a store audit) cannot tell that from code that evals. This plugin builds zod
// jitless: its global config starts with `jitless: true` (no probe at run time) and each
// `const F = Function` is replaced by a stand-in that throws, so no Function constructor ships.

const ZOD_CORE = /[\\/]zod[\\/]v4[\\/]core[\\/][^\\/]+\.js$/;
const CONFIG_INIT = '(_a.__zod_globalConfig = {})';
const FUNCTION_CONSTRUCTOR = /const F = Function;/g;
const STAND_IN = 'const F = function () { throw new EvalError("zod is built jitless"); };';

export function zodJitless(code: string, id: string): string | undefined {
  if (!ZOD_CORE.test(id)) return undefined;
  const next = code.replace(CONFIG_INIT, '(_a.__zod_globalConfig = { jitless: true })').replace(FUNCTION_CONSTRUCTOR, STAND_IN);
  return next === code ? undefined : next;
}

export function zodJitlessPlugin(): Plugin {
  return { name: 'vuoro-zod-jitless', enforce: 'pre', transform: (code, id) => zodJitless(code, id) };
}
