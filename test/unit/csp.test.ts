import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Content Security Policy of extension pages (README "Permissions"): no remote code, no unsafe-eval. Checked on the
// source manifest and pages, and on the built ones when a build is there (QINGDU_DIST, default dist: `npm run build`
// before).

/** Directives of a CSP string: `script-src 'self'; object-src 'self'` → {script-src: ["'self'"], …}. */
export function parseCsp(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

/** Why a CSP for extension pages is not acceptable (empty when it is): only local sources, no eval, no inline code. */
export function cspProblems(csp: string | undefined): string[] {
  if (!csp) return ['no extension_pages CSP (the browser default allows nothing remote either, but say it explicitly)'];
  const d = parseCsp(csp);
  const problems: string[] = [];
  const scriptSrc = d['script-src'] ?? d['default-src'];
  if (!scriptSrc) problems.push('no script-src');
  for (const [name, values] of Object.entries(d)) {
    if (!/-src$/.test(name)) continue;
    for (const v of values) {
      if (/unsafe-eval|unsafe-inline|strict-dynamic/.test(v)) problems.push(`${name} ${v}`);
      if (/^(https?:|wss?:|\*|data:|blob:)/.test(v) || (/\./.test(v) && !v.startsWith("'"))) {
        if (name === 'script-src' || name === 'object-src' || name === 'default-src' || name === 'worker-src')
          problems.push(`${name} allows ${v}`);
      }
    }
  }
  return problems;
}

/** Script and module-preload URLs of an HTML page that are not files of the extension itself (or inline scripts). */
export function remoteScripts(html: string): string[] {
  const bad: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1])?.[1];
    if (!src) {
      if (m[2].trim()) bad.push('inline script');
      continue;
    }
    if (/^(https?:)?\/\//i.test(src) || /^(data|blob|javascript):/i.test(src)) bad.push(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>/gi))
    if (/^(https?:)?\/\//i.test(m[1])) bad.push(m[1]);
  return bad;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

describe('CSP of extension pages', () => {
  it('the checks reject what they should', () => {
    expect(cspProblems("script-src 'self'; object-src 'self'")).toEqual([]);
    expect(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'self'")).toEqual(["script-src 'unsafe-eval'"]);
    expect(cspProblems("script-src 'self' https://cdn.example.com")).toEqual([
      'script-src allows https://cdn.example.com',
    ]);
    expect(cspProblems("script-src 'self' cdn.example.com")).toEqual(['script-src allows cdn.example.com']);
    expect(
      remoteScripts(
        '<script src="https://cdn.example/x.js"></script><script>alert(1)</script><script type="module" src="/src/a.js"></script>',
      ),
    ).toEqual(['https://cdn.example/x.js', 'inline script']);
  });

  it('source manifest: script-src self only, no eval, nothing remote; no remote scripts in the pages', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(cspProblems(manifest.content_security_policy?.extension_pages)).toEqual([]);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
    for (const f of htmlFiles('src')) expect(remoteScripts(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  for (const target of ['chrome', 'firefox']) {
    const dir = resolve(process.env.QINGDU_DIST ?? 'dist', target);
    it.skipIf(!existsSync(join(dir, 'manifest.json')))(
      `built ${target} (${dir}): same CSP, pages load only their own scripts`,
      () => {
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
        expect(cspProblems(manifest.content_security_policy?.extension_pages)).toEqual([]);
        const pages = htmlFiles(dir);
        expect(pages.length).toBeGreaterThanOrEqual(2); // popup and notes
        for (const f of pages) expect(remoteScripts(readFileSync(f, 'utf8')), f).toEqual([]);
      },
    );
  }
});
