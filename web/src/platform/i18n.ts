import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCnElement from 'element-plus/es/locale/lang/zh-cn'
import enElement from 'element-plus/es/locale/lang/en'
import zhCN from '../i18n/zh-CN.json'
import en from '../i18n/en.json'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: Locale = 'zh-CN'
const STORAGE_KEY = 'gridgov.locale'

export type MessageSchema = typeof zhCN

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The product is Chinese first: the browser language is ignored, only an explicit choice counts. */
export function storedLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    return isLocale(saved) ? saved : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? enElement : zhCnElement))

/** Localized role name, falling back to the role code for roles this UI does not know yet. */
export function roleName(role: string): string {
  const key = `roles.${role}`
  return i18n.global.te(key) ? i18n.global.t(key) : role
}
