// How each zone layer is drawn: control units by type as Jiangsu's 三线一单 platform colours them.
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { StyleFunction } from 'ol/style/Style.js';

/** 1 优先保护 green, 2 重点管控 red, 3 一般管控 yellow. */
export const unitTypeColours: Record<string, string> = { '1': '#2e9e44', '2': '#d7301f', '3': '#f2c318' };

const fixed: Record<string, { stroke: string; fill: string; width?: number; dash?: number[] }> = {
  red_line: { stroke: '#b30000', fill: 'rgba(230, 40, 40, 0.35)', width: 1.5 },
  eco_space: { stroke: '#1a7f37', fill: 'rgba(60, 170, 90, 0.30)' },
  buffer: { stroke: '#0b6e99', fill: 'rgba(40, 150, 200, 0.35)' },
  eco_island: { stroke: '#7b3fa0', fill: 'rgba(150, 90, 200, 0.30)', width: 2 },
  damaged_land: { stroke: '#7a4b1f', fill: 'rgba(160, 100, 40, 0.40)' },
  admin: { stroke: '#555', fill: 'rgba(0,0,0,0)', width: 1.2, dash: [6, 3] },
};

/** The fill colour a zone layer is drawn with, for its legend swatch. */
export const legendColour = (layerId: string): string | null => fixed[layerId]?.fill ?? null;

const cache = new Map<string, Style>();

function cached(key: string, make: () => Style): Style {
  let s = cache.get(key);
  if (!s) cache.set(key, (s = make()));
  return s;
}

function polygonStyle(stroke: string, fill: string, width = 1, dash?: number[]): Style {
  return new Style({ stroke: new Stroke({ color: stroke, width, lineDash: dash }), fill: new Fill({ color: fill }) });
}

function hexWithAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The style of a zone layer; control units pick their colour from ZHGKDYFL. */
export function zoneStyle(layerId: string): StyleFunction {
  if (layerId === 'control_unit') {
    return (f: FeatureLike) => {
      const type = String(f.get('ZHGKDYFL') ?? '');
      const colour = unitTypeColours[type] ?? '#888888';
      return cached(`cu${type}`, () => polygonStyle(hexWithAlpha(colour, 0.9), hexWithAlpha(colour, 0.35), 0.8));
    };
  }
  const spec = fixed[layerId] ?? { stroke: '#444', fill: 'rgba(120,120,120,0.25)' };
  const style = polygonStyle(spec.stroke, spec.fill, spec.width, spec.dash);
  return () => style;
}

/** The offline basemap: land drawn from the districts, with their names at closer zooms. */
export function basemapStyle(): StyleFunction {
  const land = new Style({ fill: new Fill({ color: '#f3f1ea' }), stroke: new Stroke({ color: '#c9c3b3', width: 0.8 }) });
  return (f: FeatureLike, resolution: number) => {
    if (resolution > 600) return land;
    const name = String(f.get('district') ?? f.get('name') ?? '');
    return [
      land,
      cached(`label:${name}`, () => new Style({
        text: new Text({
          text: name,
          font: '12px "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
          fill: new Fill({ color: '#6b6455' }),
          stroke: new Stroke({ color: '#f3f1ea', width: 3 }),
          overflow: false,
        }),
      })),
    ];
  };
}

/** A zone drawn where it overlaps the screened footprint. The fill is light because the layers touched stack (red
 * line, eco-space and control unit often cover the same spot) and the land use under the footprint must stay visible;
 * the outlines show how the zones split the footprint. */
export const overlapStyle = new Style({
  fill: new Fill({ color: 'rgba(255, 0, 200, 0.18)' }),
  stroke: new Stroke({ color: '#ff00c8', width: 2 }),
});

export const footprintStyle = new Style({
  fill: new Fill({ color: 'rgba(0, 0, 0, 0.05)' }),
  stroke: new Stroke({ color: '#111', width: 2.5, lineDash: [8, 4] }),
});
