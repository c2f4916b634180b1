// Carbon from the map: draw an area -> stock in 2000 and 2020, the change, and the land-use transitions.
import type { DrawTool } from './drawTool';
import { carbonFor } from './api';
import { escapeHtml, fmt } from './format';
import { onLangChange, t } from './i18n';
import { transitionChart, type Transition } from './transitionChart';

type Raw = Record<string, unknown>;

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : v == null ? undefined : Number(v));

/** The first numeric value among the given keys, looked up at the top level and one level down. */
function pick(raw: Raw, ...keys: string[]): number | undefined {
  for (const k of keys) if (raw[k] != null) return num(raw[k]);
  for (const v of Object.values(raw)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = pick(v as Raw, ...keys);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Transitions as a list ({from,to,area_ha}), a matrix ({codes, area_ha[][]}) or a map ("1->2": ha). */
export function transitionsOf(raw: Raw): Transition[] {
  const t = raw.transitions ?? raw.transition ?? raw.transition_matrix ?? raw.matrix;
  if (Array.isArray(t)) {
    return t.map(x => x as Raw).map(x => ({ from: Number(x.from ?? x.baseline ?? x.from_code), to: Number(x.to ?? x.alternate ?? x.to_code), area_ha: Number(x.area_ha ?? x.area ?? (num(x.area_m2) ?? 0) / 10_000) }));
  }
  if (t && typeof t === 'object') {
    const m = t as Raw;
    if (Array.isArray(m.codes) && Array.isArray(m.area_ha)) {
      const codes = m.codes as number[];
      return (m.area_ha as number[][]).flatMap((row, i) => row.map((a, j) => ({ from: codes[i], to: codes[j], area_ha: a }))).filter(x => x.area_ha > 0);
    }
    return Object.entries(m).map(([k, v]) => {
      const [from, to] = k.split(/->|→|,|_to_/).map(Number);
      return { from, to, area_ha: Number(v) };
    }).filter(x => !Number.isNaN(x.from) && !Number.isNaN(x.to));
  }
  return [];
}

function html(raw: Raw): string {
  const stock0 = pick(raw, 'baseline_total_mg_c', 'stock_2000_mg_c', 'stock_baseline_mg_c');
  const stock1 = pick(raw, 'alternate_total_mg_c', 'stock_2020_mg_c', 'stock_mg_c', 'stock_alternate_mg_c');
  const change = pick(raw, 'change_total_mg_c', 'change_mg_c') ?? (stock0 !== undefined && stock1 !== undefined ? stock1 - stock0 : undefined);
  const co2e = pick(raw, 'change_total_mg_co2e', 'change_mg_co2e');
  const area = pick(raw, 'area_ha', 'footprint_area_ha');
  return `<table class="carbon-figures" data-testid="carbon-figures">
    <tr><th>${t('area')}</th><td class="num">${fmt(area, 2)} ha</td></tr>
    <tr><th>${t('stock_2000')}</th><td class="num">${fmt(stock0, 1)} Mg C</td></tr>
    <tr><th>${t('stock_2020')}</th><td class="num">${fmt(stock1, 1)} Mg C</td></tr>
    <tr><th>${t('change')}</th><td class="num ${change !== undefined && change < 0 ? 'loss' : 'gain'}">${fmt(change, 1)} Mg C</td></tr>
    <tr><th>${t('co2e')}</th><td class="num">${fmt(co2e, 1)} Mg CO₂e</td></tr>
  </table><h4>${t('transitions')}</h4><div class="chart-slot"></div>`;
}

export function buildCarbonPanel(container: HTMLElement, tool: DrawTool): void {
  container.innerHTML = `<div class="buttons"><button type="button" data-testid="draw-carbon" data-i18n="draw_area"></button><button type="button" data-action="clear" data-i18n="clear"></button></div><div class="result" data-testid="carbon-result"></div>`;
  const result = container.querySelector<HTMLElement>('.result')!;
  let last: Raw | null = null;
  const show = (raw: Raw) => {
    last = raw;
    result.innerHTML = html(raw);
    const transitions = transitionsOf(raw);
    if (transitions.length) result.querySelector('.chart-slot')!.append(transitionChart(transitions, String(raw.baseline_year ?? 2000), String(raw.alternate_year ?? 2020)));
  };
  container.querySelector('[data-testid=draw-carbon]')!.addEventListener('click', async () => {
    const f = await tool.draw();
    result.innerHTML = `<p class="working">${t('working')}</p>`;
    try {
      show(await carbonFor(tool.toGeoJson(f)));
    } catch (e) {
      result.innerHTML = `<p class="error">${t('error')}: ${escapeHtml((e as Error).message)}</p>`;
    }
  });
  container.querySelector('[data-action=clear]')!.addEventListener('click', () => {
    tool.clear();
    result.replaceChildren();
    last = null;
  });
  onLangChange(() => last && show(last));
}
