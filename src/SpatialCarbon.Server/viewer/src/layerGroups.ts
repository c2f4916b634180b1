// Which switcher group a catalog source belongs in.
import type { CatalogSource } from './api';
import type { UiKey } from './i18n';

export type GroupKey = Extract<UiKey, 'group_zoning' | 'group_ecology' | 'group_landuse' | 'group_carbon'>;

export const groupOrder: GroupKey[] = ['group_zoning', 'group_ecology', 'group_landuse', 'group_carbon'];

const zoning = ['red_line', 'eco_space', 'control_unit', 'admin'];
const ecology = ['buffer', 'eco_island', 'damaged_land', 'damaged', 'forest_type', 'forest_age', 'stand_age'];

export function groupOf(source: CatalogSource): GroupKey {
  if (zoning.includes(source.id)) return 'group_zoning';
  if (ecology.includes(source.id)) return 'group_ecology';
  if (source.id.startsWith('landuse')) return 'group_landuse';
  if (source.id.startsWith('carbon')) return 'group_carbon';
  return source.kind === 'vector' ? 'group_ecology' : 'group_carbon';
}

/** Sources shown when the URL names none: the zones and the latest land use. */
export function defaultVisible(sources: CatalogSource[]): string[] {
  const landuse = sources.filter(s => s.id.startsWith('landuse_')).map(s => s.id).sort();
  return ['landuse_2020', landuse.at(-1) ?? '', 'red_line', 'eco_space', 'control_unit', 'admin']
    .filter(id => sources.some(s => s.id === id));
}
