// Checks data/plan/decision.json against the seed study article. No dependencies.
// Usage: node data/plan/check-decision.mjs
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const plan = JSON.parse(readFileSync(resolve(here, 'decision.json'), 'utf8'));
const seed = readFileSync(resolve(here, '../../../shared/seed/000_b55983835661c370.txt'), 'utf8');

const errors = [];
const fail = (msg) => errors.push(msg);
const keys = new Set();
const KEY_AREAS = new Set((plan.facts?.keyAreas ?? []).map((k) => k.key));
const SECTIONS = new Set(['导语', '一', '二', '三']);
let parts = 0, articles = 0, tasks = 0, quotes = 0;

function checkRef(node) {
  const q = node.sourceRef?.quote;
  if (typeof q !== 'string' || q.length === 0) return fail(`${node.key}: missing sourceRef.quote`);
  quotes++;
  if (!seed.includes(q)) fail(`${node.key}: quote not found in seed: ${q.slice(0, 40)}…`);
  if (!SECTIONS.has(node.sourceRef.section)) fail(`${node.key}: unknown section ${node.sourceRef.section}`);
}

function visit(node, expectedKind, expectedKey) {
  if (keys.has(node.key)) fail(`duplicate key ${node.key}`);
  keys.add(node.key);
  if (node.key !== expectedKey) fail(`key ${node.key}: expected ${expectedKey}`);
  if (node.kind !== expectedKind) fail(`${node.key}: kind ${node.kind}, expected ${expectedKind}`);
  if (!node.title || typeof node.body !== 'string' || !node.body) fail(`${node.key}: empty title or body`);
  checkRef(node);
  const kids = node.children ?? [];
  if (expectedKind === 'task') {
    tasks++;
    if (kids.length) fail(`${node.key}: tasks have no children`);
    if (node.title.length > 40) fail(`${node.key}: title longer than 40 chars`);
    const partNo = Number(node.key.slice(1, node.key.indexOf('.')));
    if (partNo === 3) {
      if (!KEY_AREAS.has(node.keyArea)) fail(`${node.key}: part-3 task needs a keyArea`);
    } else if (node.keyArea !== null) fail(`${node.key}: keyArea must be null outside part 3`);
    return;
  }
  const childKind = expectedKind === 'part' ? 'article' : 'task';
  const prefix = expectedKind === 'part' ? 'a' : 't';
  kids.forEach((c, i) => visit(c, childKind, `${node.key}.${prefix}${i + 1}`));
  if (expectedKind === 'part') { parts++; articles += kids.length; }
}

(plan.nodes ?? []).forEach((p, i) => visit(p, 'part', `p${i + 1}`));

if (parts !== 4) fail(`expected 4 parts, found ${parts}`);
if (articles !== 18) fail(`expected 18 articles, found ${articles}`);
const perPart = (plan.nodes ?? []).map((p) => p.children.length).join(',');
if (perPart !== '4,4,7,3') fail(`articles per part ${perPart}, expected 4,4,7,3`);

// every article title is named in the seed's outline paragraph; key areas match part 3
for (const p of plan.nodes ?? []) for (const a of p.children) if (!seed.includes(a.title)) fail(`${a.key}: title not in seed`);
const p3Titles = (plan.nodes?.[2]?.children ?? []).map((a) => a.title).join('|');
const kaTitles = (plan.facts?.keyAreas ?? []).map((k) => k.title).join('|');
if (p3Titles !== kaTitles) fail('facts.keyAreas titles do not match the part-3 article titles');
if (KEY_AREAS.size !== 7) fail(`expected 7 key areas, found ${KEY_AREAS.size}`);
if ((plan.facts?.goals ?? []).length !== 5) fail('expected 5 goals (一极两中心两地)');
if ((plan.facts?.principles ?? []).length !== 4) fail('expected 4 principles (4个坚持)');
for (const f of [...(plan.facts?.goals ?? []), ...(plan.facts?.principles ?? [])]) {
  if (!seed.includes(f.text)) fail(`facts ${f.key}: text not in seed`);
}
if (!seed.includes(plan.meta?.summary ?? '\u0000')) fail('meta.summary not in seed');

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`FAIL: ${errors.length} problem(s)`);
  process.exit(1);
}
console.log(`OK: ${parts} parts, ${articles} articles, ${tasks} tasks, ${quotes} quotes found in seed, ${keys.size} unique keys`);
