import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestCvss } from '../../../src/act/vulns/cvss-score.js';
import { cvss31Base, roundUp } from '../../../src/act/vulns/cvss31.js';
import { cvss40Vector } from '../../../src/act/vulns/cvss40.js';

describe('cvss31Base()', () => {
  // Vectors and scores from FIRST's "CVSS v3.1: Examples" document.
  const examples: Array<[string, string, number]> = [
    ['CVE-2013-1937 phpMyAdmin reflected XSS', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVE-2013-0375 MySQL stored SQL injection', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
    ['CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
    ['CVE-2012-1516 VMware guest to host escape', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
    ['CVE-2009-0783 Apache Tomcat XML parser', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
    ['CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
    ['CVE-2014-6271 GNU Bash Shellshock', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVE-2016-5385 httpoxy', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:L/A:L', 5.6],
    ['CVE-2017-5715 Spectre v2', 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:N/A:N', 5.6],
    ['CVE-2016-0800 DROWN', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
  ];
  for (const [name, vector, score] of examples) {
    it(`scores ${name} ${score}`, () => assert.equal(cvss31Base(vector).score, score));
  }

  it('scores no impact 0, ignores temporal metrics and reads v3.0 vectors', () => {
    assert.equal(cvss31Base('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N').score, 0);
    assert.equal(cvss31Base('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O').score, 9.8);
    assert.equal(cvss31Base('CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H').score, 7.2);
  });

  it('refuses vectors with a missing, unknown, repeated or bad metric', () => {
    assert.throws(() => cvss31Base('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'), /missing A/);
    assert.throws(() => cvss31Base('CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), /AV:X is not one of/);
    assert.throws(() => cvss31Base('CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), /AV given twice/);
    assert.throws(() => cvss31Base('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'), /does not start with/);
  });

  it('rounds up on integers (Appendix A)', () => {
    assert.equal(roundUp(4.000000000000001), 4.0);
    assert.equal(roundUp(4.02), 4.1);
    assert.equal(roundUp(4.0), 4.0);
  });
});

describe('cvss40Vector()', () => {
  it('computes the MacroVector of the equivalence sets (spec section 8.2)', () => {
    // Network, no privileges or interaction, low complexity: EQ1 0, EQ2 0; only availability high: EQ3 1; no subsequent impact: EQ4 2; E unset → A: EQ5 0; AR defaults H with VA:H: EQ6 0.
    assert.equal(cvss40Vector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N').macroVector, '001200');
    assert.equal(cvss40Vector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H').macroVector, '000100');
    assert.equal(cvss40Vector('CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N/E:U').macroVector, '212221');
    assert.equal(cvss40Vector('CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/E:P/MSI:S').macroVector, '101010');
  });

  it('refuses a vector without all base metrics', () => {
    assert.throws(() => cvss40Vector('CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N'), /missing AT/);
  });
});

describe('bestCvss()', () => {
  it('takes v4.0 with the vendor score and shows its MacroVector; else computes v3.1 from the vector', () => {
    const v4 = bestCvss([
      { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 7.5 },
      { version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', score: 8.7 },
    ]);
    assert.deepEqual([v4?.version, v4?.baseScore, v4?.severity, v4?.computed, v4?.macroVector], ['4.0', 8.7, 'high', false, '001200']);
    const v3 = bestCvss([{ version: '4.0', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N' }, { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', score: 9 }]);
    assert.deepEqual([v3?.version, v3?.baseScore, v3?.severity, v3?.computed], ['3.1', 10, 'critical', true]);
    assert.equal(bestCvss([{ version: '2.0', score: 6.5 }])?.severity, 'medium');
    assert.equal(bestCvss([]), undefined);
  });
});
