// One polygon drawn on the map at a time, handed back as a GeoJSON Feature in CGCS2000 lon/lat.
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type Feature from 'ol/Feature.js';
import type Map from 'ol/Map.js';
import type { Feature as GeoJsonFeature } from 'geojson';
import { footprintStyle } from './zoneStyles';

export const geojson = new GeoJSON({ dataProjection: 'EPSG:4490', featureProjection: 'EPSG:3857' });

export interface DrawTool {
  /** The layer holding the drawn or uploaded footprint. */
  layer: VectorLayer<VectorSource>;
  /** Starts drawing; resolves with the finished polygon. */
  draw(): Promise<Feature>;
  show(features: Feature[]): void;
  clear(): void;
  toGeoJson(feature: Feature): GeoJsonFeature;
}

export function createDrawTool(map: Map, onDrawing: (active: boolean) => void): DrawTool {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: footprintStyle, zIndex: 900, properties: { id: 'footprint' } });
  map.addLayer(layer);
  let active: Draw | null = null;
  let release: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    if (!active) return;
    map.removeInteraction(active);
    active = null;
    // The click that closes the polygon must not also open the identify popup (singleclick fires 250 ms later).
    release = setTimeout(() => onDrawing(false), 400);
  };

  return {
    layer,
    draw() {
      stop();
      clearTimeout(release);
      source.clear();
      onDrawing(true);
      const draw = new Draw({ source, type: 'Polygon' });
      active = draw;
      map.addInteraction(draw);
      return new Promise(resolve => draw.once('drawend', e => {
        stop();
        resolve(e.feature);
      }));
    },
    show(features) {
      source.clear();
      source.addFeatures(features);
    },
    clear() {
      stop();
      source.clear();
    },
    toGeoJson: f => geojson.writeFeatureObject(f, { dataProjection: 'EPSG:4490', featureProjection: 'EPSG:3857', decimals: 8 }) as GeoJsonFeature,
  };
}
