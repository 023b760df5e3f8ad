import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cspFor, cspOfBuild, inlineHashes } from '../../../scripts/csp.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

const PAGE = `<!doctype html><html><head>
<script>console.info("a < b && </p>")</script>
<script type="module" src="./assets/index.js"></script>
<script type="module" crossorigin src="./x.js">/* not inline: it has a src */</script>
<style>body{margin:0}</style>
<STYLE media="screen">.a > .b{color:red}</STYLE>
</head><body><div id="app"></div></body></html>`;

describe('the policy of a page with inline blocks', () => {
  test('allows each inline script and style by the SHA-256 of its exact text, and nothing else inline', () => {
    const { scripts, styles } = inlineHashes(PAGE);
    expect(scripts).toEqual([hash('console.info("a < b && </p>")')]);
    expect(styles).toEqual([hash('body{margin:0}'), hash('.a > .b{color:red}')]);

    const policy = cspFor(PAGE);
    expect(directive(policy, 'script-src')).toBe(`script-src 'self' ${scripts[0]}`);
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' ${styles.join(' ')}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  test('a page without inline blocks gets the base policy: scripts and styles from the page only', () => {
    const policy = cspFor('<html><script src="./a.js"></script></html>');
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'self'");
    expect(cspFor()).toBe(policy);
  });

  test('a changed inline block is no longer allowed', () => {
    const before = cspFor('<script>one()</script>');
    const after = cspFor('<script>two()</script>');
    expect(directive(after, 'script-src')).not.toContain(hash('one()'));
    expect(directive(before, 'script-src')).not.toBe(directive(after, 'script-src'));
  });

  test('the preview server and the speed script read the policy off the build they serve', () => {
    const dist = mkdtempSync(join(tmpdir(), 'keycheck-csp-'));
    expect(cspOfBuild(dist)).toBe(cspFor());
    writeFileSync(join(dist, 'index.html'), PAGE);
    expect(cspOfBuild(dist)).toBe(cspFor(PAGE));
  });
});
