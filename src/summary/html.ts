import { escapeHtml } from './escape';
import type { RenderOptions } from './format';
import type { Lang } from './labels';
import type { WorkshopExport } from './model';
import { outlineSteps, type Block, type Run } from './outline';
import { runSteps, type RenderSteps } from './progress';

// A standalone printable document: opened from a file or a blob URL and printed to PDF. No scripts
// and no outside resources, and the CSP says so, in case untrusted text ever slipped past escapeHtml.

export const SUMMARY_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: .95rem; margin: .8rem 0 .3rem; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
ul, ol { padding-left: 1.3rem; }
li { margin: .15rem 0; }
.meta { color: #555; font-size: .9em; }
.theme { font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.map td { white-space: pre-line; width: 40%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; }
footer { margin-top: 2rem; color: #666; font-size: .85em; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

export function renderHtml(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(htmlSteps(doc, lang, opts), opts.onProgress);
}

export function* htmlSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): RenderSteps {
  const outline = yield* outlineSteps(doc, lang, opts);
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${SUMMARY_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(outline.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ];
  for (const block of outline.blocks) out.push(renderBlock(block));
  out.push('</main>', `<footer>${escapeHtml(outline.footer)}</footer>`, '</body>', '</html>', '');
  return out.join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${runs(block.runs)}</p>`;
    case 'list':
      if (block.start !== undefined) {
        const start = block.start === 1 ? '' : ` start="${block.start}"`;
        return `<ol${start}>\n${block.items.map((item) => `<li>${runs(item)}</li>`).join('\n')}\n</ol>`;
      }
      return `<ul>\n${block.items.map((item) => `<li>${runs(item)}</li>`).join('\n')}\n</ul>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'table': {
      const cell = (tag: 'th' | 'td', text: string, i: number, scope?: string) =>
        `<${tag}${scope ? ` scope="${scope}"` : ''}${block.numeric[i] ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
      // The phase (agenda) or the person (speakers) names each row.
      const rowHeader = block.role === 'agenda' || block.role === 'vote' ? 1 : 0;
      const row = (cells: string[]) => `<tr>${cells.map((c, i) => (i === rowHeader ? cell('th', c, i, 'row') : cell('td', c, i))).join('')}</tr>`;
      return [
        `<table class="${block.role}">`,
        `<thead><tr>${block.head.map((h, i) => cell('th', h, i, 'col')).join('')}</tr></thead>`,
        `<tbody>\n${block.rows.map(row).join('\n')}\n</tbody>`,
        ...(block.foot ? [`<tfoot>${row(block.foot)}</tfoot>`] : []),
        '</table>',
      ].join('\n');
    }
  }
}

function runs(list: Run[]): string {
  return list
    .map((run) => {
      const text = `<span class="text">${escapeHtml(run.text)}</span>`;
      return run.strong ? `<strong>${text}</strong>` : run.meta ? `<span class="meta">${text}</span>` : text;
    })
    .join('');
}
