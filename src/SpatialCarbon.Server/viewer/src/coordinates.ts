// The pointer position in CGCS2000 longitude/latitude and in its 3-degree Gauss-Krüger zone.
import type Map from 'ol/Map.js';
import { gkZoneFor, toCgcs2000, toGk } from './crs';
import { t } from './i18n';

export function trackCoordinates(map: Map, target: HTMLElement): void {
  map.on('pointermove', evt => {
    const [lon, lat] = toCgcs2000(evt.coordinate);
    const zone = gkZoneFor(lon);
    let text = `CGCS2000 ${lon.toFixed(5)}°E ${lat.toFixed(5)}°N`;
    if (zone) {
      const [x, y] = toGk([lon, lat], zone.epsg);
      text += ` · ${t('gk_zone')} ${zone.cm}°E (EPSG:${zone.epsg}) X ${y.toFixed(1)} m  Y ${x.toFixed(1)} m`;
    }
    target.textContent = text;
  });
}
