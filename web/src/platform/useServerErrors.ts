import { reactive } from 'vue'
import { ApiError } from './api'
import { showError } from './notify'

/**
 * Server-side field errors for one form: bind `errors.<field>` to `el-form-item :error`.
 * `apply` shows the problem message and spreads its field errors over the form.
 */
export function useServerErrors() {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const key of Object.keys(errors)) delete errors[key]
  }
  function apply(error: unknown) {
    clear()
    if (error instanceof ApiError) Object.assign(errors, error.fieldMessages())
    showError(error)
  }
  return { errors, clear, apply }
}
