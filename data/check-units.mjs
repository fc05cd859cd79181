// Checks data/units.json. No dependencies. Usage: node data/check-units.mjs
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { meta, units } = JSON.parse(readFileSync(resolve(here, 'units.json'), 'utf8'));
const divisions = JSON.parse(readFileSync(resolve(here, '../../shared/data/divisions.json'), 'utf8'));

const errors = [];
const fail = (m) => errors.push(m);
const KINDS = new Set(['office', 'department', 'central', 'city', 'county']);
const SIDES = new Set(['sichuan', 'chongqing']);

if (!meta?.description || !meta?.source || !meta?.reliability) fail('meta needs description, source and reliability');

const byKey = new Map();
const names = new Map(); // every name, fullName and alias -> unit key
function claim(label, value, key, { allowSameUnit }) {
  if (typeof value !== 'string' || !value.trim()) return fail(`${key}: empty ${label}`);
  const owner = names.get(value);
  if (owner && !(allowSameUnit && owner === key)) fail(`${key}: ${label} "${value}" already used by ${owner}`);
  names.set(value, key);
}

for (const u of units) {
  if (byKey.has(u.key)) fail(`duplicate key ${u.key}`);
  byKey.set(u.key, u);
  if (!KINDS.has(u.kind)) fail(`${u.key}: unknown kind ${u.kind}`);
  if (!SIDES.has(u.side)) fail(`${u.key}: unknown side ${u.side}`);
  if (!Array.isArray(u.aliases)) fail(`${u.key}: aliases must be an array`);
}
// names unique, then fullNames and aliases must not collide with another unit's name/fullName/alias
for (const u of units) claim('name', u.name, u.key, { allowSameUnit: false });
for (const u of units) {
  claim('fullName', u.fullName, u.key, { allowSameUnit: true });
  const seen = new Set();
  for (const a of u.aliases ?? []) {
    if (seen.has(a)) fail(`${u.key}: alias "${a}" repeated`);
    seen.add(a);
    claim('alias', a, u.key, { allowSameUnit: false });
  }
}
for (const u of units) {
  if (u.parentKey !== null && !byKey.has(u.parentKey)) fail(`${u.key}: parentKey ${u.parentKey} not found`);
  if ((u.kind === 'city' || u.kind === 'county') !== (u.divisionCode !== null)) fail(`${u.key}: divisionCode only and always on city/county units`);
}

// divisions
const sc = new Map(divisions.sichuan_prefectures.map((d) => [d.code, d]));
const cq = new Map(divisions.chongqing_districts_counties.map((d) => [d.code, d]));
for (const u of units) {
  if (u.divisionCode === null) continue;
  const d = sc.get(u.divisionCode) ?? cq.get(u.divisionCode);
  if (!d) { fail(`${u.key}: divisionCode ${u.divisionCode} not in divisions.json`); continue; }
  if (d.name !== u.name) fail(`${u.key}: name ${u.name} differs from divisions.json ${d.name}`);
  const wantSide = sc.has(u.divisionCode) ? 'sichuan' : 'chongqing';
  const wantKind = sc.has(u.divisionCode) ? 'city' : 'county';
  if (u.side !== wantSide || u.kind !== wantKind) fail(`${u.key}: expected ${wantKind}/${wantSide}`);
}
const codes = new Set(units.map((u) => u.divisionCode).filter(Boolean));
const scCities = units.filter((u) => u.kind === 'city' && u.side === 'sichuan').length;
const cqCounties = units.filter((u) => u.kind === 'county' && u.side === 'chongqing').length;
for (const c of sc.keys()) if (!codes.has(c)) fail(`Sichuan prefecture ${c} missing`);
for (const c of cq.keys()) if (!codes.has(c)) fail(`Chongqing district/county ${c} missing`);
if (scCities !== 21) fail(`expected 21 Sichuan cities, found ${scCities}`);
if (cqCounties !== 38) fail(`expected 38 Chongqing districts/counties, found ${cqCounties}`);

if (errors.length) {
  console.error(errors.join('\n'));
  console.error(`FAIL: ${errors.length} problem(s)`);
  process.exit(1);
}
const tally = {};
for (const u of units) tally[`${u.side}/${u.kind}`] = (tally[`${u.side}/${u.kind}`] ?? 0) + 1;
console.log(`OK: ${units.length} units, ${names.size} distinct names/aliases`, tally);
