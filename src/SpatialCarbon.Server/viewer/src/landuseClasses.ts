// CLCD land-use classes (the demo's scheme): names and colours used when the server gives codes only.
import { lang } from './i18n';

const clcd: Record<number, { zh: string; en: string; colour: string }> = {
  1: { zh: '耕地', en: 'Cropland', colour: '#f9e79f' },
  2: { zh: '林地', en: 'Forest', colour: '#1e8449' },
  3: { zh: '灌木', en: 'Shrub', colour: '#7dcea0' },
  4: { zh: '草地', en: 'Grassland', colour: '#abebc6' },
  5: { zh: '水体', en: 'Water', colour: '#3498db' },
  6: { zh: '冰雪', en: 'Snow/ice', colour: '#ecf0f1' },
  7: { zh: '裸地', en: 'Barren', colour: '#d7ccc8' },
  8: { zh: '不透水面', en: 'Impervious', colour: '#e74c3c' },
  9: { zh: '湿地', en: 'Wetland', colour: '#76d7c4' },
};

export const className = (code: number | string, given?: { zh?: string; en?: string; name?: string }): string =>
  given?.[lang()] ?? given?.name ?? clcd[Number(code)]?.[lang()] ?? String(code);

export const classColour = (code: number | string): string => clcd[Number(code)]?.colour ?? '#999';
