export * from './bulletins';
export { gatherBulletinSnapshot, reportingRanking } from './gather-snapshot';
