import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { es } from './es';
import { en } from './en';

const LANGUAGE_KEY = 'edn360.language';

function initialLanguage(): 'es' | 'en' {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;
  if (stored === 'es' || stored === 'en') return stored;
  // Spanish first: English only when asked for (the browser's first language or the setting).
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es';
}

const startLanguage = initialLanguage();
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
