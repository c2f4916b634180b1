// Year compare: a year slider over the land-use layers, and a swipe that clips the later year to the right of a line.
import type Map from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Layer from 'ol/layer/Layer.js';
import type RenderEvent from 'ol/render/Event.js';
import type { EventsKey } from 'ol/events.js';
import { unByKey } from 'ol/Observable.js';
import { getRenderPixel } from 'ol/render.js';
import { onLangChange, translateStatic } from './i18n';

export interface YearLayer {
  year: string;
  layer: BaseLayer;
}

function clipRightOf(map: Map, fraction: () => number) {
  return (event: RenderEvent) => {
    const ctx = event.context as CanvasRenderingContext2D;
    const [w, h] = map.getSize()!;
    const x = w * fraction();
    const tl = getRenderPixel(event, [x, 0]);
    const tr = getRenderPixel(event, [w, 0]);
    const bl = getRenderPixel(event, [x, h]);
    const br = getRenderPixel(event, [w, h]);
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(tl[0], tl[1]);
    ctx.lineTo(bl[0], bl[1]);
    ctx.lineTo(br[0], br[1]);
    ctx.lineTo(tr[0], tr[1]);
    ctx.closePath();
    ctx.clip();
  };
}

export function buildYearCompare(container: HTMLElement, map: Map, years: YearLayer[], onChange: () => void): void {
  if (years.length === 0) {
    container.hidden = true;
    return;
  }
  const options = years.map(y => `<option value="${y.year}">${y.year}</option>`).join('');
  container.innerHTML = `
    <label class="year-slider"><span data-i18n="year"></span> <output data-testid="year-output"></output>
      <input type="range" data-testid="year-slider" min="0" max="${years.length - 1}" step="1" value="${years.length - 1}" list="year-ticks"></label>
    <datalist id="year-ticks">${years.map((_, i) => `<option value="${i}"></option>`).join('')}</datalist>
    <label><input type="checkbox" data-testid="swipe-toggle"> <span data-i18n="swipe"></span></label>
    <div class="swipe-controls" hidden>
      <label><span data-i18n="left"></span> <select name="left">${options}</select></label>
      <label><span data-i18n="right"></span> <select name="right">${options}</select></label>
      <input type="range" data-testid="swipe-position" min="0" max="100" value="50">
    </div>`;
  translateStatic(container);
  onLangChange(() => translateStatic(container));
  const slider = container.querySelector<HTMLInputElement>('[data-testid=year-slider]')!;
  const output = container.querySelector('output')!;
  const toggle = container.querySelector<HTMLInputElement>('[data-testid=swipe-toggle]')!;
  const controls = container.querySelector<HTMLElement>('.swipe-controls')!;
  const leftSel = container.querySelector<HTMLSelectElement>('[name=left]')!;
  const rightSel = container.querySelector<HTMLSelectElement>('[name=right]')!;
  const position = container.querySelector<HTMLInputElement>('[data-testid=swipe-position]')!;
  leftSel.value = years[0].year;
  rightSel.value = years[years.length - 1].year;

  const divider = document.createElement('div');
  divider.className = 'swipe-divider';
  divider.hidden = true;
  map.getViewport()!.append(divider);

  let keys: EventsKey[] = [];
  let clipped: BaseLayer | null = null;
  const fraction = () => Number(position.value) / 100;
  const layerOf = (year: string) => years.find(y => y.year === year)!.layer;

  const showYear = () => {
    const y = years[Number(slider.value)];
    output.textContent = y.year;
    for (const o of years) o.layer.setVisible(o === y);
    onChange();
  };
  const unclip = () => {
    unByKey(keys);
    keys = [];
    clipped?.setZIndex(10);
    clipped = null;
  };
  const swipe = () => {
    unclip();
    const left = layerOf(leftSel.value);
    const right = layerOf(rightSel.value);
    for (const o of years) o.layer.setVisible(o.layer === left || o.layer === right);
    if (right !== left) {
      right.setZIndex(10);
      const r = right as Layer;
      keys = [r.on('prerender', clipRightOf(map, fraction)), r.on('postrender', e => (e.context as CanvasRenderingContext2D).restore())];
      clipped = right;
    }
    divider.style.left = `${Number(position.value)}%`;
    map.render();
    onChange();
  };
  const apply = () => {
    controls.hidden = !toggle.checked;
    divider.hidden = !toggle.checked;
    slider.disabled = toggle.checked;
    if (toggle.checked) swipe();
    else {
      unclip();
      showYear();
      map.render();
    }
  };

  slider.addEventListener('input', showYear);
  toggle.addEventListener('change', apply);
  leftSel.addEventListener('change', swipe);
  rightSel.addEventListener('change', swipe);
  position.addEventListener('input', () => {
    divider.style.left = `${Number(position.value)}%`;
    map.render();
  });
  const current = years.findIndex(y => y.layer.getVisible());
  if (current >= 0) slider.value = String(current);
  output.textContent = years[Number(slider.value)].year;
}
