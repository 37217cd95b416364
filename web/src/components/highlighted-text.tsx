import type { SnippetPart } from '../types.js';

/**
 * A search snippet as text and <mark> nodes. The server sends matches as data (parts), never as
 * markup, and React escapes every part, so a log body holding "<img onerror=…>" stays text.
 */
export function HighlightedText({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
