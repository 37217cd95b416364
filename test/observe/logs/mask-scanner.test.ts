/**
 * MaskScanner, the miner's single-pass form of the built-in masks: it must give what the
 * regular-expression chain (masks.ts) gives, on edge cases of every mask and on random lines
 * made of the characters the masks care about; its shape memo must never hand one value's
 * text to another.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MaskScanner } from '../../../src/observe/logs/mask-scanner.js';
import { BUILTIN_MASKS, maskContent } from '../../../src/observe/logs/masks.js';
import { tokenize } from '../../../src/observe/logs/tokens.js';

const chain = (line: string, maxTokens = 256): string => tokenize(maskContent(line, BUILTIN_MASKS), maxTokens).join(' ');

describe('MaskScanner.maskLine()', () => {
  it('agrees with the regex chain on the edge cases of each mask', () => {
    const lines = [
      '300.1.1.1 1.2.3.4.5 /1.2.3.4 (/1.2.3.4) x/1.2.3.4 255.255.255.255:65535 256.1.1.1',
      'a.com. a.com._x a_b.com x.edu.hk x.co.uk A.COM tcpconn6.tencent.com:443 (host8.topspot.net)',
      'deadbeef-dead-beef-dead-beefdeadbeef 0x1fg 0X12 12345678 abcdef12 abcdef12g',
      '-5 +5 a-5 a+5 1.5s 10msx 2 KiB 3 MiBs 4 B, 5B (1.16 KB) 5 Bytes 3 seconds',
      '<5 s ~3ms >4.5 sec x <1sec',
      'time=08:16:53 [08:16:53] 123:45:67 1:22:33.5x 2015-10-18 18:01:51,791 +0200 Jun  7 01:02:03 2005]',
      'a=b=1 x.y-z=1 _k=v1 =5 k= (uid=0) key=<*>1 ready=true,policy=3,wakefulness=1',
      '\ttab\tseparated 5\tKB 5  KB',
      ' 5 KB leading',
      '<1 sec first',
      '/a//b /a/b/ x/y //z /tmp/x.log: (/var/log) C:\\Windows\\x.sys',
      'user@host root@10.0.0.1 a@b@c.com x@y.c-',
      'http://a.b/c?d=1&e=2, (https://x.y/z) xhttp://q a_b://c ftp:// http://12:34:56>',
      'é1 ü 日本2 x\u00a05 a1<b2 x<*> <*>_y 1.2.3abc',
    ];
    for (const line of lines) assert.equal(new MaskScanner().maskLine(line, 256), chain(line), line);
  });

  it('agrees with the regex chain on random lines of mask-relevant pieces, with and without a token cap', () => {
    const pieces = ['9f4ef63a', '00b360e8', 'ABCDEF01', 'deadbeef', '0', '1', '25', '255', '256', 'a', 'f', 'x', 'X', 'g', 'K', 'B', 'i', 's', 'ms', 'sec', 'com', 'edu', 'hk',
      'Jun', 'Fri', '17', ' ', ' ', '  ', '\t', '.', ':', '/', '@', '=', '-', '_', '+', '<', '>', '~', '<*>', ',', '(', ')',
      '\\', 'C:\\', 'http://', '0x', '12:34:56', '2015-10-18', 'T', 'Z', 'KB', 'é'];
    let state = 42;
    const random = (n: number): number => {
      state = (state * 16807) % 2147483647;
      return state % n;
    };
    const scanner = new MaskScanner();
    for (let n = 0; n < 20_000; n++) {
      let line = '';
      for (let k = 1 + random(12); k > 0; k--) line += pieces[random(pieces.length)];
      const cap = n % 2 === 0 ? 256 : 2 + random(4);
      assert.equal(scanner.maskLine(line, cap), chain(line, cap), JSON.stringify(line));
    }
  });

  it('reuses what it learnt of a shape only where the value cannot matter', () => {
    const scanner = new MaskScanner();
    // Same shape, different values: the masked text is the same.
    assert.equal(scanner.maskLine('blk_-6952295868487656571 from /10.251.42.84:50010', 256), '<*> from <*>:<*>');
    assert.equal(scanner.maskLine('blk_-1781953582842324563 from /10.250.19.102:33145', 256), '<*> from <*>:<*>');
    // A three-digit run that is no octet is another shape.
    assert.equal(scanner.maskLine('/256.1.1.1', 256), chain('/256.1.1.1'));
    // Names keep their own digits.
    assert.equal(scanner.maskLine('L3 eth0', 256), 'L3 eth0');
    assert.equal(scanner.maskLine('L4 eth1', 256), 'L4 eth1');
    // 0x is hex; 1x is not.
    assert.equal(scanner.maskLine('0x1f 1x1f', 256), chain('0x1f 1x1f'));
    // Whole lines: a line that keeps a digit is never stood in for by another.
    assert.equal(scanner.maskLine('open through proxy SOCKS5 port 1080', 256), 'open through proxy SOCKS5 port <*>');
    assert.equal(scanner.maskLine('open through proxy SOCKS4 port 1081', 256), 'open through proxy SOCKS4 port <*>');
    assert.equal(scanner.maskLine('Received block blk_1 of size 67108864 from /10.251.42.84', 256), 'Received block <*> of size <*> from <*>');
    assert.equal(scanner.maskLine('Received block blk_2 of size 91178123 from /10.250.14.138', 256), 'Received block <*> of size <*> from <*>');
    assert.equal(scanner.maskLine('Received block blk_2 of size 91178123 from /10.250.14.338', 256), chain('Received block blk_2 of size 91178123 from /10.250.14.338'));
    // A hex id is one shape whatever its letters; a word of hex letters only is not an id.
    for (const id of ['9f4ef63a', 'deadbe3f', '0000000a', 'ffffffff', 'cafe.babe1', 'x9f4ef63a', '0x0b85eee0', '0xdeadbeef']) {
      const line = `AppWindowToken{${id} token=Token{a64f992 u0}}`;
      assert.equal(scanner.maskLine(line, 256), chain(line), line);
    }
    // A URL scheme must start with a letter: a hex word there is masked differently.
    for (const id of ['9eadbe3f', 'deadbe3f']) {
      const line = `open ${id}://host now`;
      assert.equal(scanner.maskLine(line, 256), chain(line), line);
    }
    for (const id of ['9f4ef63a']) {
      const line = `AppWindowToken{${id} token=Token{a64f992 u0}}`;
      assert.equal(scanner.maskLine(line, 256), chain(line), line);
    }
  });

  it('keeps the head of a long line and makes its tail one flexible parameter', () => {
    assert.equal(new MaskScanner().maskLine('a b c d 5 f', 4), chain('a b c d 5 f', 4));
    assert.equal(new MaskScanner().maskLine('  ', 4), '');
  });
});
