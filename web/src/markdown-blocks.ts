/**
 * Just enough markdown for a postmortem preview: headings, paragraphs, bullet, task and
 * numbered lists, tables, and **bold**, _emphasis_ and `code` inline. The result is data, not
 * HTML: the component renders it through React, so nothing in the text can inject markup.
 */

export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inline: Inline[] }
  | { kind: 'paragraph'; inline: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Array<{ checked?: boolean; inline: Inline[] }> }
  | { kind: 'table'; rows: Inline[][][] };

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|(?<![\p{L}\p{N}])_[^_]+_(?![\p{L}\p{N}]))/u;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  for (const piece of text.split(INLINE)) {
    if (!piece) continue;
    if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 4) parts.push({ kind: 'strong', text: piece.slice(2, -2) });
    else if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 2) parts.push({ kind: 'code', text: piece.slice(1, -1) });
    else if (piece.startsWith('_') && piece.endsWith('_') && piece.length > 2) parts.push({ kind: 'em', text: piece.slice(1, -1) });
    else parts.push({ kind: 'text', text: piece });
  }
  return parts;
}

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inline: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(\[( |x)\]\s+)?(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    const last = blocks.at(-1);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length as 1 | 2 | 3, inline: parseInline(heading[2] as string) });
    } else if (bullet || numbered) {
      flush();
      const ordered = !bullet;
      const item = bullet
        ? { ...(bullet[1] ? { checked: bullet[2] === 'x' } : {}), inline: parseInline(bullet[3] as string) }
        : { inline: parseInline((numbered as RegExpExecArray)[1] as string) };
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
      else blocks.push({ kind: 'list', ordered, items: [item] });
    } else if (line.trim().startsWith('|')) {
      flush();
      // The |---|---| rule under a header row carries no content.
      if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) continue;
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => parseInline(cell.trim()));
      if (last?.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
