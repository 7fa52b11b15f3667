import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { es } from './es';
import { en } from './en';

// i18next: the de-facto React i18n library (plurals, interpolation, lazy namespaces later); Spanish first.
void i18n.use(initReactI18next).init({
  resources: { es: { translation: es }, en: { translation: en } },
  lng: navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es',
  fallbackLng: 'es',
  interpolation: { escapeValue: false },
});

export default i18n;
