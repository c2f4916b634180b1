// Export the current view as a PNG (the layer canvases composed in order) and print it through the browser to PDF.
import type Map from 'ol/Map.js';

/** Composes the map's layer canvases, each with its CSS transform and opacity, into one PNG data URL. */
export function mapToPng(map: Map): string {
  const [width, height] = map.getSize()!;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = getComputedStyle(map.getViewport()!.parentElement ?? map.getViewport()!).backgroundColor || '#dfe9f2';
  ctx.fillRect(0, 0, width, height);
  map.getViewport()!.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer').forEach(canvas => {
    if (canvas.width === 0) return;
    const parent = canvas.parentElement as HTMLElement;
    const opacity = parent.style.opacity || canvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const m = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = m
      ? m[1].split(',').map(Number)
      : [parseFloat(canvas.style.width) / canvas.width, 0, 0, parseFloat(canvas.style.height) / canvas.height, 0, 0];
    ctx.setTransform(matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5]);
    ctx.drawImage(canvas, 0, 0);
  });
  ctx.globalAlpha = 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  return out.toDataURL('image/png');
}

export function downloadPng(map: Map): void {
  map.once('rendercomplete', () => {
    const a = document.createElement('a');
    a.href = mapToPng(map);
    a.download = `spatialcarbon-${new Date().toISOString().slice(0, 19).replace(/[:T-]/g, '')}.png`;
    a.click();
  });
  map.render();
}

/** The print stylesheet hides the panels; the browser's print dialog saves the PDF. */
export function printMap(map: Map): void {
  map.once('rendercomplete', () => window.print());
  map.render();
}
