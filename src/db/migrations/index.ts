import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T0900_foundation';
import * as assignment from './2026-11-28T1200_assignment';
import * as reporting from './2026-11-28T1300_reporting';
import * as followUp from './2026-11-28T1400_follow_up';
import * as baseline from './2026-11-28T1500_baseline';
import * as nodeSortKey from './2026-11-28T1600_node_sort_key';
import * as network from './2026-11-28T1700_network';
import * as coordination from './2026-11-28T1800_coordination';

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
};
