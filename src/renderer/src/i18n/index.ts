import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { es } from './es';
import { en } from './en';
import { initialLanguage, LANGUAGE_KEY } from './initial-language';

const startLanguage = initialLanguage(
  typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null,
);
// Screen readers and hyphenation read the page's language from <html lang>, from the first paint.
if (typeof document !== 'undefined') document.documentElement.lang = startLanguage;

// i18next: the de-facto React i18n library (plurals, interpolation); Spanish first.
void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: startLanguage,
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
});

export function setLanguage(lang: 'es' | 'en'): void {
  localStorage.setItem(LANGUAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLang(): 'es' | 'en' {
  return i18n.language === 'en' ? 'en' : 'es';
}

export default i18n;
