// Basemaps: an offline default drawn from the district polygons, and 天地图 (CGCS2000 tiles) when a key is configured.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import WMTS from 'ol/source/WMTS.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { CatalogSource } from './api';
import { mvtSource } from './layers';
import { basemapStyle } from './zoneStyles';

export function offlineBasemap(admin: CatalogSource | undefined): BaseLayer | null {
  if (!admin) return null;
  return new VectorTileLayer({
    source: mvtSource(admin),
    style: basemapStyle(),
    declutter: true,
    properties: { id: 'basemap_offline', basemap: true },
  });
}

/** 天地图 WMTS in its "c" matrix set: CGCS2000 longitude/latitude, no GCJ-02 offset; OpenLayers reprojects it. */
export function tiandituLayer(key: string, layer: 'vec' | 'cva' | 'img', id: string): BaseLayer {
  const resolutions = Array.from({ length: 19 }, (_, z) => 1.40625 / 2 ** z);
  return new TileLayer({
    visible: false,
    properties: { id, basemap: true },
    source: new WMTS({
      url: `https://t{0-7}.tianditu.gov.cn/${layer}_c/wmts?tk=${encodeURIComponent(key)}`,
      layer,
      matrixSet: 'c',
      format: 'tiles',
      style: 'default',
      projection: 'EPSG:4490',
      requestEncoding: 'KVP',
      crossOrigin: 'anonymous',
      wrapX: true,
      tileGrid: new WMTSTileGrid({
        origin: [-180, 90],
        resolutions: resolutions.slice(1),
        matrixIds: resolutions.slice(1).map((_, i) => String(i + 1)),
      }),
      attributions: '© 天地图 tianditu.gov.cn',
    }),
  });
}
