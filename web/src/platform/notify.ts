import { ElMessage } from 'element-plus'
import { ApiError, UNAUTHENTICATED_CODES } from './api'
import { i18n } from './i18n'

/** Shows an error to the user: the localized problem message, or a generic one. */
export function showError(error: unknown): void {
  if (error instanceof ApiError) {
    // A lost session is reported once, by the redirect to the login page.
    if (error.status === 401 && (UNAUTHENTICATED_CODES as readonly string[]).includes(error.code)) return
    ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true })
    return
  }
  if ((error as Error)?.name === 'AbortError') return
  console.error(error)
  ElMessage({ type: 'error', message: i18n.global.t('errors.network'), grouping: true, showClose: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, grouping: true })
}
