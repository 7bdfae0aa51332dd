import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { grantedSiteOrigins, patternMatches, sitePattern } from '../../src/shared/site-access';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('site access (always clean this site)', () => {
  it('sitePattern: one host, any scheme; nothing for non-web pages', () => {
    expect(sitePattern('http://news.example.org/2020/a.html?x=1#y')).toBe('*://news.example.org/*');
    expect(sitePattern('https://www.gscn.com.cn/')).toBe('*://www.gscn.com.cn/*');
    for (const u of [
      'about:blank',
      'moz-extension://x/popup.html',
      'chrome://extensions',
      'file:///tmp/a.html',
      'data:text/html,x',
      'nonsense',
    ])
      expect(sitePattern(u), u).toBeNull();
  });

  it('patternMatches: *. prefix covers the domain and its subdomains only', () => {
    expect(patternMatches('*://*.gscn.com.cn/*', 'http://gansu.gscn.com.cn/a')).toBe(true);
    expect(patternMatches('*://*.gscn.com.cn/*', 'https://gscn.com.cn/')).toBe(true);
    expect(patternMatches('*://*.gscn.com.cn/*', 'http://evilgscn.com.cn/')).toBe(false);
    expect(patternMatches('*://*.gscn.com.cn/*', 'http://gscn.com.cn.evil.org/')).toBe(false);
    expect(patternMatches('*://baijiahao.baidu.com/*', 'https://baijiahao.baidu.com/s?id=1')).toBe(true);
    expect(patternMatches('*://baijiahao.baidu.com/*', 'https://news.baidu.com/')).toBe(false);
    expect(patternMatches('https://*.qq.com/*', 'http://news.qq.com/')).toBe(false);
    expect(patternMatches('*://*/*', 'http://any.example/')).toBe(true);
    expect(patternMatches('*://*/*', 'ftp://any.example/')).toBe(false);
  });

  it('the manifest news hosts are covered by the declared content script; a granted host is not', () => {
    const matches: string[] = manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches);
    expect(matches.some((m) => patternMatches(m, 'http://gansu.gscn.com.cn/system/1.shtml'))).toBe(true);
    expect(matches.some((m) => patternMatches(m, 'http://news.example.org/a.html'))).toBe(false);
  });

  it('grantedSiteOrigins: what the user granted beyond the required hosts, sorted, web schemes only', () => {
    const required: string[] = manifest.host_permissions;
    expect(
      grantedSiteOrigins(
        [...required, '*://b.example/*', '*://a.example/*', '*://a.example/*', 'moz-extension://x/*'],
        required,
      ),
    ).toEqual(['*://a.example/*', '*://b.example/*']);
    expect(grantedSiteOrigins(required, required)).toEqual([]);
  });

  it('permissions are the least that works (README "Permissions")', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    // Every required host is a declared content-script host, or the image host of one of those portals (the image
    // archive fetches an article's images from the background: README "Archived images"); no other host.
    const matches = new Set(manifest.content_scripts.flatMap((c: { matches: string[] }) => c.matches));
    const imageHosts = new Set([
      '*://*.sinaimg.cn/*',
      '*://*.126.net/*',
      '*://*.ifengimg.com/*',
      '*://*.itc.cn/*',
      '*://*.gtimg.com/*',
      '*://*.pstatp.com/*',
      '*://*.toutiaoimg.com/*',
      '*://*.bdstatic.com/*',
      ...Array.from({ length: 8 }, (_, i) => `*://pics${i}.baidu.com/*`),
      '*://*.china.cn/*',
    ]);
    for (const h of manifest.host_permissions) expect(matches.has(h) || imageHosts.has(h), h).toBe(true);
    // a portal's image host, never a content-script host: the content script does not run there
    for (const h of imageHosts) expect(matches.has(h), h).toBe(false);
    // Any other site only through an optional permission the user grants.
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });
});
