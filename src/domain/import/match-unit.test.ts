import { describe, expect, it } from 'vitest';
import { createUnitMatcher, matchUnit, normaliseUnitName, type CatalogueUnit } from './match-unit';

const unit = (id: string, name: string, fullName: string, kind: CatalogueUnit['kind'], side: CatalogueUnit['side'], aliases: string[] = []): CatalogueUnit => ({
  id, name, fullName, kind, side, aliases,
});
const CATALOGUE: CatalogueUnit[] = [
  unit('sc-fgw', '省发展改革委', '四川省发展和改革委员会', 'department', 'sichuan', ['省发改委']),
  unit('sc-jtt', '省交通运输厅', '四川省交通运输厅', 'department', 'sichuan'),
  unit('sc-jxt', '省经济和信息化厅', '四川省经济和信息化厅', 'department', 'sichuan', ['省经信厅']),
  unit('sc-xcb', '省委宣传部', '中共四川省委宣传部', 'department', 'sichuan'),
  unit('sc-cd', '成都市', '成都市人民政府', 'city', 'sichuan', ['成都']),
  unit('sc-dy', '德阳市', '德阳市人民政府', 'city', 'sichuan'),
  unit('cq-fgw', '市发展改革委', '重庆市发展和改革委员会', 'department', 'chongqing', ['重庆市发改委']),
  unit('cq-wz', '万州区', '重庆市万州区人民政府', 'county', 'chongqing'),
  unit('cq-xcb', '市委宣传部', '中共重庆市委宣传部', 'department', 'chongqing'),
];
const match = (name: string) => matchUnit(name, CATALOGUE);

describe('matchUnit', () => {
  it.each([
    ['省发展改革委', 'sc-fgw'],
    ['省发改委', 'sc-fgw'], // alias
    ['四川省发展和改革委员会', 'sc-fgw'], // full name
    ['四川省发展改革委', 'sc-fgw'], // 四川省 ≡ 省
    ['成都市人民政府', 'sc-cd'],
    ['成都市政府', 'sc-cd'],
    ['成都', 'sc-cd'],
    ['德阳市人民政府', 'sc-dy'],
    ['市发展改革委', 'cq-fgw'],
    ['重庆市发展改革委', 'cq-fgw'], // 重庆市 ≡ 市
    ['重庆市发展和改革委员会', 'cq-fgw'],
    ['重庆市万州区', 'cq-wz'],
    ['万州区人民政府', 'cq-wz'],
    ['四川省委宣传部', 'sc-xcb'],
    ['市委宣传部', 'cq-xcb'],
    [' 省 经信厅 ', 'sc-jxt'],
  ])('%s → exact %s', (name, unitId) => expect(match(name)).toEqual({ kind: 'exact', unitId }));

  it.each([
    ['各市（州）人民政府', 'all_cities', ['sc-cd', 'sc-dy']],
    ['各市(州)', 'all_cities', ['sc-cd', 'sc-dy']],
    ['各市（州）党委和政府', 'all_cities', ['sc-cd', 'sc-dy']],
    ['相关市（州）', 'related_cities', []],
    ['有关市（州）人民政府', 'related_cities', []],
    ['省直有关部门', 'related_departments', []],
    ['省级有关部门', 'related_departments', []],
    ['各有关单位', 'all_units', []],
    ['有关单位', 'all_units', []],
  ])('%s → group %s', (name, group, unitIds) => expect(match(name)).toEqual({ kind: 'group', group, unitIds }));

  it('suggests the closest units for a typo, best first', () => {
    const result = match('省交通厅');
    expect(result.kind).toBe('unknown');
    if (result.kind !== 'unknown') return;
    expect(result.suggestions[0]).toMatchObject({ unitId: 'sc-jtt', name: '省交通运输厅' });
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions.map((s) => s.score)).toEqual([...result.suggestions.map((s) => s.score)].sort((a, b) => b - a));
  });

  it('prefers the unit on the side the name shows', () => {
    const result = match('省发展和改革委');
    expect(result).toMatchObject({ kind: 'unknown', suggestions: [{ unitId: 'sc-fgw' }, { unitId: 'cq-fgw' }] });
  });

  it('does not guess between two sides when the name shows neither', () => {
    const result = match('发展改革委');
    expect(result.kind).toBe('unknown');
    if (result.kind === 'unknown') expect(result.suggestions.slice(0, 2).map((s) => s.unitId).sort()).toEqual(['cq-fgw', 'sc-fgw']);
  });

  it('gives no suggestions for something unrelated', () => expect(match('中国人民银行成都分行')).toEqual({ kind: 'unknown', suggestions: [] }));

  it('answers the same through a reusable matcher', () => {
    const m = createUnitMatcher(CATALOGUE);
    expect(m('省发改委')).toEqual(match('省发改委'));
    expect(m('省发改委')).toBe(m('省发改委'));
  });
});

describe('normaliseUnitName', () => {
  it.each([
    ['四川省发展和改革委员会', { core: '发展和改革委员会', side: 'sichuan' }],
    ['重庆市发展改革委', { core: '发展改革委', side: 'chongqing' }],
    ['成都市人民政府', { core: '成都市', side: null }],
    ['中共四川省委宣传部', { core: '委宣传部', side: 'sichuan' }],
    ['重庆市', { core: '重庆市', side: null }],
  ])('%s → %o', (name, expected) => expect(normaliseUnitName(name)).toEqual(expected));
});
