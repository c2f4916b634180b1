// Search a city or district by name: names and extents read from the admin vector tiles covering the province.
import MVT from 'ol/format/MVT.js';
import type Map from 'ol/Map.js';
import { createEmpty, extend, type Extent } from 'ol/extent.js';
import type { CatalogSource } from './api';
import { t } from './i18n';

interface Place {
  name: string;
  city: string;
  extent: Extent;
}

const halfWorld = 20037508.342789244;
const jiangsu: Extent = [116.3, 30.7, 121.95, 35.2];

function tilesCovering(lonLat: Extent, z: number): Array<[number, number]> {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const out: Array<[number, number]> = [];
  for (let tx = x(lonLat[0]); tx <= x(lonLat[2]); tx++) for (let ty = y(lonLat[3]); ty <= y(lonLat[1]); ty++) out.push([tx, ty]);
  return out;
}

/** Reads the districts (and their cities as unions) from zoom-7 admin tiles over the source's bounds. */
async function loadPlaces(admin: CatalogSource): Promise<Place[]> {
  const z = 7;
  const format = new MVT();
  const byName = new globalThis.Map<string, Place>();
  const bounds = admin.bounds ?? jiangsu;
  await Promise.all(tilesCovering(bounds, z).map(async ([x, y]) => {
    const r = await fetch(`tiles/${admin.id}/${z}/${x}/${y}.mvt`);
    if (!r.ok) return;
    const size = (2 * halfWorld) / 2 ** z;
    const minX = -halfWorld + x * size, maxY = halfWorld - y * size;
    const features = format.readFeatures(await r.arrayBuffer(), {
      extent: [minX, maxY - size, minX + size, maxY],
      featureProjection: 'EPSG:3857',
    });
    for (const f of features) {
      const district = String(f.get('district') ?? f.get('name') ?? '');
      const city = String(f.get('city') ?? '');
      const g = f.getGeometry();
      if (!g) continue;
      for (const [name, parent] of [[district, city], [city, '']] as const) {
        if (!name) continue;
        const p = byName.get(name) ?? { name, city: parent, extent: createEmpty() };
        extend(p.extent, g.getExtent());
        byName.set(name, p);
      }
    }
  }));
  return [...byName.values()];
}

export function buildDistrictSearch(input: HTMLInputElement, list: HTMLDataListElement, map: Map, admin: CatalogSource | undefined): void {
  if (!admin) {
    input.hidden = true;
    return;
  }
  let places: Place[] = [];
  const ready = loadPlaces(admin).then(p => {
    places = p;
    list.replaceChildren(...p.map(pl => Object.assign(document.createElement('option'), { value: pl.name, label: pl.city })));
  }).catch(() => undefined);
  const go = async () => {
    await ready;
    const q = input.value.trim();
    if (!q) return;
    const hit = places.find(p => p.name === q) ?? places.find(p => p.name.includes(q) || q.includes(p.name));
    if (!hit) {
      input.setCustomValidity(t('not_found'));
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    map.getView().fit(hit.extent, { padding: [40, 40, 40, 40], duration: 400 });
  };
  input.addEventListener('change', go);
  input.addEventListener('keydown', e => {
    if (e.key === 'Enter') go();
  });
}
