import { parseMarkdown, type Inline } from '../markdown-blocks.js';

function InlineText({ parts }: { parts: readonly Inline[] }) {
  return (
    <>
      {parts.map((part, index) => {
        switch (part.kind) {
          case 'strong':
            return <strong key={index}>{part.text}</strong>;
          case 'em':
            return <em key={index}>{part.text}</em>;
          case 'code':
            return <code key={index}>{part.text}</code>;
          default:
            return <span key={index}>{part.text}</span>;
        }
      })}
    </>
  );
}

export function MarkdownPreview({ markdown }: { markdown: string }) {
  return (
    <div className="markdown-preview" data-testid="postmortem-preview">
      {parseMarkdown(markdown).map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Heading = `h${block.level + 1}` as 'h2' | 'h3' | 'h4';
            return (
              <Heading key={index}>
                <InlineText parts={block.inline} />
              </Heading>
            );
          }
          case 'paragraph':
            return (
              <p key={index}>
                <InlineText parts={block.inline} />
              </p>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={index}>
                {block.items.map((item, i) => (
                  <li key={i}>
                    {item.checked !== undefined ? <input type="checkbox" checked={item.checked} readOnly /> : null} <InlineText parts={item.inline} />
                  </li>
                ))}
              </List>
            );
          }
          case 'table':
            return (
              <table key={index} className="table">
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c}>
                          <InlineText parts={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </div>
  );
}
