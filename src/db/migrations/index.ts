import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T0900_foundation';
import * as assignment from './2026-11-28T1200_assignment';
import * as reporting from './2026-11-28T1300_reporting';
import * as followUp from './2026-11-28T1400_follow_up';
import * as baseline from './2026-11-28T1500_baseline';
import * as nodeSortKey from './2026-11-28T1600_node_sort_key';
import * as network from './2026-11-28T1700_network';
import * as coordination from './2026-11-28T1800_coordination';
import * as assessment from './2026-11-28T1900_assessment';
import * as bulletin from './2026-11-28T2000_bulletin';
import * as project from './2026-11-28T2100_project';
import * as coordinationProjects from './2026-11-28T2110_coordination_projects';
import * as indicator from './2026-11-28T2200_indicator';
import * as indicatorLinks from './2026-11-28T2210_indicator_links';
import * as reportLeadFactsIdx from './2026-11-28T2350_report_lead_facts_idx';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900_foundation': foundation,
  '2026-11-28T1200_assignment': assignment,
  '2026-11-28T1300_reporting': reporting,
  '2026-11-28T1400_follow_up': followUp,
  '2026-11-28T1500_baseline': baseline,
  '2026-11-28T1600_node_sort_key': nodeSortKey,
  '2026-11-28T1700_network': network,
  '2026-11-28T1800_coordination': coordination,
  '2026-11-28T1900_assessment': assessment,
  '2026-11-28T2000_bulletin': bulletin,
  '2026-11-28T2100_project': project,
  '2026-11-28T2110_coordination_projects': coordinationProjects,
  '2026-11-28T2200_indicator': indicator,
  '2026-11-28T2210_indicator_links': indicatorLinks,
  '2026-11-28T2350_report_lead_facts_idx': reportLeadFactsIdx,
};
