import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { RenderOptions } from './format';
import type { Lang } from './labels';
import type { WorkshopExport } from './model';
import { outlineSteps, type Block, type Outline, type Run } from './outline';
import { runStepsAsync } from './progress';

// The summary as a Word document, for readers in organisations that work in Word. The same outline
// as Markdown and HTML; text goes in as text runs (the library writes it as escaped XML), headings
// use Word's own heading styles so the navigation pane and a table of contents find them, and the
// two tables are real tables with a repeating header row. This module pulls in the docx library,
// so it is only ever imported dynamically, on the export path.

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Characters XML 1.0 cannot hold at all (Word refuses the file), and unpaired surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (text: string) => text.replace(NOT_XML, '');

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const LANG_TAG: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB' };

export async function renderDocx(doc: WorkshopExport, lang: Lang, opts: RenderOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const outline = await runStepsAsync(outlineSteps(doc, lang, opts), opts.onProgress);
  return new Uint8Array(await Packer.toArrayBuffer(wordDocument(outline)));
}

/**
 * Word's numbered lists: one numbering definition per first number the outline's lists count from
 * ("numbered-1", "numbered-3"), and one instance of it per list, so each list counts from its own
 * first number rather than on from the list before.
 */
function numberedLists(outline: Outline) {
  const starts = [...new Set(outline.blocks.flatMap((block) => (block.type === 'list' && block.start !== undefined ? [block.start] : [])))];
  let instance = 0;
  return {
    config: starts.map((start) => ({
      reference: `numbered-${start}`,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', start, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
    })),
    next: (start: number) => ({ reference: `numbered-${start}`, level: 0, instance: ++instance }),
  };
}

type Numbering = ReturnType<typeof numberedLists>;

function wordDocument(outline: Outline): Document {
  const children: (Paragraph | Table)[] = [];
  const numbering = numberedLists(outline);
  for (const block of outline.blocks) children.push(...renderBlock(block, numbering));
  children.push(new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: xmlSafe(outline.footer), color: '666666', size: 18 })] }));
  return new Document({
    title: xmlSafe(outline.title),
    creator: 'Vuoro',
    // The docx library's default is "Un-named", which Word shows in the file's properties.
    lastModifiedBy: 'Vuoro',
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: LANG_TAG[outline.lang] } } } } },
    numbering: { config: numbering.config },
    sections: [{ children }],
  });
}

function renderBlock(block: Block, numbering: Numbering): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: textRuns({ text: block.text }) })];
    case 'paragraph':
      return [new Paragraph({ children: block.runs.flatMap(textRuns) })];
    case 'list': {
      if (block.start === undefined) return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: item.flatMap(textRuns) }));
      const list = numbering.next(block.start);
      return block.items.map((item) => new Paragraph({ numbering: list, children: item.flatMap(textRuns) }));
    }
    case 'facts':
      return block.items.map((f) => new Paragraph({ children: [new TextRun({ text: `${xmlSafe(f.label)}: `, bold: true }), ...textRuns({ text: f.value })] }));
    case 'table':
      return [table(block)];
  }
}

function table(block: Extract<Block, { type: 'table' }>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const row = (cells: string[], header: boolean, strong: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text, i) =>
          new TableCell({
            borders: { top: border, bottom: border, left: border, right: border },
            children: [
              new Paragraph({
                alignment: block.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: textRuns({ text, strong: header || strong }),
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(block.head, true, false), ...block.rows.map((r) => row(r, false, false)), ...(block.foot ? [row(block.foot, false, true)] : [])],
  });
}

/** One run per line of the text, with a line break (not a new paragraph) between lines. */
function textRuns(run: Run): ParagraphChild[] {
  const lines = xmlSafe(run.text).split(/\r\n|\r|\n/);
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        ...(i > 0 ? { break: 1 } : {}),
        ...(run.strong ? { bold: true } : {}),
        ...(run.meta ? { color: '555555' } : {}),
      }),
  );
}
