import type { IsoDate } from '../schedule/iso-date';
import type { NetworkLink, NetworkTarget } from './network-types';
import { isLinkOpenOn, linksOpenOn } from './open-links';
import { nodesOf, targetPairs } from './targets';
import { computeTravelTimes, travelTime, type TravelTimeMatrix, type TravelTimeOptions } from './travel-times';

export interface ProjectEffect {
  /** The link's projectId, or `link:<id>` for a link without one. */
  projectId: string;
  linkIds: string[];
  plannedOpenings: (string | null)[];
  /** Every project not yet open on the date, opened together. */
  withAllMinutes: number;
  /** Every project but this one. */
  withoutThisMinutes: number;
  /** Today's network plus this project only. */
  onlyThisMinutes: number;
  /** This project alone brings the pair under the threshold. */
  closesAlone: boolean;
  /** With everything the pair meets the threshold, without this project it does not. */
  needed: boolean;
}

export interface PairGap {
  from: string;
  to: string;
  thresholdMinutes: number;
  thresholdSource: string;
  minutesNow: number;
  minutesWithAllPlanned: number;
  closedByAllPlanned: boolean;
  /** Projects that change this pair's time, those closing the gap alone first. */
  projects: ProjectEffect[];
}

export interface GapAttribution {
  targetId: string;
  date: IsoDate;
  gaps: PairGap[];
  /** Projects not yet open whose links have no minutes: they may close gaps the model cannot see. */
  projectsWithUnknownTimes: { projectId: string; linkIds: string[] }[];
}

const projectKey = (l: NetworkLink) => l.projectId ?? `link:${l.id}`;

function groupByProject(links: readonly NetworkLink[]): Map<string, NetworkLink[]> {
  const groups = new Map<string, NetworkLink[]>();
  for (const l of links) {
    const key = projectKey(l);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return groups;
}

const pairTime = (m: TravelTimeMatrix, a: string, b: string) => Math.max(travelTime(m, a, b), travelTime(m, b, a));

/**
 * For each pair missing a threshold of `target` on `date`, the projects not yet open then (under
 * construction, planned, or dated later) that would move it: the pair's time with all of them, without
 * each one, and with only each one. Open means open on `date` without assuming planned openings; a
 * project is every link sharing a projectId. Cost: 2 + 2 × projects runs, each searching from the
 * target's cities only.
 */
export function attributeGaps(target: NetworkTarget, links: readonly NetworkLink[], date: IsoDate, options: TravelTimeOptions = {}): GapAttribution {
  const open = linksOpenOn(links, date).links;
  const pending = links.filter((l) => !isLinkOpenOn(l, date) && (l.closedFrom === null || l.closedFrom > date));
  const candidates = groupByProject(pending.filter((l) => l.minutes !== null));
  const unknown = groupByProject(pending.filter((l) => l.minutes === null));
  const nodeIds = nodesOf(links, [...target.from, ...target.to]);
  // a pair is read in both directions, so the rows of the target's cities are all that is needed
  const sources = [...target.from, ...target.to];
  const matrix = (ls: NetworkLink[]) => computeTravelTimes(nodeIds, ls, { ...options, sources });

  const allCandidates = [...candidates.values()].flat();
  const now = matrix(open);
  const all = matrix([...open, ...allCandidates]);
  const perProject = [...candidates].map(([projectId, ls]) => ({
    projectId,
    links: ls,
    without: matrix([...open, ...allCandidates.filter((l) => projectKey(l) !== projectId)]),
    only: matrix([...open, ...ls]),
  }));

  const gaps: PairGap[] = [];
  for (const [from, to] of targetPairs(target)) {
    const minutesNow = pairTime(now, from, to);
    const withAll = pairTime(all, from, to);
    for (const t of target.thresholds) {
      if (minutesNow <= t.minutes) continue;
      const projects = perProject
        .map((p): ProjectEffect => {
          const without = pairTime(p.without, from, to);
          const only = pairTime(p.only, from, to);
          return {
            projectId: p.projectId,
            linkIds: p.links.map((l) => l.id),
            plannedOpenings: p.links.map((l) => l.plannedOpening ?? l.openFrom),
            withAllMinutes: withAll,
            withoutThisMinutes: without,
            onlyThisMinutes: only,
            closesAlone: only <= t.minutes,
            needed: withAll <= t.minutes && without > t.minutes,
          };
        })
        .filter((p) => p.onlyThisMinutes < minutesNow || p.withoutThisMinutes > withAll)
        .sort((a, b) => Number(b.closesAlone) - Number(a.closesAlone) || a.onlyThisMinutes - b.onlyThisMinutes);
      gaps.push({
        from, to, thresholdMinutes: t.minutes, thresholdSource: t.source,
        minutesNow, minutesWithAllPlanned: withAll, closedByAllPlanned: withAll <= t.minutes, projects,
      });
    }
  }
  const projectsWithUnknownTimes = [...unknown].map(([projectId, ls]) => ({ projectId, linkIds: ls.map((l) => l.id) }));
  return { targetId: target.id, date, gaps, projectsWithUnknownTimes };
}
