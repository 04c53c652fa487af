import { Window } from 'happy-dom';
import { expect } from 'vitest';
import { unzip } from './unzip';

// Opens a produced .docx as Word would: unzip, parse word/document.xml, read headings,
// paragraphs and tables.


interface WordDoc {
  paragraphs: { style?: string; text: string }[];
  tables: string[][][];
  text: string;
}

const decode = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** The text of a piece of WordprocessingML: its text runs, with line breaks. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1]!))).join('');
}

export function readDocx(bytes: Uint8Array): WordDoc {
  const files = unzip(bytes);
  expect(files.get('[Content_Types].xml')?.toString('utf8')).toContain('wordprocessingml.document.main+xml');
  const xml = files.get('word/document.xml')!.toString('utf8');
  // Well-formed XML: an XML parser reads it without error.
  const window = new Window();
  const parsed = new window.DOMParser().parseFromString(xml, 'application/xml');
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
  window.close();
  const body = xml.slice(xml.indexOf('<w:body>') + 8, xml.lastIndexOf('</w:body>'));
  const paragraphs: WordDoc['paragraphs'] = [];
  const tables: string[][][] = [];
  // Top-level blocks in order: tables (which hold paragraphs of their own) and paragraphs.
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g)) {
    const block = m[0];
    if (block.startsWith('<w:tbl>')) {
      tables.push([...block.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))));
    } else {
      const style = block.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1];
      paragraphs.push({ ...(style ? { style } : {}), text: textOf(block) });
    }
  }
  return { paragraphs, tables, text: textOf(body) };
}

