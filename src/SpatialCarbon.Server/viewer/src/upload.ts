// Footprint files: GeoJSON is read in the browser; zipped shapefiles, KML and 界址点 TXT are read by the server.
import type Feature from 'ol/Feature.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import OlFeature from 'ol/Feature.js';
import type Polygon from 'ol/geom/Polygon.js';
import { geojson } from './drawTool';

export const isGeoJsonFile = (file: File): boolean => /\.(geo)?json$/i.test(file.name);

/** The polygons of a GeoJSON file as one feature (a MultiPolygon when there are several). */
export async function readGeoJsonFootprint(file: File): Promise<Feature> {
  const text = await file.text();
  const features = geojson.readFeatures(JSON.parse(text), { dataProjection: 'EPSG:4490', featureProjection: 'EPSG:3857' });
  const polygons = features.flatMap(f => {
    const g = f.getGeometry();
    if (!g) return [];
    if (g.getType() === 'Polygon') return [(g as Polygon).getCoordinates()];
    if (g.getType() === 'MultiPolygon') return (g as MultiPolygon).getCoordinates();
    return [];
  });
  if (polygons.length === 0) throw new Error(`${file.name}: no polygon in the file`);
  if (features.length === 1 && polygons.length === 1) return features[0];
  return new OlFeature({ geometry: new MultiPolygon(polygons) });
}
