// The layer panel: catalog sources grouped 分区管控 / 生态 / 土地利用 / 碳, each with a switch, opacity and legend.
import type BaseLayer from 'ol/layer/Base.js';
import type { CatalogSource } from './api';
import { groupOf, groupOrder } from './layerGroups';
import { layerName, onLangChange, t } from './i18n';
import { legendFor } from './legend';

export interface SwitcherEntry {
  source: CatalogSource;
  layer: BaseLayer;
}

function entryRow(e: SwitcherEntry, onChange: () => void): HTMLElement {
  const row = document.createElement('div');
  row.className = 'layer-row';
  row.dataset.layer = e.source.id;

  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = e.layer.getVisible();
  box.dataset.testid = `toggle-${e.source.id}`;
  const name = document.createElement('span');
  name.className = 'layer-name';
  name.dataset.layerName = e.source.id;
  name.textContent = layerName(e.source.id, e.source.title);
  label.append(box, name);

  const details = document.createElement('div');
  details.className = 'layer-details';
  const opacity = document.createElement('input');
  opacity.type = 'range';
  opacity.min = '0';
  opacity.max = '1';
  opacity.step = '0.05';
  opacity.value = String(e.layer.getOpacity());
  opacity.title = t('opacity');
  opacity.dataset.testid = `opacity-${e.source.id}`;
  opacity.addEventListener('input', () => e.layer.setOpacity(Number(opacity.value)));
  const legend = document.createElement('div');
  legend.className = 'legend';
  details.append(opacity, legend);

  let legendLoaded = false;
  const showDetails = () => {
    details.hidden = !e.layer.getVisible();
    if (e.layer.getVisible() && !legendLoaded) {
      legendLoaded = true;
      legendFor(e.source).then(el => legend.replaceChildren(...(el ? [el] : [])));
    }
  };
  box.addEventListener('change', () => {
    e.layer.setVisible(box.checked);
    onChange();
  });
  e.layer.on('change:visible', () => {
    box.checked = e.layer.getVisible();
    showDetails();
  });
  onLangChange(() => {
    name.textContent = layerName(e.source.id, e.source.title);
    opacity.title = t('opacity');
    if (legendLoaded) legendFor(e.source).then(el => legend.replaceChildren(...(el ? [el] : [])));
  });
  showDetails();
  row.append(label, details);
  return row;
}

/** Fills `container` with the grouped switcher; `onChange` runs after any visibility change (for the URL). */
export function buildLayerSwitcher(container: HTMLElement, entries: SwitcherEntry[], onChange: () => void): void {
  container.replaceChildren();
  for (const g of groupOrder) {
    const members = entries.filter(e => groupOf(e.source) === g);
    if (members.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'layer-group';
    const legend = document.createElement('legend');
    legend.dataset.i18n = g;
    legend.textContent = t(g);
    fieldset.append(legend, ...members.map(m => entryRow(m, onChange)));
    container.append(fieldset);
  }
}
