// Legends: raster sources from /legend/{id} (classes or ramp stops), zone layers from the viewer's own styles.
import type { CatalogSource } from './api';
import { getLegend } from './api';
import { lang } from './i18n';
import { legendColour, unitTypeColours } from './zoneStyles';

interface Entry {
  value?: number;
  label_zh?: string;
  label_en?: string;
  color?: string;
}

interface Legend {
  kind?: string;
  unit?: string | null;
  entries?: Entry[];
}

const labelOf = (e: Entry): string => String((lang() === 'zh' ? e.label_zh : e.label_en) ?? e.label_zh ?? e.value ?? '');

function swatches(entries: Entry[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'legend-entries';
  for (const e of entries) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = e.color ?? '#ccc';
    li.append(sw, document.createTextNode(labelOf(e)));
    ul.append(li);
  }
  return ul;
}

function ramp(legend: Legend): HTMLElement {
  const entries = legend.entries!;
  const div = document.createElement('div');
  div.className = 'legend-ramp';
  const bar = document.createElement('div');
  bar.className = 'ramp-bar';
  bar.style.background = `linear-gradient(to right, ${entries.map(e => e.color).join(', ')})`;
  const ends = document.createElement('div');
  ends.className = 'ramp-ends';
  const unit = legend.unit ? ` ${legend.unit}` : '';
  ends.append(Object.assign(document.createElement('span'), { textContent: labelOf(entries[0]) }),
    Object.assign(document.createElement('span'), { textContent: labelOf(entries[entries.length - 1]) + unit }));
  div.append(bar, ends);
  return div;
}

const unitTypes: Entry[] = Object.entries(unitTypeColours).map(([v, color]) => ({
  value: Number(v), color,
  label_zh: ['', '优先保护', '重点管控', '一般管控'][Number(v)],
  label_en: ['', 'Priority protection', 'Key control', 'General control'][Number(v)],
}));

/** The legend of one source; vector layers have none on the server, so theirs is drawn from the style here. */
export async function legendFor(source: CatalogSource): Promise<HTMLElement | null> {
  if (source.id === 'control_unit') return swatches(unitTypes);
  if (source.kind === 'vector') {
    const colour = legendColour(source.id);
    return colour ? swatches([{ color: colour, label_zh: '', label_en: '' }]) : null;
  }
  if (!source.legend) return null;
  try {
    const legend = (await getLegend(source.id)) as Legend;
    if (!legend.entries?.length) return null;
    return legend.kind === 'ramp' || legend.kind === 'continuous' ? ramp(legend) : swatches(legend.entries);
  } catch {
    return Object.assign(document.createElement('img'), { src: `legend/${encodeURIComponent(source.id)}.png`, alt: source.id, className: 'legend-img' });
  }
}
