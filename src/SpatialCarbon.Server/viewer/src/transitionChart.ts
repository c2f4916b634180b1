// The land-use transition matrix as an SVG grid: rows the baseline class, columns the later class, cells by area.
import { fmt } from './format';
import { classColour, className } from './landuseClasses';

export interface Transition {
  from: number;
  to: number;
  area_ha: number;
}

const svgNs = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function transitionChart(transitions: Transition[], fromYear: string, toYear: string): SVGSVGElement {
  const codes = [...new Set(transitions.flatMap(t => [t.from, t.to]))].sort((a, b) => a - b);
  const cell = 46, left = 84, top = 84;
  const size = codes.length * cell;
  const svg = el('svg', { width: left + size + 8, height: top + size + 8, class: 'transition-chart', 'data-testid': 'transition-chart', role: 'img' });
  const max = Math.max(...transitions.map(t => t.area_ha), 1e-9);
  svg.append(el('text', { x: 2, y: 12, class: 'axis-title' }, `${fromYear} ↓  ${toYear} →`));
  codes.forEach((c, i) => {
    svg.append(el('rect', { x: left - 12, y: top + i * cell + 8, width: 10, height: 14, fill: classColour(c) }));
    svg.append(el('text', { x: left - 16, y: top + i * cell + 19, 'text-anchor': 'end', class: 'label' }, className(c)));
    svg.append(el('rect', { x: left + i * cell + 8, y: top - 12, width: 14, height: 10, fill: classColour(c) }));
    const label = el('text', { x: left + i * cell + 19, y: top - 16, class: 'label', transform: `rotate(-50 ${left + i * cell + 19} ${top - 16})` }, className(c));
    svg.append(label);
  });
  for (const t of transitions) {
    const i = codes.indexOf(t.from), j = codes.indexOf(t.to);
    // Square-root scale: small conversions stay visible beside the large unchanged diagonal.
    const intensity = Math.sqrt(t.area_ha / max);
    const rect = el('rect', {
      x: left + j * cell, y: top + i * cell, width: cell - 1, height: cell - 1,
      fill: t.from === t.to ? `rgba(90,90,90,${0.15 + 0.6 * intensity})` : `rgba(214,48,31,${0.12 + 0.88 * intensity})`,
    });
    rect.append(el('title', {}, `${className(t.from)} → ${className(t.to)}: ${fmt(t.area_ha, 2)} ha`));
    svg.append(rect);
    svg.append(el('text', { x: left + j * cell + cell / 2, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'middle', class: intensity > 0.55 ? 'cell-value dark' : 'cell-value' }, fmt(t.area_ha, t.area_ha < 10 ? 1 : 0)));
  }
  return svg;
}
