// Interface strings in Chinese (default) and English, and the names of layers, fields and codes planners read.

export type Lang = 'zh' | 'en';

type Pair = { zh: string; en: string };

const ui = {
  title: { zh: 'SpatialCarbon 空间碳汇', en: 'SpatialCarbon' },
  layers: { zh: '图层', en: 'Layers' },
  opacity: { zh: '透明度', en: 'Opacity' },
  legend: { zh: '图例', en: 'Legend' },
  group_zoning: { zh: '分区管控', en: 'Zoning control' },
  group_ecology: { zh: '生态', en: 'Ecology' },
  group_landuse: { zh: '土地利用', en: 'Land use' },
  group_carbon: { zh: '碳', en: 'Carbon' },
  basemap: { zh: '底图', en: 'Basemap' },
  basemap_offline: { zh: '离线底图（行政区）', en: 'Offline (districts)' },
  basemap_tianditu: { zh: '天地图矢量', en: 'Tianditu vector' },
  basemap_tianditu_img: { zh: '天地图影像', en: 'Tianditu imagery' },
  map_approval_none: { zh: '审图号：无（合成示例数据，不得公开出版）', en: 'Map approval number (审图号): none — synthetic demo data, not for publication' },
  identify: { zh: '查询', en: 'Identify' },
  zones_here: { zh: '所在分区', en: 'Zones here' },
  raster_values: { zh: '栅格值', en: 'Raster values' },
  no_zone: { zh: '此处无分区', en: 'No zone here' },
  screen: { zh: '选址筛查', en: 'Siting screen' },
  industry: { zh: '行业代码 (GB/T 4754)', en: 'Industry code (GB/T 4754)' },
  kind: { zh: '建设性质', en: 'Project kind' },
  kind_new: { zh: '新建', en: 'New' },
  kind_rebuild: { zh: '改建', en: 'Rebuild' },
  kind_expansion: { zh: '扩建', en: 'Expansion' },
  project_type: { zh: '项目类型（可选）', en: 'Project type (optional)' },
  draw_footprint: { zh: '绘制红线范围', en: 'Draw footprint' },
  upload: { zh: '上传范围文件', en: 'Upload footprint' },
  upload_hint: { zh: 'GeoJSON、压缩 Shapefile、KML、界址点 TXT', en: 'GeoJSON, zipped shapefile, KML, 界址点 TXT' },
  clear: { zh: '清除', en: 'Clear' },
  working: { zh: '计算中…', en: 'Working…' },
  verdict: { zh: '结论', en: 'Verdict' },
  verdict_prohibit: { zh: '禁止', en: 'Prohibited' },
  verdict_restrict: { zh: '限制', en: 'Restricted' },
  verdict_review: { zh: '需审查', en: 'Needs review' },
  verdict_allow: { zh: '允许', en: 'Allowed' },
  verdict_encourage: { zh: '鼓励', en: 'Encouraged' },
  footprint_area: { zh: '用地面积', en: 'Footprint area' },
  zones: { zh: '涉及分区', en: 'Zones touched' },
  nearest: { zh: '邻近分区', en: 'Nearest zones' },
  rules: { zh: '适用规则', en: 'Rules that apply' },
  carbon_at_stake: { zh: '涉及碳储量', en: 'Carbon at stake' },
  carbon_loss: { zh: '建设后损失', en: 'Loss if built' },
  report_pdf: { zh: '下载 PDF 报告', en: 'PDF report' },
  overlap: { zh: '重叠', en: 'overlap' },
  share: { zh: '占比', en: 'share' },
  distance: { zh: '距离', en: 'distance' },
  carbon: { zh: '碳储量核算', en: 'Carbon' },
  draw_area: { zh: '绘制范围', en: 'Draw area' },
  stock: { zh: '碳储量', en: 'Stock' },
  change: { zh: '变化', en: 'Change' },
  co2e: { zh: 'CO₂ 当量', en: 'CO₂e' },
  area: { zh: '面积', en: 'Area' },
  transitions: { zh: '地类转移', en: 'Land-use transitions' },
  compare: { zh: '年份对比', en: 'Year compare' },
  swipe: { zh: '卷帘对比', en: 'Swipe' },
  year: { zh: '年份', en: 'Year' },
  left: { zh: '左', en: 'Left' },
  right: { zh: '右', en: 'Right' },
  search: { zh: '搜索市、区县', en: 'Search city or district' },
  not_found: { zh: '未找到', en: 'Not found' },
  export_png: { zh: '导出 PNG', en: 'Export PNG' },
  print_pdf: { zh: '打印 PDF', en: 'Print PDF' },
  language: { zh: 'English', en: '中文' },
  gk_zone: { zh: '高斯-克吕格 3° 带', en: 'Gauss-Krüger 3° zone' },
  error: { zh: '出错', en: 'Error' },
  tools: { zh: '工具', en: 'Tools' },
  close: { zh: '关闭', en: 'Close' },
} satisfies Record<string, Pair>;

