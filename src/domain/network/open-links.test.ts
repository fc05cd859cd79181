import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { link } from './__fixtures__/networks';
import { isLinkOpenOn, linksOpenOn, plannedOpeningDate } from './open-links';

describe('plannedOpeningDate: the last day of what the source gives', () => {
  it.each([
    ['2027-11', '2027-11-30'],
    ['2028', '2028-12-31'],
    ['2028-02', '2028-02-29'],
    ['2027-11-28', '2027-11-28'],
    ['2027-13', null],
    ['soon', null],
    [null, null],
  ])('%s → %s', (text, date) => expect(plannedOpeningDate(text)).toBe(date));
});

describe('isLinkOpenOn', () => {
  const upgrade = link('u', 'A', 'B', 60, 'L', { openFrom: '2020-12-31' });
  const old = link('o', 'A', 'B', 90, 'L', { openFrom: '2015-12-31', closedFrom: '2020-12-31' });
  const building = link('b', 'A', 'B', 50, 'M', { status: 'under_construction', plannedOpening: '2027-11' });

  it.each([
    [upgrade, '2020-12-30', false],
    [upgrade, '2020-12-31', true], // open from its first day
    [old, '2020-12-30', true],
    [old, '2020-12-31', false], // closed from its closing day
    [building, '2030-01-01', false], // never without the projection
  ])('%o on %s → %s', (l, date, open) => expect(isLinkOpenOn(l, date)).toBe(open));

  it.each([
    ['2027-11-29', false],
    ['2027-11-30', true],
  ])('under construction, planned 2027-11, projected on %s → %s', (date, open) =>
    expect(isLinkOpenOn(building, date, { assumePlannedOpenings: true })).toBe(open));

  it('an open link without a date is always open', () => expect(isLinkOpenOn(link('x', 'A', 'B', 1, 'L'), '1900-01-01')).toBe(true));
});

describe('linksOpenOn', () => {
  const links = [
    link('known', 'A', 'B', 10, 'L'),
    link('unknown', 'B', 'C', null, 'L'),
    link('future', 'A', 'C', 5, 'M', { status: 'planned', plannedOpening: '2030' }),
    link('undated', 'A', 'C', null, 'N', { status: 'under_construction' }),
  ];
  const ids = (ls: { id: string }[]) => ls.map((l) => l.id);

  it('leaves out and reports the links without minutes', () => {
    const r = linksOpenOn(links, '2025-01-01');
    expect([ids(r.links), ids(r.unknownMinutes), ids(r.undatedPlanned)]).toEqual([['known'], ['unknown'], []]);
  });

  it('projects planned openings and reports the undated ones', () => {
    const r = linksOpenOn(links, '2031-01-01', { assumePlannedOpenings: true });
    expect([ids(r.links), ids(r.unknownMinutes), ids(r.undatedPlanned)]).toEqual([['known', 'future'], ['unknown'], ['undated']]);
  });

  it('rejects a negative time', () =>
    expect(() => linksOpenOn([link('x', 'A', 'B', -5, 'L')], '2025-01-01')).toThrow(DomainError));
});
