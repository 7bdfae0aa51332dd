#!/usr/bin/env node
// `npm run functions`: the longest functions in src/, counted as ESLint's `max-lines-per-function` counts them with
// this repo's options (eslint.config.js: blank lines and comment-only lines skipped, IIFEs not counted on their own,
// a method counted from its key). Parsed by typescript-estree, the parser typescript-eslint uses, so the numbers are
// the rule's; test/unit/longest-functions.test.ts checks that on every file of src/.
//   node scripts/longest-functions.mjs [--top N] [--max N] [--raw] [path …]   (defaults: --top 10 --max 120 src)
// --raw counts every line from the function's first to its last, blank and comment lines included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'qingdu-eslint';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;

/** Every .ts/.tsx/.js/.mjs file under `path` (a file or a folder), sorted. */
export function sourceFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name === 'node_modules' ? [] : sourceFiles(join(path, name))))
    .filter((p) => /\.(ts|tsx|js|mjs)$/.test(p));
}

/** Calls `visit(node)` on every node of an ESTree, setting `node.parent` first. */
function walk(node, parent, visit) {
  node.parent = parent;
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
    for (const child of Array.isArray(value) ? value : [value])
      if (child && typeof child.type === 'string') walk(child, node, visit);
  }
}

/** Index of the last token that ends at or before `offset` (-1 when none): tokens are sorted by position. */
function lastTokenBefore(tokens, offset) {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].range[1] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Line numbers (1-based) holding nothing but comments and whitespace, as the ESLint rule finds them. */
function commentOnlyLines(ast) {
  const lines = new Set();
  for (const comment of ast.comments) {
    const i = lastTokenBefore(ast.tokens, comment.range[0]);
    const before = ast.tokens[i];
    const after = ast.tokens[i + 1];
    let start = comment.loc.start.line;
    let end = comment.loc.end.line;
    if (before && before.loc.end.line === start) start++;
    if (after && after.loc.start.line === end) end--;
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return lines;
}

/** A method, getter or setter counts from its key (the rule's `isEmbedded`). */
function isEmbedded(fn) {
  const p = fn.parent;
  if (!p || p.value !== fn) return false;
  return p.type === 'MethodDefinition' || (p.type === 'Property' && (p.method || p.kind === 'get' || p.kind === 'set'));
}

function isIIFE(fn) {
  return fn.type !== 'FunctionDeclaration' && fn.parent?.type === 'CallExpression' && fn.parent.callee === fn;
}

/** Source text of an expression on one line (a callee, an assignment target, a test title), cut at 40 characters. */
function shortText(node, text) {
  const s = text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  return s.length <= 40 ? s : `${s.slice(0, 39)}…`;
}

function keyName(key, text) {
  return key.type === 'Identifier' ? key.name : shortText(key, text);
}

/** A class member or object property by its key, after its class or `const` name when it has one: `Store.open`. */
function memberName(member, text) {
  const key = keyName(member.key, text);
  const holder = member.parent; // ClassBody or ObjectExpression
  const owner =
    holder.type === 'ClassBody' ? holder.parent.id : holder.parent?.type === 'VariableDeclarator' && holder.parent.id;
  return owner?.type === 'Identifier' ? `${owner.name}.${key}` : key;
}

function jsxName(name) {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXMemberExpression') return `${jsxName(name.object)}.${name.property.name}`;
  return `${name.namespace.name}:${name.name.name}`;
}

/**
 * What a reader calls a function: its own name, else where it sits: `const x = () => …` is `x`, a method `Class.m`,
 * an object property `obj.key`, `a.b = function` is `a.b`, a callback `useEffect(…)`, a JSX handler `<button onClick>`.
 */
function ownName(fn, text) {
  if (fn.id) return fn.id.name;
  const p = fn.parent;
  if (isEmbedded(fn)) return memberName(p, text);
  switch (p.type) {
    case 'VariableDeclarator':
      return p.id.type === 'Identifier' ? p.id.name : shortText(p.id, text);
    case 'Property':
    case 'PropertyDefinition':
      return memberName(p, text);
    case 'AssignmentExpression':
      return shortText(p.left, text);
    case 'CallExpression':
    case 'NewExpression': {
      const title = p.arguments[0]?.type === 'Literal' && typeof p.arguments[0].value === 'string';
      const call = `${shortText(p.callee, text)}(${title ? `${shortText(p.arguments[0], text)}, …` : '…'})`;
      return p.parent?.type === 'VariableDeclarator' && p.parent.id.type === 'Identifier'
        ? `${p.parent.id.name} = ${call}`
        : call;
    }
    case 'JSXExpressionContainer': {
      const attr = p.parent;
      if (attr.type === 'JSXAttribute') return `<${jsxName(attr.parent.name)} ${jsxName(attr.name)}>`;
      return `<${jsxName(attr.openingElement?.name ?? { type: 'JSXIdentifier', name: '' })}> child`;
    }
    case 'ExportDefaultDeclaration':
      return 'default export';
    default:
      return '(anonymous)';
  }
}

/** The names of the functions around `fn`, outermost first, then its own: `App › useEffect(…)`. */
function qualifiedName(fn, text) {
  const names = [ownName(fn, text)];
  for (let p = fn.parent; p; p = p.parent)
    if (FUNCTION_TYPES.has(p.type) && !isIIFE(p)) names.unshift(ownName(p, text));
  return names.join(' › ');
}

/**
 * Every function of one source file with its length in lines: `{ line, name, lines }`, `line` where the counted node
 * starts (the key of a method). IIFEs are left out, as the rule leaves them out; their lines count in the enclosing
 * function. `raw`: count every line, blank and comment lines too. @throws the parser's error on a file that does not
 * parse.
 */
export function functionLengths(file, text, { raw = false } = {}) {
  const ast = parse(text, { loc: true, range: true, tokens: true, comment: true, jsx: file.endsWith('.tsx') });
  const lines = text.split(LINE_BREAK);
  const comments = commentOnlyLines(ast);
  const out = [];
  walk(ast, null, (node) => {
    if (!FUNCTION_TYPES.has(node.type) || isIIFE(node)) return;
    const counted = isEmbedded(node) ? node.parent : node;
    let count = 0;
    for (let line = counted.loc.start.line; line <= counted.loc.end.line; line++)
      if (raw || (!comments.has(line) && !/^\s*$/.test(lines[line - 1]))) count++;
    out.push({ line: counted.loc.start.line, name: qualifiedName(node, text), lines: count });
  });
  return out;
}

function main(argv) {
  const opt = { top: 10, max: 120, raw: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') opt.top = Number(argv[++i]);
    else if (argv[i] === '--max') opt.max = Number(argv[++i]);
    else if (argv[i] === '--raw') opt.raw = true;
    else opt.paths.push(argv[i]);
  }
  if (!opt.paths.length) opt.paths.push('src');
  const all = opt.paths
    .flatMap(sourceFiles)
    .flatMap((file) =>
      functionLengths(file, readFileSync(file, 'utf8'), opt).map((f) => ({ ...f, file: relative('.', file) })),
    );
  all.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
  const width = Math.max(...all.slice(0, opt.top).map((f) => `${f.file}:${f.line}`.length));
  for (const f of all.slice(0, opt.top))
    console.log(`${String(f.lines).padStart(5)}  ${`${f.file}:${f.line}`.padEnd(width)}  ${f.name}`);
  const over = all.filter((f) => f.lines > opt.max).length;
  console.log(`${all.length} functions in ${opt.paths.join(' ')}; ${over} over ${opt.max} lines`);
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) main(process.argv.slice(2));
