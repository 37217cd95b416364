/** Built-in masks, one kind at a time, plus user masks. Sample lines from Loghub (logpai/loghub, 2k sets). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MaskScanner } from '../../../src/observe/logs/mask-scanner.js';
import { BUILTIN_MASKS, maskContent } from '../../../src/observe/logs/masks.js';
import { TemplateMiner } from '../../../src/observe/logs/template-miner.js';

/**
 * The built-ins as the regular-expression chain and as the scanner the miner runs: every case
 * must come out the same both ways.
 */
function mask(line: string): string {
  const chain = maskContent(line, BUILTIN_MASKS);
  const scanned = new MaskScanner().maskLine(line, 256);
  assert.equal(scanned, chain.split(/\s+/).filter(Boolean).join(' '), `scanner and regex chain differ on ${JSON.stringify(line)}`);
  return chain;
}

describe('maskContent() and MaskScanner with the built-in masks', () => {
  it('masks IPv4 addresses, with the port kept apart and a leading slash absorbed', () => {
    assert.equal(mask('Accepted socket connection from /10.10.34.11:37516'), 'Accepted socket connection from <*>:<*>');
    assert.equal(mask('Received SNMP packet(s) from 67.170.148.126'), 'Received SNMP packet(s) from <*>');
  });
  it('masks host:port', () => {
    assert.equal(mask('proxy.cse.cuhk.edu.hk:5070 open through proxy socks.example.com:1080 HTTPS'), '<*>:<*> open through proxy <*>:<*> HTTPS');
    assert.equal(mask('Retrying connect to server: msra-sa-41:8030.'), 'Retrying connect to server: <*>:<*>.');
  });
  it('masks numbers, decimals and negative numbers', () => {
    assert.equal(mask('Running task 0.0 in stage 1.0 (TID 42)'), 'Running task <*> in stage <*> (TID <*>)');
    assert.equal(mask('headroom=<memory:10240, vCores:-17>'), 'headroom=<memory:<*>, vCores:<*>>');
  });
  it('masks hex values, with or without 0x', () => {
    assert.equal(mask('CE sym 2, at 0x0b85eee0, mask 0x05'), 'CE sym <*>, at <*>, mask <*>');
    assert.equal(mask('iar 003a90fc dear 00b360e8'), 'iar <*> dear <*>');
  });
  it('masks UUIDs', () => {
    assert.equal(mask('job 123e4567-e89b-12d3-a456-426614174000 done'), 'job <*> done');
  });
  it('masks paths, Unix and Windows', () => {
    assert.equal(mask('Deleting block file /mnt/hadoop/dfs/data/current/subdir5/blk_1781'), 'Deleting block file <*>');
    assert.equal(mask(String.raw`open C:\Windows\system32\drv.sys failed`), 'open <*> failed');
  });
  it('masks URLs but keeps the scheme', () => {
    assert.equal(mask('Input split: hdfs://10.10.34.11:9000/pjhe/logs/2kSOSP.log:21876+7292'), 'Input split: hdfs://<*>');
  });
  it('masks e-mail addresses', () => {
    assert.equal(mask('mail sent to ops.team+pager@example.org ok'), 'mail sent to <*> ok');
  });
  it('masks timestamps, ISO and syslog, keeping the colons of the time', () => {
    assert.equal(mask('connection from 1.2.3.4 at Fri Jun 17 07:07:00 2005'), 'connection from <*> at <*>:<*>:<*>');
    assert.equal(mask('started 2015-10-18T18:01:51.791Z'), 'started <*>:<*>:<*>');
  });
  it('masks the values of key=value pairs that hold digits, not words', () => {
    assert.equal(mask('acquire lock=233570404, flags=0x1, ws=null'), 'acquire lock=<*>, flags=<*>, ws=null');
    assert.equal(mask('vis=40000500 mask=ffffffff state=ok'), 'vis=<*> mask=ffffffff state=ok');
  });
  it('treats identifiers that mix letters and digits as one value, short names excepted', () => {
    assert.equal(mask('PacketResponder 1 for block blk_-6952295868487656571 terminating'), 'PacketResponder <*> for block <*> terminating');
    assert.equal(mask('Found block rdd_2_0 locally'), 'Found block <*> locally');
    assert.equal(mask('3 L3 EDRAM error(s) open through SOCKS5'), '<*> L3 EDRAM error(s) open through SOCKS5');
  });
  it('keeps sizes and short durations with their unit as one value', () => {
    assert.equal(mask('estimated size 5.2 KB, free 14.0 KB'), 'estimated size <*>, free <*>');
    assert.equal(mask('timeout of 10000ms exceeded, lifetime <1 sec'), 'timeout of <*> exceeded, lifetime <*>');
  });
});

describe('TemplateMiner user masks', () => {
  it('applies a user mask after the built-ins', () => {
    const miner = new TemplateMiner({ masks: [{ name: 'tenant', pattern: 'tenant-[a-z]+' }] });
    assert.equal(miner.add('request for tenant-acme accepted')?.template, 'request for <*> accepted');
  });
  it('lets a user mask replace a built-in of the same name', () => {
    const miner = new TemplateMiner({ masks: [{ name: 'path', pattern: '^$', replacement: '' }] });
    assert.deepEqual(miner.tokens('reading /var/log/app'), ['reading', '/var/log/app']);
  });
  it('rejects a mask whose pattern does not compile, naming it', () => {
    assert.throws(() => new TemplateMiner({ masks: [{ name: 'broken', pattern: '([a-z' }] }), /mask broken: invalid pattern/);
  });
});
