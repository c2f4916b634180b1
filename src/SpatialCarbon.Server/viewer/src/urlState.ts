// The view in the URL hash (#map=zoom/lon/lat&layers=a,b&lang=en), so a planner can send a link.
import type Map from 'ol/Map.js';
import { toCgcs2000 } from './crs';
import type { Lang } from './i18n';

export interface UrlState {
  zoom?: number;
  center?: [number, number];
  layers?: string[];
  lang?: Lang;
}

export function readUrlState(hash = window.location.hash): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const state: UrlState = {};
  const m = p.get('map')?.split('/').map(Number);
  if (m && m.length === 3 && m.every(Number.isFinite)) {
    state.zoom = m[0];
    state.center = [m[1], m[2]];
  }
  if (p.has('layers')) state.layers = p.get('layers')!.split(',').filter(Boolean);
  const lang = p.get('lang');
  if (lang === 'en' || lang === 'zh') state.lang = lang;
  return state;
}

export function writeUrlState(map: Map, layers: string[], lang: Lang): void {
  const view = map.getView();
  const center = view.getCenter();
  if (!center) return;
  const [lon, lat] = toCgcs2000(center);
  const p = new URLSearchParams();
  p.set('map', `${(view.getZoom() ?? 0).toFixed(2)}/${lon.toFixed(5)}/${lat.toFixed(5)}`);
  p.set('layers', layers.join(','));
  if (lang !== 'zh') p.set('lang', lang);
  window.history.replaceState(null, '', `#${p.toString().replace(/%2C/g, ',').replace(/%2F/g, '/')}`);
}
