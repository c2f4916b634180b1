// Legends from /legend/{id}: class swatches or a colour ramp from the JSON, the server's PNG when the JSON is unusable.
import { getLegend } from './api';
import { lang } from './i18n';
import { unitTypeColours } from './zoneStyles';

type Entry = Record<string, unknown>;

function labelOf(e: Entry): string {
  const zh = e.name_zh ?? e.label_zh ?? e.zh;
  const en = e.name_en ?? e.label_en ?? e.en;
  const plain = e.label ?? e.name ?? e.value ?? e.code ?? '';
  return String((lang() === 'zh' ? zh : en) ?? plain);
}

const colourOf = (e: Entry): string => String(e.color ?? e.colour ?? e.fill ?? '#ccc');

function swatches(entries: Entry[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'legend-entries';
  for (const e of entries) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = colourOf(e);
    li.append(sw, document.createTextNode(labelOf(e)));
    ul.append(li);
  }
  return ul;
}

function ramp(raw: Entry): HTMLElement | null {
  const stops = (raw.stops ?? raw.colors ?? raw.colours ?? raw.ramp) as unknown;
  if (!Array.isArray(stops) || stops.length < 2) return null;
  const colours = stops.map(s => (typeof s === 'string' ? s : colourOf(s as Entry)));
  const div = document.createElement('div');
  div.className = 'legend-ramp';
  const bar = document.createElement('div');
  bar.className = 'ramp-bar';
  bar.style.background = `linear-gradient(to right, ${colours.join(', ')})`;
  const ends = document.createElement('div');
  ends.className = 'ramp-ends';
  const unit = raw.unit ? ` ${raw.unit}` : '';
  ends.innerHTML = `<span>${raw.min ?? ''}</span><span>${raw.max ?? ''}${unit}</span>`;
  div.append(bar, ends);
  return div;
}

const fallbackImage = (id: string): HTMLElement => Object.assign(document.createElement('img'), { src: `legend/${encodeURIComponent(id)}.png`, alt: id, className: 'legend-img' });

/** Builds the legend of one layer; control units get their three types even when the server gives no legend. */
export async function legendFor(id: string): Promise<HTMLElement> {
  try {
    const raw = (await getLegend(id)) as Entry | Entry[];
    const entries = Array.isArray(raw) ? raw : ((raw.entries ?? raw.classes ?? raw.items ?? raw.legend) as Entry[] | undefined);
    if (Array.isArray(entries) && entries.length > 0) return swatches(entries);
    if (!Array.isArray(raw)) {
      const r = ramp(raw);
      if (r) return r;
    }
  } catch {
    // fall through to the image or the built-in classes
  }
  if (id === 'control_unit') {
    return swatches(Object.entries(unitTypeColours).map(([v, c]) => ({ color: c, name_zh: ['', '优先保护', '重点管控', '一般管控'][+v], name_en: ['', 'Priority protection', 'Key control', 'General control'][+v] })));
  }
  return fallbackImage(id);
}
