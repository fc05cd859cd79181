import { DomainError } from '../errors';
import type { IsoDate } from '../schedule/iso-date';
import type { NetworkLink } from './network-types';

export interface OpenLinksOptions {
  /** Count under-construction and planned links as open from the end of their planned-opening month (or year): how future years are projected. */
  assumePlannedOpenings?: boolean;
}

export interface OpenLinks {
  /** Open on the date with known minutes: what the travel-time model uses. */
  links: NetworkLink[];
  /** Open on the date but without minutes: left out, so the times that depend on them read too slow. */
  unknownMinutes: NetworkLink[];
  /** Under construction or planned with no usable opening date: left out even when planned openings are assumed. */
  undatedPlanned: NetworkLink[];
}

/**
 * The day a planned opening counts from: the last day of the month ('YYYY-MM') or of the year ('YYYY'),
 * since "opens in November 2027" is only certain by 30 November. Null when the text is not a date.
 */
export function plannedOpeningDate(plannedOpening: string | null): IsoDate | null {
  if (plannedOpening === null) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(plannedOpening.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d !== undefined) return `${y}-${mo}-${d}`;
  const month = mo === undefined ? 12 : Number(mo);
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** The day a link starts to count on, under the options; null when it never does. */
function effectiveOpenFrom(link: NetworkLink, options: OpenLinksOptions = {}): IsoDate | null | 'always' {
  if (link.status === 'open') return link.openFrom ?? 'always';
  if (!options.assumePlannedOpenings) return null;
  return plannedOpeningDate(link.plannedOpening);
}

/**
 * Whether the link carries traffic on `date`: open links from `openFrom` (inclusive; null = always),
 * under-construction and planned links only when planned openings are assumed, and no link on or
 * after its `closedFrom`. Minutes are not looked at here.
 */
export function isLinkOpenOn(link: NetworkLink, date: IsoDate, options: OpenLinksOptions = {}): boolean {
  if (link.closedFrom !== null && link.closedFrom <= date) return false;
  const from = effectiveOpenFrom(link, options);
  return from === 'always' || (from !== null && from <= date);
}

/**
 * The links the model uses on `date`, and the ones it has to leave out (open but without minutes;
 * planned without a date). Throws VALIDATION_FAILED on a negative or non-finite time.
 */
export function linksOpenOn(links: readonly NetworkLink[], date: IsoDate, options: OpenLinksOptions = {}): OpenLinks {
  const out: OpenLinks = { links: [], unknownMinutes: [], undatedPlanned: [] };
  for (const link of links) {
    if (link.minutes !== null && !(Number.isFinite(link.minutes) && link.minutes >= 0)) {
      throw new DomainError('VALIDATION_FAILED', { reason: 'link_minutes_invalid', linkId: link.id, minutes: link.minutes });
    }
    if (link.status !== 'open' && options.assumePlannedOpenings && plannedOpeningDate(link.plannedOpening) === null) {
      if (link.closedFrom === null || link.closedFrom > date) out.undatedPlanned.push(link);
      continue;
    }
    if (!isLinkOpenOn(link, date, options)) continue;
    (link.minutes === null ? out.unknownMinutes : out.links).push(link);
  }
  return out;
}
