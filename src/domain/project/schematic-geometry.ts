export interface PlaceNode {
  id: string;
  name: string;
  kind: 'seat' | 'station';
  divisionCode: string | null;
  lon: number;
  lat: number;
}

export interface PlaceLink {
  from: string;
  to: string;
}

export interface SchematicGeometry {
  geometry: { type: 'LineString' | 'MultiLineString'; coordinates: number[][] | number[][][] } | null;
  /** Stations that could not be placed (no node of that name or city): the line skips them. */
  unplaced: string[];
  nodeIds: string[];
}

const at = (n: PlaceNode) => [n.lon, n.lat];

/**
 * A station name to a network node: the station itself (重庆北 → 重庆北站), else the district or city seat of
 * the same name (铜梁 → 铜梁区, 大足石刻 → 大足区). Stations named after a place inside a county (安岳, 简州)
 * have no node and are left out.
 */
export function placeStation(station: string, nodes: readonly PlaceNode[]): PlaceNode | null {
  const s = station.replace(/站$/, '');
  return (
    nodes.find((n) => n.kind === 'station' && n.name.replace(/站.*$/, '') === s) ??
    nodes.find((n) => n.kind === 'seat' && n.name.replace(/[市区县]$/, '') === s) ??
    nodes.find((n) => n.kind === 'seat' && s.length > 2 && n.name.startsWith(s.slice(0, 2)) && /[区县]$/.test(n.name)) ??
    null
  );
}

/**
 * A project's line for the schematic map: through its stations when they are listed, else along the
 * network's links of the project (one segment each). Positions are the network's (city centroids and
 * stations placed on their city), so the geometry is schematic, never surveyed.
 */
export function schematicGeometry(stations: readonly string[] | null, links: readonly PlaceLink[], nodes: readonly PlaceNode[]): SchematicGeometry {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (stations?.length) {
    const placed: PlaceNode[] = [];
    const unplaced: string[] = [];
    for (const s of stations) {
      const n = placeStation(s, nodes);
      if (!n) unplaced.push(s);
      else if (placed.at(-1)?.id !== n.id) placed.push(n);
    }
    if (placed.length >= 2) return { geometry: { type: 'LineString', coordinates: placed.map(at) }, unplaced, nodeIds: placed.map((n) => n.id) };
  }
  const segments = links.map((l) => [byId.get(l.from), byId.get(l.to)] as const).filter((s): s is readonly [PlaceNode, PlaceNode] => Boolean(s[0] && s[1]));
  if (!segments.length) return { geometry: null, unplaced: [...(stations ?? [])], nodeIds: [] };
  const nodeIds = [...new Set(segments.flatMap(([a, b]) => [a.id, b.id]))];
  if (segments.length === 1) return { geometry: { type: 'LineString', coordinates: segments[0]!.map(at) }, unplaced: [], nodeIds };
  return { geometry: { type: 'MultiLineString', coordinates: segments.map((s) => s.map(at)) }, unplaced: [], nodeIds };
}
