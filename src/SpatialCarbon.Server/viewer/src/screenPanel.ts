// Screen from the map: a drawn or uploaded footprint and an industry code -> verdict, zones, rules, carbon, report.
import type Map from 'ol/Map.js';
import type Feature from 'ol/Feature.js';
import type VectorTileSource from 'ol/source/VectorTile.js';
import { reportUrl, screenFeature, screenFile, type ScreenQuery, type ScreenResult } from './api';
import type { DrawTool } from './drawTool';
import { geojson } from './drawTool';
import { escapeHtml, fmt } from './format';
import { layerName, onLangChange, t, type UiKey } from './i18n';
import { showOverlaps } from './overlapLayer';
import { isGeoJsonFile, readGeoJsonFootprint } from './upload';

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
  let last: ScreenResult | null = null;

  const show = (r: ScreenResult, footprint: Feature | null) => {
    last = r;
    result.innerHTML = resultHtml(r);
    if (!footprint && r.footprint?.geometry) footprint = geojson.readFeature({ type: 'Feature', geometry: r.footprint.geometry, properties: {} }, { dataProjection: 'EPSG:4490', featureProjection: 'EPSG:3857' }) as Feature;
    if (footprint) {
      tool.show([footprint]);
      const g = footprint.getGeometry();
      if (g) {
        removeOverlaps();
        removeOverlaps = showOverlaps(map, g, r.zones ?? [], zoneSource);
        map.getView().fit(g.getExtent(), { padding: [60, 60, 60, 60], maxZoom: 15, duration: 300 });
      }
    }
  };
  const run = async (job: () => Promise<ScreenResult>, footprint: Feature | null) => {
    result.innerHTML = `<p class="working">${t('working')}</p>`;
    try {
      show(await job(), footprint);
    } catch (e) {
      result.innerHTML = `<p class="error" data-testid="screen-error">${t('error')}: ${escapeHtml((e as Error).message)}</p>`;
    }
  };

  container.querySelector('[data-testid=draw-footprint]')!.addEventListener('click', async () => {
    removeOverlaps();
    const f = await tool.draw();
    await run(() => screenFeature(tool.toGeoJson(f), query()), f);
  });
  container.querySelector<HTMLInputElement>('[data-testid=upload-footprint]')!.addEventListener('change', async e => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    removeOverlaps();
    if (isGeoJsonFile(file)) {
      try {
        const f = await readGeoJsonFootprint(file);
        await run(() => screenFeature(tool.toGeoJson(f), query()), f);
      } catch (err) {
        result.innerHTML = `<p class="error">${t('error')}: ${escapeHtml((err as Error).message)}</p>`;
      }
    } else {
      await run(() => screenFile(file, query()), null);
    }
  });
  container.querySelector('[data-action=clear]')!.addEventListener('click', () => {
    removeOverlaps();
    tool.clear();
    result.replaceChildren();
    last = null;
  });
  onLangChange(() => {
    if (last) result.innerHTML = resultHtml(last);
  });
}
