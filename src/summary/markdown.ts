import { escapeMarkdown } from './escape';
import type { RenderOptions } from './format';
import type { Lang } from './labels';
import type { WorkshopExport } from './model';
import { outlineSteps, type Block, type Run } from './outline';
import { runSteps, type RenderSteps } from './progress';

// The summary as CommonMark (GFM tables). Every piece of text is escaped for where it stands
// (escapeMarkdown's context), so it renders as written and nothing else.

export function renderMarkdown(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): string {
  return runSteps(markdownSteps(doc, lang, opts), opts.onProgress);
}

export function* markdownSteps(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): RenderSteps {
  const outline = yield* outlineSteps(doc, lang, opts);
  const out: string[] = [];
  // Two lists in a row with the same marker are one list to CommonMark (the empty line between
  // them only makes it loose): the second takes the other marker, as CommonMark's spec advises.
  let lastList: { ordered: boolean; otherMarker: boolean } | undefined;
  for (const block of outline.blocks) {
    const ordered = block.type === 'list' && block.start !== undefined;
    const otherMarker = block.type === 'list' && lastList?.ordered === ordered && !lastList.otherMarker;
    out.push(renderBlock(block, otherMarker), '');
    lastList = block.type === 'list' ? { ordered, otherMarker } : undefined;
  }
  out.push('---', '', `*${escapeMarkdown(outline.footer, 'inline')}*`, '');
  return out.join('\n');
}

function renderBlock(block: Block, otherMarker = false): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text, 'heading')}`;
    case 'paragraph':
      return runs(block.runs, '');
    case 'list':
      if (block.start !== undefined) {
        // CommonMark counts on from the first item's number; each item's continuation lines are
        // indented by its own marker's width.
        const first = block.start;
        const marker = (i: number) => `${first + i}${otherMarker ? ')' : '.'} `;
        return block.items.map((item, i) => `${marker(i)}${runs(item, ' '.repeat(marker(i).length))}`).join('\n');
      }
      return block.items.map((item) => `${otherMarker ? '*' : '-'} ${runs(item, '  ')}`).join('\n');
    case 'facts':
      return block.items.map((f) => `- **${escapeMarkdown(f.label, 'inline')}:** ${escapeMarkdown(f.value, 'inline')}`).join('\n');
    case 'table': {
      // A map field holds one note per line: each line is escaped alone, and the lines joined with
      // <br>, the only line break a GFM table cell has.
      const cellText = (c: string) => c.split('\n').map((line) => escapeMarkdown(line, 'cell')).join('<br>');
      const row = (cells: string[], strong = false) => `| ${cells.map((c) => (c && strong ? `**${cellText(c)}**` : cellText(c))).join(' | ')} |`;
      return [
        row(block.head),
        `| ${block.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
        ...block.rows.map((r) => row(r)),
        ...(block.foot ? [row(block.foot, true)] : []),
      ].join('\n');
    }
  }
}

/**
 * Runs as one Markdown paragraph: line breaks in the text become hard breaks, continuation lines
 * get the list item's indent, empty lines are dropped (they would end the paragraph).
 */
function runs(list: Run[], indent: string): string {
  let out = '';
  for (const run of list) {
    const lines = run.text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const atStart = out === '';
    const escaped = lines.map((line, i) => escapeMarkdown(line, i === 0 && !atStart ? 'inline' : 'start')).join(`\\\n${indent}`);
    if (run.strong) out += `**${escaped}**${/\s$/.test(run.text) ? ' ' : ''}`;
    else if (run.meta) out += `${/^\s/.test(run.text) ? ' ' : ''}*${escaped}*`;
    else out += escaped;
  }
  return out;
}
