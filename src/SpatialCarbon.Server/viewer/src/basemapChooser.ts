// The basemap choice: the offline districts by default, 天地图 vector or imagery (with labels) when a key is set.
import type Map from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { CatalogSource, ViewerConfig } from './api';
import { offlineBasemap, tiandituLayer } from './basemap';
import { onLangChange, t, type UiKey } from './i18n';

export function buildBasemapChooser(container: HTMLElement, map: Map, admin: CatalogSource | undefined, config: ViewerConfig): void {
  const choices: Array<{ key: UiKey; layers: BaseLayer[] }> = [];
  const offline = offlineBasemap(admin);
  if (offline) choices.push({ key: 'basemap_offline', layers: [offline] });
  if (config.tianditu_key) {
    const labels = tiandituLayer(config.tianditu_key, 'cva', 'tianditu_cva');
    choices.push({ key: 'basemap_tianditu', layers: [tiandituLayer(config.tianditu_key, 'vec', 'tianditu_vec'), labels] });
    choices.push({ key: 'basemap_tianditu_img', layers: [tiandituLayer(config.tianditu_key, 'img', 'tianditu_img'), labels] });
  }
  const all = [...new Set(choices.flatMap(c => c.layers))];
  all.forEach(l => {
    l.setZIndex(0);
    map.addLayer(l);
  });
  const select = document.createElement('select');
  select.dataset.testid = 'basemap';
  const fill = () => select.replaceChildren(...choices.map((c, i) => Object.assign(document.createElement('option'), { value: String(i), textContent: t(c.key) })));
  const apply = () => {
    const chosen = choices[Number(select.value)]?.layers ?? [];
    all.forEach(l => l.setVisible(chosen.includes(l)));
  };
  fill();
  select.value = '0';
  apply();
  select.addEventListener('change', apply);
  onLangChange(() => {
    const v = select.value;
    fill();
    select.value = v;
  });
  container.replaceChildren(select);
}
