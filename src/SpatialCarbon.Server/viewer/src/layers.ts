// OpenLayers layers for the catalog sources: zone layers as vector tiles, rasters as PNG tiles, all EPSG:3857 XYZ.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { CatalogSource } from './api';
import { zoneStyle } from './zoneStyles';

const vectorUrl = (ids: string) => `tiles/${ids}/{z}/{x}/{y}.mvt`;
const rasterUrl = (id: string) => `tiles/${id}/{z}/{x}/{y}.png`;

/** A tile template from the catalog, made relative to the page so the viewer works under any base path. */
function template(source: CatalogSource, fallback: string): string {
  const given = source.tiles?.[0];
  if (!given) return fallback;
  try {
    const url = new URL(given, window.location.href);
    return url.origin === window.location.origin ? decodeURI(url.pathname.replace(/^\//, '')) + url.search : given;
  } catch {
    return fallback;
  }
}

export function mvtSource(source: CatalogSource): VectorTileSource {
  return new VectorTileSource({
    format: new MVT(),
    url: template(source, vectorUrl(source.id)),
    maxZoom: source.maxzoom ?? 14,
    minZoom: source.minzoom ?? 0,
  });
}

export function layerFor(source: CatalogSource): BaseLayer {
  const common = { properties: { id: source.id, kind: source.kind }, visible: false };
  if (source.kind === 'vector') {
    return new VectorTileLayer({
      ...common,
      source: mvtSource(source),
      style: zoneStyle(source.id),
      declutter: false,
      renderMode: 'hybrid',
      opacity: source.id === 'control_unit' ? 0.7 : 1,
    });
  }
  return new TileLayer({
    ...common,
    source: new XYZ({ url: template(source, rasterUrl(source.id)), maxZoom: source.maxzoom ?? 14, minZoom: source.minzoom ?? 0, crossOrigin: 'anonymous', interpolate: false }),
    opacity: 0.85,
  });
}

export const layerId = (layer: BaseLayer): string => String(layer.get('id'));
