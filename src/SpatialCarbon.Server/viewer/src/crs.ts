// CGCS2000 (EPSG:4490) and its 3-degree Gauss-Krüger zones over Jiangsu, registered with OpenLayers through proj4.
import proj4 from 'proj4';
import { register } from 'ol/proj/proj4.js';
import { get as getProjection, transform } from 'ol/proj.js';
import type { Coordinate } from 'ol/coordinate.js';

/** Central meridian (degrees east) of each CGCS2000 3-degree GK zone without zone prefix. */
export const gkZones = [
  { epsg: 4548, cm: 117 },
  { epsg: 4549, cm: 120 },
  { epsg: 4550, cm: 123 },
] as const;

export function registerChinaCrs(): void {
  proj4.defs('EPSG:4490', '+proj=longlat +ellps=GRS80 +no_defs +type=crs');
  for (const z of gkZones) {
    proj4.defs(`EPSG:${z.epsg}`, `+proj=tmerc +lat_0=0 +lon_0=${z.cm} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs`);
  }
  register(proj4);
  getProjection('EPSG:4490')?.setExtent([-180, -90, 180, 90]);
}

/** Map (EPSG:3857) coordinate to CGCS2000 longitude/latitude. */
export const toCgcs2000 = (c: Coordinate): Coordinate => transform(c, 'EPSG:3857', 'EPSG:4490');

export const fromCgcs2000 = (c: Coordinate): Coordinate => transform(c, 'EPSG:4490', 'EPSG:3857');

/** The GK zone whose central meridian is nearest the longitude (zones are 3 degrees wide), null outside 115.5-124.5 E. */
export function gkZoneFor(lon: number): (typeof gkZones)[number] | null {
  return gkZones.find(z => Math.abs(lon - z.cm) <= 1.5) ?? null;
}

/** Easting/northing in metres in the zone's EPSG code. */
export const toGk = (lonLat: Coordinate, epsg: number): Coordinate => transform(lonLat, 'EPSG:4490', `EPSG:${epsg}`);
