// The SpatialCarbon map: composes the catalog layers, basemaps and tools on one EPSG:3857 view.
import 'ol/ol.css';
import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Layer from 'ol/layer/Layer.js';
import type VectorTileLayer from 'ol/layer/VectorTile.js';
import type VectorTileSource from 'ol/source/VectorTile.js';
import { getCatalog, getConfig, type CatalogSource } from './api';
import { registerChinaCrs, fromCgcs2000 } from './crs';
import { lang, onLangChange, setLang, t, translateStatic } from './i18n';
import { defaultVisible } from './layerGroups';
import { layerFor } from './layers';
import { buildLayerSwitcher } from './layerSwitcher';
import { buildBasemapChooser } from './basemapChooser';
import { addIdentify } from './identify';
import { createDrawTool } from './drawTool';
import { buildScreenPanel } from './screenPanel';
import { buildCarbonPanel } from './carbonPanel';
import { buildYearCompare } from './yearCompare';
import { trackCoordinates } from './coordinates';
import { buildDistrictSearch } from './districtSearch';
import { downloadPng, printMap } from './mapExport';
import { readUrlState, writeUrlState } from './urlState';

const jiangsuCentre: [number, number] = [119.2, 32.95];

function banner(text: string): void {
  const el = document.getElementById('banner')!;
  el.textContent = text;
  el.hidden = false;
}

async function start(): Promise<void> {
  registerChinaCrs();
  const url = readUrlState();
  setLang(url.lang ?? 'zh');
  translateStatic();

  const map = new Map({
    target: 'map',
    controls: defaultControls({ attributionOptions: { collapsible: true } }).extend([new ScaleLine({ bar: true, steps: 4, text: true, minWidth: 120 })]),
    view: new View({
      projection: 'EPSG:3857',
      center: fromCgcs2000(url.center ?? jiangsuCentre),
      zoom: url.zoom ?? 7.5,
      maxZoom: 18,
    }),
  });
  (window as unknown as { spatialcarbon: unknown }).spatialcarbon = { map };

  let catalog: CatalogSource[] = [];
  try {
    catalog = await getCatalog();
  } catch (e) {
    banner(`${t('error')}: /catalog — ${(e as Error).message}`);
  }
  const config = await getConfig();

  const admin = catalog.find(s => s.id === 'admin');
  buildBasemapChooser(document.getElementById('basemaps')!, map, admin, config);

  const entries = catalog.map(source => ({ source, layer: layerFor(source) }));
  const visible = new Set(url.layers ?? defaultVisible(catalog));
  for (const e of entries) {
    e.layer.setVisible(visible.has(e.source.id));
    // Rasters under the zones, admin outlines on top.
    e.layer.setZIndex(e.source.kind === 'raster' ? 10 : e.source.id === 'admin' ? 40 : 20);
    map.addLayer(e.layer);
  }
  const visibleIds = () => entries.filter(e => e.layer.getVisible()).map(e => e.source.id);
  const saveUrl = () => writeUrlState(map, visibleIds(), lang());
  map.on('moveend', saveUrl);

  buildLayerSwitcher(document.getElementById('layers')!, entries, saveUrl);

  const vectorLayers = () => entries.filter(e => e.source.kind === 'vector').map(e => e.layer as Layer);
  const identify = addIdentify(map, vectorLayers);
  const tool = createDrawTool(map, drawing => {
    identify.enabled = !drawing;
    if (drawing) identify.close();
  });
  const zoneSource = (id: string) => (entries.find(e => e.source.id === id)?.layer as VectorTileLayer | undefined)?.getSource() as VectorTileSource | undefined;
  buildScreenPanel(document.getElementById('screen')!, map, tool, zoneSource);
  buildCarbonPanel(document.getElementById('carbon')!, tool);

  const years = entries
    .map(e => ({ year: /^landuse_(\d{4})$/.exec(e.source.id)?.[1], layer: e.layer as BaseLayer }))
    .filter((y): y is { year: string; layer: BaseLayer } => !!y.year)
    .sort((a, b) => a.year.localeCompare(b.year));
  buildYearCompare(document.getElementById('compare')!, map, years, saveUrl);

  trackCoordinates(map, document.getElementById('coords')!);
  buildDistrictSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('places') as HTMLDataListElement, map, admin);
  // The configured 审图号 line as the PDF reports print it; without one the map says it has none.
  const approval = () => {
    document.getElementById('shentu')!.textContent = config.map_approval ?? t('map_approval_none');
  };
  approval();

  document.getElementById('export-png')!.addEventListener('click', () => downloadPng(map));
  document.getElementById('print')!.addEventListener('click', () => printMap(map));
  document.getElementById('lang')!.addEventListener('click', () => setLang(lang() === 'zh' ? 'en' : 'zh'));
  onLangChange(() => {
    translateStatic();
    approval();
    saveUrl();
  });

  translateStatic();
  map.once('rendercomplete', () => {
    document.body.dataset.state = 'ready';
  });
  saveUrl();
}

start().catch(e => banner(String(e)));



