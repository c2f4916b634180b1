// The HTTP contract of `serve` (DESIGN.md "Interfaces that must stay stable"), typed for the viewer.
import type { Feature as GeoJsonFeature } from 'geojson';

/** One tile source as the viewer needs it, whatever shape /catalog gives it in. */
export interface CatalogSource {
  id: string;
  kind: 'vector' | 'raster';
  title?: { zh?: string; en?: string };
  tiles?: string[];
  minzoom?: number;
  maxzoom?: number;
  bounds?: [number, number, number, number];
  legend?: string;
}

export type Verdict = 'prohibit' | 'restrict' | 'review' | 'allow' | 'encourage';

export interface ScreenResult {
  id?: string;
  verdict: Verdict;
  footprint: { area_ha: number; gk_epsg?: number; centroid?: [number, number] };
  zones: Array<{ layer: string; code: string; name: string; overlap_ha: number; share: number }>;
  nearest?: Array<{ layer: string; code: string; name: string; distance_m: number }>;
  rules: Array<{ id: string; effect: string; dimension?: string; reason?: string; text?: string; source?: string }>;
  carbon?: { stock_mg_c?: number; loss_if_built_mg_c?: number };
  report_url?: string;
  data_version?: string;
  rules_version?: string;
  area_method?: string;
}

/** Answer of /config.json: the 天地图 key when one is configured, the 审图号 line when set. */
export interface ViewerConfig {
  tianditu_key?: string;
  map_approval?: string;
}

export class ApiError extends Error {}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // not problem+json; keep the status line
    }
    throw new ApiError(detail);
  }
  return (await response.json()) as T;
}

/** Accepts an array of sources or an object holding one (`sources`, `layers`), and vector/mvt, raster/png kinds. */
export function normaliseCatalog(raw: unknown): CatalogSource[] {
  const obj = raw as Record<string, unknown>;
  const list = (Array.isArray(raw) ? raw : obj.sources ?? obj.layers ?? obj.items ?? []) as Array<Record<string, unknown>>;
  return list.map(s => {
    const id = String(s.id ?? s.name);
    const declared = String(s.kind ?? s.type ?? s.format ?? '').toLowerCase();
    const vector = /vector|mvt|pbf|polygon|zone/.test(declared);
    return {
      id,
      kind: vector ? 'vector' : 'raster',
      title: typeof s.title === 'string' ? { zh: s.title, en: s.title } : (s.title as CatalogSource['title']) ?? undefined,
      tiles: Array.isArray(s.tiles) ? (s.tiles as string[]) : typeof s.tiles === 'string' ? [s.tiles] : undefined,
      minzoom: typeof s.minzoom === 'number' ? s.minzoom : undefined,
      maxzoom: typeof s.maxzoom === 'number' ? s.maxzoom : undefined,
      bounds: Array.isArray(s.bounds) ? (s.bounds as [number, number, number, number]) : undefined,
      legend: typeof s.legend === 'string' ? s.legend : undefined,
    };
  });
}

export const getCatalog = async (): Promise<CatalogSource[]> => normaliseCatalog(await json(await fetch('catalog')));

export async function getConfig(): Promise<ViewerConfig> {
  try {
    const r = await fetch('config.json');
    return r.ok ? ((await r.json()) as ViewerConfig) : {};
  } catch {
    return {};
  }
}

export const getLegend = async (id: string): Promise<unknown> => json(await fetch(`legend/${encodeURIComponent(id)}`));

/** Answer of /api/point: the zones containing the point and each year's land-use class and carbon density. */
export interface PointReport {
  lon: number;
  lat: number;
  zones?: Array<{ layer: string; id?: number; attributes: Record<string, unknown> }>;
  landuse?: Array<{ year: number; code: number | null; name_zh?: string | null; name_en?: string | null }>;
  carbon?: Array<{ year: number; density_mg_c_ha: number | null }>;
  [other: string]: unknown;
}

export const getPoint = async (lon: number, lat: number): Promise<PointReport> =>
  json(await fetch(`api/point?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`));

export interface ScreenQuery {
  industry: string;
  kind: string;
  project_type?: string;
}

function screenUrl(q: ScreenQuery): string {
  const p = new URLSearchParams({ industry: q.industry, kind: q.kind });
  if (q.project_type) p.set('project_type', q.project_type);
  return `api/screen?${p}`;
}

/** Screens a footprint given as a GeoJSON Feature in CGCS2000 lon/lat. */
export const screenFeature = async (feature: GeoJsonFeature, q: ScreenQuery): Promise<ScreenResult> =>
  json(await fetch(screenUrl(q), { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(feature) }));

/** Screens a footprint file (GeoJSON, zipped shapefile, KML, 界址点 TXT) as the server reads it, CRS included: the
 * file is posted as it is, in the form field `file`; a file of several footprints gives one result each. */
export async function screenFile(file: File, q: ScreenQuery): Promise<ScreenResult[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  const answer = await json<ScreenResult | ScreenResult[]>(await fetch(screenUrl(q), { method: 'POST', body: form }));
  return Array.isArray(answer) ? answer : [answer];
}

/** The footprint the server screened, as a GeoJSON Feature in CGCS2000 lon/lat. */
export const screenedFootprint = async (r: ScreenResult): Promise<GeoJsonFeature> =>
  json(await fetch(`api/screen/${encodeURIComponent(r.id ?? '')}/footprint.geojson`));

export const carbonFor = async (feature: GeoJsonFeature): Promise<Record<string, unknown>> =>
  json(await fetch('api/carbon', { method: 'POST', headers: { 'Content-Type': 'application/geo+json' }, body: JSON.stringify(feature) }));

export const reportUrl = (r: ScreenResult): string | null =>
  r.report_url ?? (r.id ? `api/screen/${encodeURIComponent(r.id)}/report.pdf` : null);
