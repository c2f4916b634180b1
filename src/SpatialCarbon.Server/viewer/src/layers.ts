// OpenLayers layers for the catalog sources: zone layers as vector tiles, rasters as PNG tiles, all EPSG:3857 XYZ.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import type BaseLayer from 'ol/layer/Base.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import { transformExtent } from 'ol/proj.js';
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

const halfWorld = 20037508.342789244;

/** The world XYZ grid (origin top-left of the world), limited to the source's bounds so no tile outside the data is
 * asked for. */
function grid(source: CatalogSource, maxZoom: number): TileGrid {
  const extent = source.bounds ? transformExtent(source.bounds, 'EPSG:4326', 'EPSG:3857') : [-halfWorld, -halfWorld, halfWorld, halfWorld];
  return new TileGrid({
    origin: [-halfWorld, halfWorld],
    extent,
    resolutions: Array.from({ length: maxZoom + 1 }, (_, z) => (2 * halfWorld) / 256 / 2 ** z),
    minZoom: source.minzoom ?? 0,
    tileSize: 256,
  });
}

export function mvtSource(source: CatalogSource): VectorTileSource {
  return new VectorTileSource({
    format: new MVT(),
    url: template(source, vectorUrl(source.id)),
    tileGrid: grid(source, source.maxzoom ?? 14),
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
      opacity: source.id === 'control_unit' ? 0.5 : 1,
    });
  }
  return new TileLayer({
    ...common,
    source: new XYZ({ url: template(source, rasterUrl(source.id)), tileGrid: grid(source, source.maxzoom ?? 14), crossOrigin: 'anonymous', interpolate: false }),
    opacity: 0.85,
  });
}

export const layerId = (layer: BaseLayer): string => String(layer.get('id'));
