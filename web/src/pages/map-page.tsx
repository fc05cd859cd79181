import { MapView } from '../features/map/map-view';

/** 一张图 (issue 6): its own lazy chunk, so the map's chart types never load with the shell. */
export default function MapPage() {
  return <MapView />;
}
