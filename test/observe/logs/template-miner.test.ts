/**
 * TemplateMiner behaviour: merging, where Drain is weak, ids, snapshots and bad input.
 * Sample lines from Loghub (logpai/loghub, 2k sets: Proxifier, Linux, Hadoop, Zookeeper).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DRAIN_BASELINE_SETTINGS } from '../../../src/observe/logs/miner-config.js';
import { TemplateMiner } from '../../../src/observe/logs/template-miner.js';

function mineAll(lines: readonly string[], miner = new TemplateMiner()): { miner: TemplateMiner; ids: string[] } {
  return { miner, ids: lines.map((line) => miner.add(line)?.templateId ?? '') };
}

describe('TemplateMiner.add()', () => {
  it('groups messages that differ only in values and names the parameters <*>', () => {
    const { miner, ids } = mineAll([
      'Received block blk_3587508140051953248 of size 67108864 from /10.251.42.84',
      'Received block blk_-4411589101766563890 of size 91178 from /10.250.14.38',
    ]);
    assert.equal(ids[0], ids[1]);
    assert.equal(miner.template(ids[0] as string)?.template, 'Received block <*> of size <*> from <*>');
  });

  it('joins a message whose value spans a varying number of tokens (variable length)', () => {
    const { miner, ids } = mineAll([
      'proxy.example.com:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01',
      'proxy.example.com:5070 close, 1190 bytes (1.16 KB) sent, 1671 bytes (1.63 KB) received, lifetime 00:02',
      'proxy.example.com:5070 close, 451 bytes sent, 18846 bytes (18.4 KB) received, lifetime <1 sec',
    ]);
    assert.equal(new Set(ids).size, 1);
    assert.equal(miner.templates()[0]?.template, '<*>:<*> close, <*> bytes <*> sent, <*> bytes <*> received, lifetime <*>');
  });

  it('keeps apart messages of different length that differ in words, not values', () => {
    const { ids } = mineAll([
      'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4',
      'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4  user=root',
    ]);
    assert.notEqual(ids[0], ids[1]);
  });

  it('handles a parameter in the first position', () => {
    const { miner, ids } = mineAll([
      'attempt_1445144423722_0020_m_000000_0 TaskAttempt Transitioned from NEW to UNASSIGNED',
      'attempt_1445144423722_0020_m_000001_0 TaskAttempt Transitioned from NEW to UNASSIGNED',
    ]);
    assert.equal(ids[0], ids[1]);
    assert.equal(miner.template(ids[0] as string)?.template, '<*> TaskAttempt Transitioned from NEW to UNASSIGNED');
  });

  it('handles a parameter in the last position, including a word', () => {
    const { miner, ids } = mineAll(['session closed for user cyrus', 'session closed for user root', 'session closed for user news']);
    assert.equal(new Set(ids).size, 1);
    assert.equal(miner.template(ids[0] as string)?.template, 'session closed for user <*>');
  });

  it('does not merge messages that differ in an upper-case state (Drain does)', () => {
    const lines = [
      'attempt_1_m_0 TaskAttempt Transitioned from NEW to UNASSIGNED',
      'attempt_1_m_0 TaskAttempt Transitioned from ASSIGNED to RUNNING',
    ];
    assert.notEqual(mineAll(lines).ids[0], mineAll(lines).ids[1]);
    const drain = mineAll(lines, new TemplateMiner({ settings: DRAIN_BASELINE_SETTINGS }));
    assert.equal(drain.ids[0], drain.ids[1]);
  });

  it('does not merge messages whose key has a different word value', () => {
    const { ids } = mineAll(['updateClipping isOverlap:false, top=1', 'updateClipping isOverlap:true, top=2']);
    assert.notEqual(ids[0], ids[1]);
  });

  it('keeps a long run of parameters in one template', () => {
    const { ids } = mineAll([
      'Notification: 1 (n.leader), 0x0 (n.zxid), 0x1 (n.round), LOOKING (n.state), 1 (n.sid), 0x0 (n.peerEPoch)',
      'Notification: 3 (n.leader), 0x200000000 (n.zxid), 0x2 (n.round), LOOKING (n.state), 3 (n.sid), 0x1 (n.peerEPoch)',
    ]);
    assert.equal(ids[0], ids[1]);
  });

  it('keeps the id of a refined template and records the change', () => {
    const miner = new TemplateMiner();
    const first = miner.add('Changing view acls to: yarn');
    const second = miner.add('Changing view acls to: hdfs');
    assert.equal(first?.change, 'created');
    assert.equal(second?.change, 'refined');
    assert.equal(second?.templateId, first?.templateId);
    const info = miner.template(first?.templateId as string);
    assert.equal(info?.template, 'Changing view acls to: <*>');
    assert.deepEqual(info?.changes, [{ seq: 2, from: 'Changing view acls to: yarn', to: 'Changing view acls to: <*>' }]);
    assert.equal(miner.add('Changing view acls to: spark')?.change, 'matched');
  });

  it('gives the same ids to the same stream, whatever miner mines it', () => {
    const lines = ['Got assigned task 1', 'Running task 0.0 in stage 0.0 (TID 1)', 'Got assigned task 7'];
    assert.deepEqual(mineAll(lines).ids, mineAll(lines).ids);
    assert.match(mineAll(lines).ids[0] as string, /^t[0-9a-f]{8}$/);
  });

  it('skips blank lines with a count and cuts very long ones', () => {
    const miner = new TemplateMiner({ settings: { maxLineLength: 100 } });
    assert.equal(miner.add('   '), undefined);
    const long = miner.add(`start ${'x'.repeat(1_000_000)}`);
    assert.ok(long);
    assert.deepEqual({ empty: miner.stats.empty, truncated: miner.stats.truncated }, { empty: 1, truncated: 1 });
  });

  it('survives binary garbage and invalid UTF-16', () => {
    const miner = new TemplateMiner();
    const garbage = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536));
    assert.ok(miner.add(garbage));
    assert.ok(miner.add('\uD800 lone surrogate \uDFFF'));
  });

  it('evicts the least recently used template beyond maxTemplates', () => {
    const miner = new TemplateMiner({ settings: { maxTemplates: 2 } });
    const a = miner.add('alpha event happened')?.templateId as string;
    miner.add('beta thing started now');
    miner.add('alpha event happened');
    miner.add('gamma job finished here ok');
    assert.ok(miner.template(a));
    assert.equal(miner.templates().length, 2);
    assert.equal(miner.stats.evicted, 1);
  });
});

describe('TemplateMiner.match() and parameters()', () => {
  it('matches without learning', () => {
    const miner = new TemplateMiner();
    const id = miner.add('Got assigned task 1')?.templateId;
    assert.equal(miner.match('Got assigned task 99')?.templateId, id);
    assert.equal(miner.match('something else entirely'), undefined);
    assert.equal(miner.templates()[0]?.count, 1);
  });

  it('extracts the values of a message from the original text', () => {
    const miner = new TemplateMiner();
    miner.add('Received block blk_1 of size 67108864 from /10.251.42.84');
    const id = miner.add('Received block blk_-2 of size 91178 from /10.250.14.38')?.templateId as string;
    assert.deepEqual(miner.parameters(id, 'Received block blk_-2 of size 91178 from /10.250.14.38'), ['blk_-2', '91178', '/10.250.14.38']);
  });
});

describe('TemplateMiner snapshots', () => {
  const lines = ['Got assigned task 1', 'Got assigned task 2', 'Running task 0.0 in stage 0.0 (TID 1)', 'Slf4jLogger started'];

  it('round-trips through JSON: same templates, ids, counts and later behaviour', () => {
    const { miner } = mineAll(lines, new TemplateMiner({ masks: [{ name: 'tenant', pattern: 'tenant-[a-z]+' }] }));
    const restored = TemplateMiner.restore(JSON.parse(JSON.stringify(miner.snapshot())));
    assert.deepEqual(restored.templates(), miner.templates());
    assert.deepEqual(restored.snapshot(), miner.snapshot());
    assert.deepEqual(restored.add('Got assigned task 3'), miner.add('Got assigned task 3'));
    assert.deepEqual(restored.add('new tenant-acme event'), miner.add('new tenant-acme event'));
  });

  it('rejects a corrupt snapshot with the reason', () => {
    const good = mineAll(lines).miner.snapshot();
    assert.throws(() => TemplateMiner.restore({ ...good, version: 99 }), /snapshot rejected at version/);
    assert.throws(() => TemplateMiner.restore({ ...good, templates: [{ id: 'x' }] }), /snapshot rejected at templates\.0/);
    const dup = { ...good, templates: [good.templates[0], good.templates[0]] };
    assert.throws(() => TemplateMiner.restore(dup), /duplicate template id/);
    assert.throws(() => TemplateMiner.restore('not json at all'), RangeError);
  });
});
