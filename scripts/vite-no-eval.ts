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

// docx (the Word export, lazy-loaded) ships a bundle with Node polyfills that build functions from
// strings: function-bind's fallback for a missing Function.prototype.bind, get-intrinsic's and
// is-generator-function's feature probes (both inside try/catch), and setImmediate's string
// callback; get-intrinsic also lists the global `eval` as %eval%. None of them can run under the extension pages' CSP, and none is reached in a browser
// that has bind and generators; each call becomes a stand-in that throws, as an eval would here.
// `var $Function = Function` stays: get-intrinsic reads %Function.prototype% through it.

const DOCX_DIST = /[\\/]docx[\\/]dist[\\/]index\.mjs$/;
const NO_EVAL = '__vuoroNoEval';
const NO_EVAL_DECL = `var ${NO_EVAL} = function () { throw new EvalError("Vuoro is built without eval"); };\n`;
const DOCX_EVAL_INTRINSIC = /("%eval%":\s*)eval\b/g;
const DOCX_CONSTRUCTS = /\bnew Function\s*\(|(?<![.\w$])\$?Function\s*\((?=\s*["'`])/g;

export function docxNoEval(code: string, id: string): string | undefined {
  if (!DOCX_DIST.test(id)) return undefined;
  const next = code.replace(DOCX_CONSTRUCTS, `${NO_EVAL}(`).replace(DOCX_EVAL_INTRINSIC, `$1${NO_EVAL}`);
  return next === code ? undefined : NO_EVAL_DECL + next;
}

export function noEvalPlugin(): Plugin {
  return { name: 'vuoro-no-eval', enforce: 'pre', transform: (code, id) => zodJitless(code, id) ?? docxNoEval(code, id) };
}
