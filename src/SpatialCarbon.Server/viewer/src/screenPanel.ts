// Screen from the map: a drawn or uploaded footprint and an industry code -> verdict, zones, rules, carbon, report.
import type Map from 'ol/Map.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import type VectorTileSource from 'ol/source/VectorTile.js';
import { reportUrl, screenedFootprint, screenFeature, screenFile, type ScreenQuery, type ScreenResult } from './api';
import type { DrawTool } from './drawTool';
import { geojson } from './drawTool';
import { escapeHtml, fmt } from './format';
import { layerName, onLangChange, t, type UiKey } from './i18n';
import { showOverlaps } from './overlapLayer';

export const verdictColours: Record<string, string> = {
  prohibit: '#c0392b',
  restrict: '#e67e22',
  review: '#d4a10d',
  allow: '#27ae60',
  encourage: '#2471a3',
};

function resultHtml(r: ScreenResult): string {
  const colour = verdictColours[r.verdict] ?? '#555';
  const verdictName = t(`verdict_${r.verdict}` as UiKey) ?? r.verdict;
  const zones = (r.zones ?? []).map(z => `<tr><td>${escapeHtml(layerName(z.layer))}</td><td>${escapeHtml(z.name)}<br><small>${escapeHtml(z.code)}</small></td><td class="num">${fmt(z.overlap_ha, 3)} ha</td><td class="num">${fmt(z.share * 100, 1)}%</td></tr>`).join('');
  const nearest = (r.nearest ?? []).map(z => `<li>${escapeHtml(layerName(z.layer))} · ${escapeHtml(z.name)} — ${fmt(z.distance_m, 0)} m</li>`).join('');
  const rules = (r.rules ?? []).map(rule => `<li class="rule" style="border-left-color:${verdictColours[rule.effect] ?? '#999'}"><b>${escapeHtml(rule.id)}</b> <span class="effect" style="color:${verdictColours[rule.effect] ?? '#333'}">${escapeHtml(t(`verdict_${rule.effect}` as UiKey) ?? rule.effect)}</span>${rule.dimension ? ` · ${escapeHtml(rule.dimension)}` : ''}${rule.reason ? `<div class="reason">${escapeHtml(rule.reason)}</div>` : ''}${rule.text ? `<blockquote>${escapeHtml(rule.text)}</blockquote>` : ''}${rule.source ? `<small>${escapeHtml(rule.source)}</small>` : ''}</li>`).join('');
  const pdf = reportUrl(r);
  return `
    <div class="verdict" data-testid="verdict" data-verdict="${escapeHtml(r.verdict)}" style="background:${colour}">${t('verdict')}: ${escapeHtml(verdictName)}</div>
    <p>${t('footprint_area')}: <b>${fmt(r.footprint?.area_ha, 3)} ha</b>${r.footprint?.gk_epsg ? ` (EPSG:${r.footprint.gk_epsg})` : ''}</p>
    <h4>${t('zones')}</h4>${zones ? `<table class="zones"><tbody>${zones}</tbody></table>` : '<p>—</p>'}
    ${nearest ? `<h4>${t('nearest')}</h4><ul>${nearest}</ul>` : ''}
    <h4>${t('rules')}</h4>${rules ? `<ul class="rules">${rules}</ul>` : '<p>—</p>'}
    <h4>${t('carbon_at_stake')}</h4>
    <p>${fmt(r.carbon?.stock_mg_c, 1)} Mg C · ${t('carbon_loss')} ${fmt(r.carbon?.loss_if_built_mg_c, 1)} Mg C</p>
    ${pdf ? `<p><a class="button" data-testid="report-link" href="${escapeHtml(pdf)}" target="_blank" rel="noopener">${t('report_pdf')}</a></p>` : ''}
    <p class="stamp">${escapeHtml([r.data_version, r.rules_version, r.area_method].filter(Boolean).join(' · '))}</p>`;
}

export function buildScreenPanel(container: HTMLElement, map: Map, tool: DrawTool, zoneSource: (id: string) => VectorTileSource | undefined): void {
  container.innerHTML = `
    <label><span data-i18n="industry"></span><input name="industry" data-testid="industry" value="C2511" required></label>
    <label><span data-i18n="kind"></span><select name="kind">
      <option value="new" data-i18n="kind_new"></option><option value="rebuild" data-i18n="kind_rebuild"></option><option value="expansion" data-i18n="kind_expansion"></option>
    </select></label>
    <label><span data-i18n="project_type"></span><input name="project_type"></label>
    <div class="buttons">
      <button type="button" data-testid="draw-footprint" data-i18n="draw_footprint"></button>
      <label class="button file"><span data-i18n="upload"></span><input type="file" data-testid="upload-footprint" accept=".geojson,.json,.zip,.kml,.txt" hidden></label>
      <button type="button" data-action="clear" data-i18n="clear"></button>
    </div>
    <small data-i18n="upload_hint"></small>
    <div class="result" data-testid="screen-result"></div>`;
  const result = container.querySelector<HTMLElement>('.result')!;
  const field = (name: string) => container.querySelector<HTMLInputElement>(`[name=${name}]`)!.value.trim();
  const query = (): ScreenQuery => ({ industry: field('industry'), kind: field('kind'), project_type: field('project_type') || undefined });
  let removeOverlaps = () => {};
  let last: ScreenResult[] = [];
  const render = () => {
    result.innerHTML = last.map(resultHtml).join('<hr>');
  };

  const show = (results: ScreenResult[], footprints: Feature[]) => {
    last = results;
    render();
    tool.show(footprints);
    removeOverlaps();
    const removers = footprints.map((f, i) => {
      const g = f.getGeometry();
      return g ? showOverlaps(map, g, results[i]?.zones ?? [], zoneSource) : () => {};
    });
    removeOverlaps = () => removers.forEach(remove => remove());
    const extent = createEmpty();
    footprints.forEach(f => {
      const g = f.getGeometry();
      if (g) extend(extent, g.getExtent());
    });
    if (!isEmpty(extent)) map.getView().fit(extent, { padding: [60, 60, 60, 60], maxZoom: 15, duration: 300 });
  };
  const run = async (job: () => Promise<{ results: ScreenResult[]; footprints: Feature[] }>) => {
    result.innerHTML = `<p class="working">${t('working')}</p>`;
    try {
      const { results, footprints } = await job();
      show(results, footprints);
    } catch (e) {
      result.innerHTML = `<p class="error" data-testid="screen-error">${t('error')}: ${escapeHtml((e as Error).message)}</p>`;
    }
  };

  container.querySelector('[data-testid=draw-footprint]')!.addEventListener('click', async () => {
    removeOverlaps();
    const f = await tool.draw();
    await run(async () => ({ results: [await screenFeature(tool.toGeoJson(f), query())], footprints: [f] }));
  });
  // Every file goes to the server, which reads it as `screen --footprint` does (its CRS included); the footprints
  // drawn are the ones it screened.
  container.querySelector<HTMLInputElement>('[data-testid=upload-footprint]')!.addEventListener('change', async e => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    removeOverlaps();
    await run(async () => {
      const results = await screenFile(file, query());
      const footprints = await Promise.all(results.map(async r =>
        geojson.readFeature(await screenedFootprint(r), { dataProjection: 'EPSG:4490', featureProjection: 'EPSG:3857' }) as Feature));
      return { results, footprints };
    });
  });
  container.querySelector('[data-action=clear]')!.addEventListener('click', () => {
    removeOverlaps();
    tool.clear();
    result.replaceChildren();
    last = [];
  });
  onLangChange(() => {
    if (last.length) render();
  });
}
