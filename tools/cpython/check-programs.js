#!/usr/bin/env node
/*
 * Static sanity check of CPython-generated fixtures, independent of the reference VM:
 * the YAML parses, required keys are there, ids are unique, tags are registered, the source
 * hash matches, every instruction is in the instruction table (spec/instructions.json) with the right operand shape,
 * every label, local, name, constant and <code X> reference resolves.
 *
 * Usage: node tools/cpython/check-programs.js [FILE.yaml ...]   (default fixtures/programs/*.yaml)
 */
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const YAML = require('yaml');

const repo = path.resolve(__dirname, '..', '..');
// spec/instructions.json is generated from reference/src/isa/table.ts (`npm run build && npm run gen:spec`).
const KIND = new Map(
  JSON.parse(fs.readFileSync(path.join(repo, 'spec/instructions.json'), 'utf8')).instructions.map((i) => [i.name, i.operand]),
);
const TAGS = new Set(
  fs.readFileSync(path.join(repo, 'fixtures/tags.yaml'), 'utf8').split('\n')
    .map((l) => /^([a-z0-9][a-z0-9._-]*)\s*:/.exec(l)).filter(Boolean).map((m) => m[1]),
);

/** Split a `.consts` line into literals: spaces at top level separate; quotes, () and <code ...> nest. */
function splitLiterals(text) {
  const out = [];
  let cur = '';
  let depth = 0;
  let angle = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === "'" || ch === '"') && angle === 0) {
      let j = i + 1;
      while (j < text.length && text[j] !== ch) j += text[j] === '\\' ? 2 : 1;
      cur += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '<') angle++;
    if (ch === '>') angle--;
    if (ch === ' ' && depth === 0 && angle === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Strip a `;` comment that is outside string literals. */
function stripComment(line) {
  let q = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '\\') i++;
      else if (ch === q) q = null;
    } else if (ch === "'" || ch === '"') q = ch;
    else if (ch === ';') return line.slice(0, i);
  }
  return line;
}

/** The locals `.params` words name, in varnames order: positional, keyword-only, *args, **kwargs (spec/assembly.md#assembly-params). */
function paramLocals(words) {
  const positional = [];
  const kwonly = [];
  let varargs = [];
  let varkw = [];
  let star = false;
  for (const w of words) {
    if (w === '/') continue;
    if (w.startsWith('**')) varkw = [w.slice(2)];
    else if (w.startsWith('*')) {
      star = true;
      if (w !== '*') varargs = [w.slice(1)];
    } else (star ? kwonly : positional).push(w);
  }
  return [...positional, ...kwonly, ...varargs, ...varkw];
}

