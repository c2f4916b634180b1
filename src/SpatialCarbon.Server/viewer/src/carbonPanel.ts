// Carbon from the map: draw an area -> stock per year, the change between the first and last year, the transitions.
import type { DrawTool } from './drawTool';
import { carbonFor } from './api';
import { escapeHtml, fmt } from './format';
import { onLangChange, t } from './i18n';
import { transitionChart, type Transition } from './transitionChart';

/** Answer of /api/carbon. */
export interface CarbonReport {
  area_ha: number;
  stocks: Array<{ year: number; stock_mg_c: number; valid_area_ha?: number; nodata_area_ha?: number }>;
  changes: Array<{ from: number; to: number; change_mg_c: number; change_mg_co2e: number; annual_change_mg_c_yr?: number }>;
  transitions: Array<{ from_code: number; to_code: number; area_ha: number; change_mg_c?: number }>;
  area_method?: string;
  pools?: string;
}

/** The change over the whole period (first to last year) when the server lists it, else the last listed. */
function overall(r: CarbonReport) {
  const first = Math.min(...r.stocks.map(s => s.year));
  const lastYear = Math.max(...r.stocks.map(s => s.year));
  return r.changes.find(c => c.from === first && c.to === lastYear) ?? r.changes.at(-1);
}

function html(r: CarbonReport): string {
  const stocks = [...r.stocks].sort((a, b) => a.year - b.year)
    .map(s => `<tr><th>${t('stock')} ${s.year}</th><td class="num">${fmt(s.stock_mg_c, 1)} Mg C</td></tr>`).join('');
  const c = overall(r);
  const change = c ? `<tr><th>${t('change')} ${c.from}→${c.to}</th><td class="num ${c.change_mg_c < 0 ? 'loss' : 'gain'}" data-testid="carbon-change">${fmt(c.change_mg_c, 1)} Mg C</td></tr>
    <tr><th>${t('co2e')}</th><td class="num">${fmt(c.change_mg_co2e, 1)} Mg CO₂e</td></tr>` : '';
  return `<table class="carbon-figures" data-testid="carbon-figures">
    <tr><th>${t('area')}</th><td class="num">${fmt(r.area_ha, 2)} ha</td></tr>${stocks}${change}</table>
    <h4>${t('transitions')}${c ? ` ${c.from}→${c.to}` : ''} (ha)</h4><div class="chart-slot"></div>
    <p class="stamp">${escapeHtml([r.area_method, r.pools].filter(Boolean).join(' · '))}</p>`;
}

export function buildCarbonPanel(container: HTMLElement, tool: DrawTool): void {
  container.innerHTML = `<div class="buttons"><button type="button" data-testid="draw-carbon" data-i18n="draw_area"></button><button type="button" data-action="clear" data-i18n="clear"></button></div><div class="result" data-testid="carbon-result"></div>`;
  const result = container.querySelector<HTMLElement>('.result')!;
  let last: CarbonReport | null = null;
  const show = (r: CarbonReport) => {
    last = r;
    result.innerHTML = html(r);
    const c = overall(r);
    const transitions: Transition[] = r.transitions.map(x => ({ from: x.from_code, to: x.to_code, area_ha: x.area_ha }));
    if (transitions.length) result.querySelector('.chart-slot')!.append(transitionChart(transitions, String(c?.from ?? ''), String(c?.to ?? '')));
  };
  container.querySelector('[data-testid=draw-carbon]')!.addEventListener('click', async () => {
    const f = await tool.draw();
    result.innerHTML = `<p class="working">${t('working')}</p>`;
    try {
      show((await carbonFor(tool.toGeoJson(f))) as unknown as CarbonReport);
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
