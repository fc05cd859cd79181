import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setClientLanguage } from '../api/client';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

const STORAGE_KEY = 'shuangcheng.lang';
const DAYJS_LOCALE: Record<Lang, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en-US';
}

function readStoredLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Everything outside React that follows the language: API header, dayjs, <html lang>. */
function applyLang(lang: Lang): void {
  setClientLanguage(lang);
  dayjs.locale(DAYJS_LOCALE[lang]);
  document.documentElement.lang = lang;
}

const initialLang = readStoredLang();
applyLang(initialLang);

// English is fetched when it is first needed (~17 KB gzip of the initial JavaScript otherwise, bench/RESULTS.md);
// zh-CN, the default and the fallback, ships with the app.
let englishLoaded: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  englishLoaded ??= import('./en-US').then(({ enUS }) => {
    i18next.addResourceBundle('en-US', 'translation', enUS, true, true);
  });
  return englishLoaded;
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: initialLang,
  fallbackLng: 'zh-CN',
  // Keys are flat and contain dots ('menu.plan'); they are not paths.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Resolves once the stored language's texts are in; main.tsx renders after it, so English users see no Chinese flash. */
export const i18nReady: Promise<void> = initialLang === 'en-US' ? loadEnglish().then(() => void i18next.changeLanguage('en-US')) : Promise.resolve();

export function currentLang(): Lang {
  return isLang(i18next.language) ? i18next.language : 'zh-CN';
}

export async function changeLang(lang: Lang): Promise<void> {
  applyLang(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  if (lang === 'en-US') await loadEnglish();
  await i18next.changeLanguage(lang);
}

export { i18next };
