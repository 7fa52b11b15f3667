import i18next, { type TFunction } from 'i18next';
import { en } from '../../src/renderer/src/i18n/en';
import { es } from '../../src/renderer/src/i18n/es';

/** Real i18next with the app's own es/en texts, one `t` per language, for renderer unit tests. */
export async function appTranslators(): Promise<{ es: TFunction; en: TFunction }> {
  const make = async (lng: 'es' | 'en'): Promise<TFunction> => {
    const instance = i18next.createInstance();
    await instance.init({ lng, resources: { es: { translation: es }, en: { translation: en } } });
    return instance.t;
  };
  return { es: await make('es'), en: await make('en') };
}
