import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUnitCell } from './split-units';

const names = (text: string) => splitUnitCell(text).map((m) => m.name);

describe('splitUnitCell', () => {
  it.each([
    ['省发展改革委、省交通运输厅', ['省发展改革委', '省交通运输厅']],
    ['省发展改革委，省交通运输厅,成都市', ['省发展改革委', '省交通运输厅', '成都市']],
    ['省发展改革委；省交通运输厅;成都市', ['省发展改革委', '省交通运输厅', '成都市']],
    ['省发展改革委\n省交通运输厅\r\n成都市', ['省发展改革委', '省交通运输厅', '成都市']],
    ['成都市、资阳市等', ['成都市', '资阳市']],
    ['省直有关部门等单位', ['省直有关部门']],
    [' 省 发展改革委 、\u3000省交通运输厅 ', ['省发展改革委', '省交通运输厅']],
    ['各市(州)人民政府', ['各市（州）人民政府']],
    ['各县（市、区）、省民政厅', ['各县（市、区）', '省民政厅']],
    ['、、省教育厅，，', ['省教育厅']],
    ['', []],
    ['省教育厅、省教育厅', ['省教育厅']],
  ])('%j → %j', (text, expected) => expect(names(text)).toEqual(expected));

  it.each([
    ['省发展改革委（牵头）、省交通运输厅', [true, false]],
    ['省发展改革委(牵头)、省交通运输厅', [true, false]],
    ['省发展改革委【牵头】、省交通运输厅', [true, false]],
    ['省发展改革委（牵头单位）、省交通运输厅', [true, false]],
    ['省发展改革委牵头，省交通运输厅', [true, false]],
    ['省发展改革委等（牵头）', [true]],
    ['省交通运输厅（配合）', [false]],
  ])('%j marks the lead', (text, leads) => {
    expect(splitUnitCell(text).map((m) => m.lead)).toEqual(leads);
    expect(splitUnitCell(text)[0]!.name).toMatch(/^省(发展改革委|交通运输厅)$/);
  });

  it('splits back what 、 joined', () =>
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('省发展改革委', '省交通运输厅', '成都市', '重庆市发展改革委', '各市（州）人民政府', '省经济和信息化厅'), { minLength: 1 }), (list) => {
        expect(names(list.join('、'))).toEqual(list);
        expect(names(list.map((n) => `${n}（牵头）`).join('；'))).toEqual(list);
      }),
    ));
});
