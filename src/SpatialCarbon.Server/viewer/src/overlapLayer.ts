// The zones a screen found, drawn only where they overlap the footprint (canvas clipping to the footprint polygon).
import VectorTileLayer from 'ol/layer/VectorTile.js';
import type VectorTileSource from 'ol/source/VectorTile.js';
import type Map from 'ol/Map.js';
import type RenderEvent from 'ol/render/Event.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { Geometry, Polygon, MultiPolygon } from 'ol/geom.js';
import { getRenderPixel } from 'ol/render.js';
import { overlapStyle } from './zoneStyles';

const codeOf = (f: FeatureLike): string => String(f.get('code') ?? f.get('HJZHGKDYBM') ?? f.get('county_code') ?? '');

function rings(geometry: Geometry): number[][][] {
  if (geometry.getType() === 'Polygon') return (geometry as Polygon).getCoordinates();
  if (geometry.getType() === 'MultiPolygon') return (geometry as MultiPolygon).getCoordinates().flat();
  return [];
}

function clipTo(map: Map, geometry: Geometry) {
  return (event: RenderEvent) => {
    const ctx = event.context as CanvasRenderingContext2D;
    ctx.save();
    ctx.beginPath();
    for (const ring of rings(geometry)) {
      ring.forEach((c, i) => {
        const [x, y] = getRenderPixel(event, map.getPixelFromCoordinate(c));
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.closePath();
    }
    ctx.clip('evenodd');
  };
}

/** Adds one clipped layer per zone layer touched; returns a function removing them. */
export function showOverlaps(map: Map, footprint: Geometry, touched: Array<{ layer: string; code: string }>, sources: (id: string) => VectorTileSource | undefined): () => void {
  const added: VectorTileLayer[] = [];
  // Districts are where a footprint is, not a constraint on it: highlighting them would only cover the map.
  for (const layerId of new Set(touched.map(z => z.layer).filter(id => id !== 'admin'))) {
    const source = sources(layerId);
    if (!source) continue;
    const codes = new Set(touched.filter(z => z.layer === layerId).map(z => z.code));
    const layer = new VectorTileLayer({
      source,
      zIndex: 800,
      renderMode: 'vector',
      style: f => (codes.has(codeOf(f)) ? overlapStyle : undefined),
      properties: { id: `overlap_${layerId}` },
    });
    layer.on('prerender', clipTo(map, footprint));
    layer.on('postrender', e => (e.context as CanvasRenderingContext2D).restore());
    map.addLayer(layer);
    added.push(layer);
  }
  return () => added.forEach(l => map.removeLayer(l));
}