export type UiKey = keyof typeof ui;

/** Layer names as Jiangsu's documents use them; ids follow the workspace layer names. */
const layerNames: Record<string, Pair> = {
  red_line: { zh: '生态保护红线', en: 'Ecological protection red line' },
  eco_space: { zh: '生态空间管控区域', en: 'Eco-space control areas' },
  control_unit: { zh: '环境管控单元', en: 'Environmental control units' },
  buffer: { zh: '生态安全缓冲区', en: 'Ecological safety buffers' },
  eco_island: { zh: '生态岛试验区', en: 'Eco-island pilot zones' },
  damaged_land: { zh: '受损土地', en: 'Damaged land' },
  damaged: { zh: '受损土地', en: 'Damaged land' },
  admin: { zh: '行政区划', en: 'Administrative divisions' },
  carbon_density: { zh: '碳密度', en: 'Carbon density' },
  carbon_change: { zh: '碳储量变化', en: 'Carbon stock change' },
  forest_type: { zh: '森林类型', en: 'Forest type' },
  forest_age: { zh: '林龄', en: 'Stand age' },
  stand_age: { zh: '林龄', en: 'Stand age' },
};

/** Attribute names of the official data, spelled out. */
const fieldNames: Record<string, Pair> = {
  HJZHGKDYBM: { zh: '管控单元编码', en: 'Unit code' },
  HJZHGKDYMC: { zh: '管控单元名称', en: 'Unit name' },
  ZHGKDYFL: { zh: '管控单元类别', en: 'Unit type' },
  KJBJYS: { zh: '空间布局约束', en: 'Spatial layout constraints' },
  PWWPFGK: { zh: '污染物排放管控', en: 'Pollutant discharge control' },
  HJFXFK: { zh: '环境风险防控', en: 'Environmental risk prevention' },
  ZYKFXLYQ: { zh: '资源开发效率要求', en: 'Resource efficiency requirements' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  name_en: { zh: '英文名', en: 'English name' },
  kind: { zh: '类型', en: 'Kind' },
  type: { zh: '类型', en: 'Type' },
  tier: { zh: '级别', en: 'Tier' },
  setting: { zh: '设置', en: 'Setting' },
  city: { zh: '市', en: 'City' },
  county: { zh: '区县', en: 'County' },
  district: { zh: '区县', en: 'District' },
  county_code: { zh: '区划代码', en: 'County code' },
  area_ha: { zh: '面积 (公顷)', en: 'Area (ha)' },
  source: { zh: '数据来源', en: 'Source' },
};

const unitTypes: Record<string, Pair> = {
  '1': { zh: '优先保护', en: 'Priority protection' },
  '2': { zh: '重点管控', en: 'Key control' },
  '3': { zh: '一般管控', en: 'General control' },
};

let current: Lang = 'zh';
const listeners: Array<(lang: Lang) => void> = [];

export const lang = (): Lang => current;

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const l of listeners) l(next);
}

export function onLangChange(listener: (lang: Lang) => void): void {
  listeners.push(listener);
}

export const t = (key: UiKey): string => ui[key][current];

/** A layer's name in the current language; `landuse_2020` reads 土地利用 2020. */
export function layerName(id: string, title?: { zh?: string; en?: string }): string {
  const known = layerNames[id];
  if (known) return known[current];
  const year = /^landuse_(\d{4})$/.exec(id);
  if (year) return `${ui.group_landuse[current]} ${year[1]}`;
  const density = /^carbon(?:_density)?_(\d{4})$/.exec(id);
  if (density) return `${layerNames.carbon_density[current]} ${density[1]}`;
  const change = /^carbon_change_(\d{4})_(\d{4})$/.exec(id);
  if (change) return `${layerNames.carbon_change[current]} ${change[1]}→${change[2]}`;
  return title?.[current] ?? title?.zh ?? id;
}

export const fieldName = (field: string): string => fieldNames[field]?.[current] ?? field;

export const unitTypeName = (value: unknown): string => unitTypes[String(value)]?.[current] ?? String(value);

/** Applies the current language to every element carrying data-i18n="key". */
export function translateStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach(el => {
    el.textContent = t(el.dataset.i18n as UiKey);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach(el => {
    (el as HTMLInputElement).placeholder = t(el.dataset.i18nPlaceholder as UiKey);
  });
}
