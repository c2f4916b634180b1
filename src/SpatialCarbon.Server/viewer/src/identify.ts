// Identify: a click opens a popup with the attributes of every zone under it and the raster values from /api/point.
import Overlay from 'ol/Overlay.js';
import type Map from 'ol/Map.js';
import type { FeatureLike } from 'ol/Feature.js';
import type Layer from 'ol/layer/Layer.js';
import { getPoint } from './api';
import { toCgcs2000 } from './crs';
import { escapeHtml, flatten, fmt } from './format';
import { fieldName, layerName, t, unitTypeName } from './i18n';

/** The access list's four dimensions, shown as paragraphs rather than table cells. */
const longFields = ['KJBJYS', 'PWWPFGK', 'HJFXFK', 'ZYKFXLYQ'];
const hidden = new Set(['layer', 'mvt_id', 'id']);

function zoneHtml(layerId: string, f: FeatureLike): string {
  const props = f.getProperties();
  const rows = Object.entries(props)
    .filter(([k, v]) => !hidden.has(k) && !longFields.includes(k) && v !== null && typeof v !== 'object')
    .map(([k, v]) => {
      const shown = k === 'ZHGKDYFL' ? `${v} ${unitTypeName(v)}` : typeof v === 'number' ? fmt(v, 4) : v;
      return `<tr><th>${escapeHtml(fieldName(k))}</th><td>${escapeHtml(shown)}</td></tr>`;
    }).join('');
  const access = longFields.filter(k => props[k] != null && props[k] !== '')
    .map(k => `<div class="access-dim" data-field="${k}"><h5>${escapeHtml(fieldName(k))} <small>${k}</small></h5><p>${escapeHtml(props[k])}</p></div>`).join('');
  const title = props.HJZHGKDYMC ?? props.name ?? props.district ?? '';
  return `<section class="zone" data-layer="${escapeHtml(layerId)}"><h4>${escapeHtml(layerName(layerId))}${title ? ' · ' + escapeHtml(title) : ''}</h4><table>${rows}</table>${access}</section>`;
}

function rasterHtml(values: unknown): string {
  const rows = flatten(values).filter(([k]) => !/^(lon|lat|crs)$/.test(k));
  if (rows.length === 0) return '';
  return `<h4>${t('raster_values')}</h4><table class="raster-values">${rows.map(([k, v]) => `<tr><th>${escapeHtml(layerName(k.split('.')[0]))}${k.includes('.') ? ' ' + escapeHtml(k.slice(k.indexOf('.') + 1)) : ''}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

export interface Identify {
  enabled: boolean;
  close(): void;
}

/** Adds the popup; clicks are ignored while `enabled` is false (during drawing). */
export function addIdentify(map: Map, zoneLayers: () => Layer[]): Identify {
  const element = document.createElement('div');
  element.className = 'popup';
  element.dataset.testid = 'identify-popup';
  const popup = new Overlay({ element, autoPan: { animation: { duration: 200 } }, positioning: 'bottom-center', offset: [0, -12], stopEvent: true });
  map.addOverlay(popup);
  const state: Identify = { enabled: true, close: () => popup.setPosition(undefined) };

  map.on('singleclick', async evt => {
    if (!state.enabled) return;
    const layers = zoneLayers().filter(l => l.getVisible());
    const found: string[] = [];
    const seen = new Set<string>();
    map.forEachFeatureAtPixel(evt.pixel, (f, layer) => {
      const id = String(layer.get('id'));
      const key = `${id}:${f.get('code') ?? f.get('HJZHGKDYBM') ?? f.get('district') ?? f.getId()}`;
      if (!seen.has(key)) {
        seen.add(key);
        found.push(zoneHtml(id === 'basemap_offline' ? 'admin' : id, f));
      }
    }, { layerFilter: l => layers.includes(l as Layer) || l.get('id') === 'basemap_offline', hitTolerance: 0 });
    const [lon, lat] = toCgcs2000(evt.coordinate);
    const head = `<button class="popup-close" aria-label="${t('close')}">×</button><div class="popup-coord">CGCS2000 ${lon.toFixed(5)}°E ${lat.toFixed(5)}°N</div>`;
    const zones = `<h4 class="zones-title">${t('zones_here')}</h4>${found.length ? found.join('') : `<p>${t('no_zone')}</p>`}`;
    element.innerHTML = `${head}<div class="popup-body">${zones}<div class="raster-slot">…</div></div>`;
    element.querySelector('.popup-close')!.addEventListener('click', state.close);
    popup.setPosition(evt.coordinate);
    try {
      const values = await getPoint(lon, lat);
      const slot = element.querySelector('.raster-slot');
      if (slot) slot.innerHTML = rasterHtml(values);
    } catch (e) {
      const slot = element.querySelector('.raster-slot');
      if (slot) slot.textContent = `${t('raster_values')}: ${(e as Error).message}`;
    }
  });
  return state;
}