function checkAssembly(unit, text, codeNames, err) {
  const lines = text.split('\n').map((l) => stripComment(l).trim());
  const dir = { params: [], locals: [], consts: [], names: [], cells: [], freevars: [] };
  const defined = new Set();
  const used = [];
  let inTable = false;
  let count = 0;
  for (const [n, raw] of lines.entries()) {
    let line = raw;
    const at = `${unit} line ${n + 1}`;
    if (!line) continue;
    if (line === 'ExceptionTable:') {
      inTable = true;
      continue;
    }
    if (inTable) {
      const m = /^(\w+) to (\w+) -> (\w+) \[(\d+)\]( lasti)?$/.exec(line);
      if (!m) err(`${at}: bad exception entry ${line}`);
      else used.push([m[1], at], [m[2], at], [m[3], at]);
      continue;
    }
    if (line.startsWith('.')) {
      if (count) err(`${at}: directive after an instruction`);
      const [d, ...rest] = line.split(' ');
      const val = rest.join(' ');
      if (d === '.consts') dir.consts = splitLiterals(val);
      else if (['.params', '.locals', '.names', '.cells', '.freevars'].includes(d)) dir[d.slice(1)] = val ? val.split(' ') : [];
      else if (d !== '.generator') err(`${at}: unknown directive ${d}`);
      continue;
    }
    const lm = /^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$/.exec(line);
    if (lm) {
      if (defined.has(lm[1])) err(`${at}: duplicate label ${lm[1]}`);
      defined.add(lm[1]);
      line = lm[2];
      if (!line) continue;
    }
    count++;
    const sp = line.indexOf(' ');
    const name = sp < 0 ? line : line.slice(0, sp);
    const operand = sp < 0 ? '' : line.slice(sp + 1).trim();
    const kind = KIND.get(name);
    if (!kind) {
      err(`${at}: ${name} is not in the instruction table`);
      continue;
    }
    if ((kind === 'none') !== (operand === '')) err(`${at}: ${name} operand '${operand}' does not fit kind ${kind}`);
    if (operand.startsWith('#')) continue;
    switch (kind) {
      case 'jump':
        used.push([operand, at]);
        break;
      case 'local':
        if (!dir.locals.includes(operand)) err(`${at}: unknown local ${operand}`);
        break;
      case 'local_pair':
        for (const l of operand.split(', ')) if (!dir.locals.includes(l)) err(`${at}: unknown local ${l}`);
        break;
      case 'name':
      case 'global':
      case 'attr': {
        const nm = operand.split(' ')[0];
        if (!dir.names.includes(nm)) err(`${at}: ${nm} is not in .names`);
        break;
      }
      case 'const':
        if (!dir.consts.includes(operand)) err(`${at}: constant ${operand} is not in .consts`);
        break;
      default:
    }
  }
  for (const [l, at] of used) if (!defined.has(l)) err(`${at}: label ${l} is not defined`);
  if (paramLocals(dir.params).some((p, i) => dir.locals[i] !== p)) err(`${unit}: .locals does not start with .params`);
  for (const c of [...dir.cells, ...dir.freevars]) if (!dir.locals.includes(c)) err(`${unit}: cell or free variable ${c} is not in .locals`);
  if (dir.freevars.some((v, i) => dir.locals[dir.locals.length - dir.freevars.length + i] !== v)) err(`${unit}: .freevars are not the last .locals`);
  for (const c of dir.consts) {
    const m = /^<code (.*)>$/.exec(c);
    if (m && !codeNames.has(m[1])) err(`${unit}: <code ${m[1]}> names no code object`);
  }
  if (!count) err(`${unit}: no instructions`);
}

const files = process.argv.slice(2);
if (!files.length) {
  const dir = path.join(repo, 'fixtures/programs');
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.yaml')) files.push(path.join(dir, f));
}
const ids = new Map();
let problems = 0;
for (const file of files) {
  const err = (m) => {
    problems++;
    console.error(`${path.relative(repo, file)}: ${m}`);
  };
  let fx;
  try {
    fx = YAML.parse(fs.readFileSync(file, 'utf8'), { schema: 'core', maxAliasCount: 0 });
  } catch (e) {
    err(`YAML: ${e.message}`);
    continue;
  }
  for (const k of ['id', 'description', 'spec', 'tags', 'program', 'entry', 'expect']) if (!(k in fx)) err(`missing ${k}`);
  if (ids.has(fx.id)) err(`duplicate id ${fx.id} (also ${ids.get(fx.id)})`);
  ids.set(fx.id, file);
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*$/.test(fx.id)) err(`bad id ${fx.id}`);
  for (const t of fx.tags || []) if (!TAGS.has(t)) err(`unknown tag ${t}`);
  if (fx.source !== undefined && fx.origin) {
    const sha = crypto.createHash('sha256').update(Buffer.from(fx.source, 'utf8')).digest('hex');
    if (sha !== fx.origin.source_sha256) err('source_sha256 does not match source');
  }
  const prog = fx.program || {};
  const codeNames = new Set([...Object.keys(prog.functions || {}), ...Object.keys(prog.code || {})]);
  for (const [nm, text] of [...Object.entries(prog.functions || {}), ...Object.entries(prog.code || {})]) {
    checkAssembly(nm, text, codeNames, err);
  }
  const entry = /^([A-Za-z_]\w*)\(/.exec(fx.entry || '');
  // With module code (spec/modules.md#module-code) the entry may call a name the module stores.
  const moduleStores = (name) => new RegExp(`^\\s*STORE_(NAME|GLOBAL) ${name}\\s*$`, 'm').test((prog.code || {})['<module>'] || '');
  if (!entry || !((prog.functions || {})[entry[1]] || moduleStores(entry[1]))) err(`entry ${fx.entry} does not call a program function`);
  const kinds = ['return', 'raises', 'exhausted', 'invalid', 'malformed'].filter((k) => k in (fx.expect || {}));
  if (kinds.length !== 1) err(`expect must hold exactly one of return/raises/...; has ${kinds}`);
}
console.log(`${files.length} fixture(s) checked, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
