import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseInline, parseMarkdown } from '../../web/src/markdown-blocks.js';

describe('parseMarkdown()', () => {
  it('reads the blocks a postmortem draft uses', () => {
    const blocks = parseMarkdown(['# Postmortem: x', '', '| | |', '|---|---|', '| Incident | inc_1 |', '', '## Summary', 'line one', 'line two', '', '- a', '- [ ] task', '- [x] done', '1. **payment** first'].join('\n'));
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['heading', 'table', 'heading', 'paragraph', 'list', 'list'],
    );
    // The empty header row and the rule under it carry nothing and are dropped.
    assert.deepEqual(blocks[1], { kind: 'table', rows: [[[{ kind: 'text', text: 'Incident' }], [{ kind: 'text', text: 'inc_1' }]]] });
    assert.deepEqual(blocks[3], { kind: 'paragraph', inline: [{ kind: 'text', text: 'line one line two' }] });
    const bullets = blocks[4];
    assert.ok(bullets?.kind === 'list' && !bullets.ordered);
    assert.deepEqual(bullets.items.map((i) => i.checked), [undefined, false, true]);
    const numbered = blocks[5];
    assert.ok(numbered?.kind === 'list' && numbered.ordered);
    assert.deepEqual(numbered.items[0]?.inline, [{ kind: 'strong', text: 'payment' }, { kind: 'text', text: ' first' }]);
  });

  it('keeps markup as text: the preview never renders HTML', () => {
    assert.deepEqual(parseMarkdown('<img src=x onerror=alert(1)>'), [{ kind: 'paragraph', inline: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('parseInline()', () => {
  it('marks bold, emphasis and code, but not underscores inside words', () => {
    assert.deepEqual(parseInline('_What happened_ in `svc_a` at **10:00** for snake_case_name'), [
      { kind: 'em', text: 'What happened' },
      { kind: 'text', text: ' in ' },
      { kind: 'code', text: 'svc_a' },
      { kind: 'text', text: ' at ' },
      { kind: 'strong', text: '10:00' },
      { kind: 'text', text: ' for snake_case_name' },
    ]);
  });
});
