// Identify: a click opens a popup with the attributes of every zone under it and the raster values from /api/point.
import Overlay from 'ol/Overlay.js';
import type Map from 'ol/Map.js';
import type Layer from 'ol/layer/Layer.js';
import { getPoint, type PointReport } from './api';
import { toCgcs2000 } from './crs';
import { escapeHtml, fmt } from './format';
import { fieldName, layerName, onLangChange, t, unitTypeName } from './i18n';
import { className } from './landuseClasses';

/** The access list's four dimensions, shown as paragraphs rather than table cells. */
const longFields = ['KJBJYS', 'PWWPFGK', 'HJFXFK', 'ZYKFXLYQ'];
const hidden = new Set(['layer', 'mvt_id', 'id', 'fid', 'geometry', 'geom', 'repaired']);

export interface ZoneAttributes {
  layer: string;
  attributes: Record<string, unknown>;
}

function zoneHtml(z: ZoneAttributes): string {
  const props = z.attributes;
  const rows = Object.entries(props)
    .filter(([k, v]) => !hidden.has(k) && !longFields.includes(k) && v !== null && typeof v !== 'object')
    .map(([k, v]) => {
      const shown = k === 'ZHGKDYFL' ? `${v} ${unitTypeName(v)}` : typeof v === 'number' ? fmt(v, 4) : v;
      return `<tr><th>${escapeHtml(fieldName(k))}</th><td>${escapeHtml(shown)}</td></tr>`;
    }).join('');
  const access = longFields.filter(k => props[k] != null && props[k] !== '')
    .map(k => `<div class="access-dim" data-field="${k}"><h5>${escapeHtml(fieldName(k))} <small>${k}</small></h5><p>${escapeHtml(props[k])}</p></div>`).join('');
  const title = props.HJZHGKDYMC ?? props.name ?? props.district ?? '';
  return `<section class="zone" data-layer="${escapeHtml(z.layer)}"><h4>${escapeHtml(layerName(z.layer))}${title ? ' · ' + escapeHtml(title) : ''}</h4><table>${rows}</table>${access}</section>`;
}

function rasterHtml(p: PointReport): string {
  const rows: string[] = [];
  for (const l of p.landuse ?? []) {
    const name = l.code == null ? '—' : `${l.code} ${className(l.code, { zh: l.name_zh ?? undefined, en: l.name_en ?? undefined })}`;
    rows.push(`<tr><th>${escapeHtml(layerName(`landuse_${l.year}`))}</th><td>${escapeHtml(name)}</td></tr>`);
  }
  for (const c of p.carbon ?? []) {
    rows.push(`<tr><th>${escapeHtml(layerName('carbon_density'))} ${c.year}</th><td>${c.density_mg_c_ha == null ? '—' : `${fmt(c.density_mg_c_ha, 2)} Mg C/ha`}</td></tr>`);
  }
  return rows.length ? `<h4>${t('raster_values')}</h4><table class="raster-values" data-testid="raster-values">${rows.join('')}</table>` : '';
}

export interface Identify {
  enabled: boolean;
  close(): void;
}

/** Adds the popup; clicks are ignored while `enabled` is false (during drawing). Zones come from /api/point (exact
 * point-in-polygon over every zone layer); the features drawn under the pixel stand in when the API fails. */
export function addIdentify(map: Map, zoneLayers: () => Layer[]): Identify {
  const element = document.createElement('div');
  element.className = 'popup';
  element.dataset.testid = 'identify-popup';
  const popup = new Overlay({ element, autoPan: { animation: { duration: 200 } }, positioning: 'bottom-center', offset: [0, -12], stopEvent: true });
  map.addOverlay(popup);
  const state: Identify = { enabled: true, close: () => popup.setPosition(undefined) };
  interface Shown { lonLat: number[]; zones: ZoneAttributes[]; point: PointReport | null; error?: string }
  let last: Shown | null = null;

  const render = () => {
    if (!last) return;
    const [lon, lat] = last.lonLat;
    const zones = last.zones.length ? last.zones.map(zoneHtml).join('') : `<p>${t('no_zone')}</p>`;
    const raster = last.point ? rasterHtml(last.point) : last.error ? `<p class="error">${escapeHtml(last.error)}</p>` : '<p>…</p>';
    element.innerHTML = `<button class="popup-close" aria-label="${t('close')}">×</button>
      <div class="popup-coord">CGCS2000 ${lon.toFixed(5)}°E ${lat.toFixed(5)}°N</div>
      <div class="popup-body"><h4 class="zones-title">${t('zones_here')}</h4>${zones}${raster}</div>`;
    element.querySelector('.popup-close')!.addEventListener('click', state.close);
  };
  onLangChange(render);

  map.on('singleclick', async evt => {
    if (!state.enabled) return;
    const layers = zoneLayers();
    const drawn: ZoneAttributes[] = [];
    map.forEachFeatureAtPixel(evt.pixel, (f, layer) => {
      const { geometry: _g, ...attributes } = f.getProperties();
      void _g;
      drawn.push({ layer: String(layer.get('id')), attributes });
    }, { layerFilter: l => layers.includes(l as Layer) && l.getVisible() });
    const lonLat = toCgcs2000(evt.coordinate);
    const mine: Shown = { lonLat, zones: drawn, point: null };
    last = mine;
    render();
    popup.setPosition(evt.coordinate);
    try {
      const point = await getPoint(lonLat[0], lonLat[1]);
      if (last !== mine) return;
      mine.point = point;
      if (point.zones) mine.zones = point.zones.map(z => ({ layer: z.layer, attributes: z.attributes }));
    } catch (e) {
      mine.error = `${t('raster_values')}: ${(e as Error).message}`;
    }
    render();
  });
  return state;
}
