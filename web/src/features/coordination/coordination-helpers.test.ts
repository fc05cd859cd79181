import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { blankToNull, firstReason, isoDate, partiesFromForm, sourcedTaskBody } from './coordination-helpers';

describe('coordination helpers', () => {
  it('turns blank text into null and trims the rest', () => {
    expect(blankToNull('  ')).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
    expect(blankToNull(' 重庆 ')).toBe('重庆');
  });

  it('formats dates', () => {
    expect(isoDate(dayjs('2026-03-05'))).toBe('2026-03-05');
    expect(isoDate(null)).toBeNull();
  });

  it('builds a decision body without duplicate or lead participants', () => {
    expect(
      sourcedTaskBody({ title: ' 推进 ', leads: ['a', 'a'], participants: ['a', 'b', 'b'], dueOn: dayjs('2026-12-31'), closureEvidence: ' 文件 ' }),
    ).toEqual({ title: '推进', leads: ['a'], participants: ['b'], dueOn: '2026-12-31', closureEvidence: '文件' });
    expect(sourcedTaskBody({ title: 't', leads: ['a'], closureEvidence: 'e' })).toEqual({ title: 't', leads: ['a'], participants: [], dueOn: null, closureEvidence: 'e' });
  });

  it('reads the first reason', () => {
    expect(firstReason({ reasons: [] })).toBeNull();
    expect(firstReason({ reasons: [{ code: 'overdue', text: '已逾期' }, { code: 'x', text: 'y' }] })).toBe('已逾期');
  });

  it('keeps only named parties, defaulting the side', () => {
    expect(partiesFromForm([{ name: ' 四川省 ', side: 'sichuan' }, { name: ' ' }, { name: '重庆市', side: 'chongqing' }, { name: '某企业' }])).toEqual([
      { name: '四川省', side: 'sichuan' },
      { name: '重庆市', side: 'chongqing' },
      { name: '某企业', side: 'sichuan' },
    ]);
    expect(partiesFromForm(undefined)).toEqual([]);
  });
});
