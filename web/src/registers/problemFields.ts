import { reactive } from 'vue'
import { ApiError } from '../platform/api'
import { showError } from '../platform/notify'

/**
 * The form field a registers problem code is about, so that the server's message shows under the
 * field that broke the rule. Field errors the server lists in `errors` win over this table.
 */
const FIELD_OF_CODE: Record<string, string> = {
  'registers.name-invalid': 'name',
  'registers.enterprise-name-invalid': 'name',
  'registers.id-number-format': 'idNumber',
  'registers.id-number-birth-date': 'idNumber',
  'registers.id-number-checksum': 'idNumber',
  'registers.id-number-duplicate': 'idNumber',
  'registers.credit-code-format': 'creditCode',
  'registers.credit-code-checksum': 'creditCode',
  'registers.credit-code-duplicate': 'creditCode',
  'registers.phone-invalid': 'phone',
  'registers.address-invalid': 'address',
  'registers.industry-invalid': 'industry',
  'registers.employee-count-invalid': 'employeeCount',
  'registers.birth-date-invalid': 'birthDate',
  'registers.birth-date-mismatch': 'birthDate',
  'registers.gender-invalid': 'gender',
  'registers.gender-mismatch': 'gender',
  'registers.residency-invalid': 'residency',
  'registers.tag-unknown': 'tags',
  'registers.grid-unknown': 'gridCode',
  'registers.grid-required': 'gridCode',
  'registers.point-invalid': 'gridCode',
  'registers.point-outside-grids': 'gridCode',
  'registers.status-invalid': 'status',
  'registers.status-final': 'status',
  'registers.status-unchanged': 'status',
  'registers.status-reason-required': 'reason',
  'registers.visit-channel-required': 'channel',
  'registers.visit-time-invalid': 'visitedAt',
  'registers.visit-notes-invalid': 'notes',
  'registers.subject-kind-required': 'subject',
  'personal-data.reason-required': 'reason',
}

/** Field name → localized message for a failed save: the problem's `errors`, else the field its code names. */
export function fieldMessages(error: unknown, fieldOf: Record<string, string> = {}): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const listed = error.fieldMessages()
  if (Object.keys(listed).length) return listed
  const field = fieldOf[error.code] ?? FIELD_OF_CODE[error.code]
  return field ? { [field]: error.message } : {}
}

/** Server errors for one register form: bind `errors.<field>` to `el-form-item :error`. */
export function useFieldErrors(fieldOf: Record<string, string> = {}) {
  const errors = reactive<Record<string, string>>({})
  function clear() {
    for (const key of Object.keys(errors)) delete errors[key]
  }
  function apply(error: unknown) {
    clear()
    Object.assign(errors, fieldMessages(error, fieldOf))
    showError(error)
  }
  return { errors, clear, apply }
}
