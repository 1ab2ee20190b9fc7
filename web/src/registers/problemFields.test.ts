import { describe, expect, it } from 'vitest'
import { ApiError } from '../platform/api'
import { fieldMessages } from './problemFields'

const problem = (code: string, extra: object = {}) =>
  new ApiError(400, { code, messages: { 'zh-CN': `msg ${code}`, en: `msg ${code}` }, ...extra }, 'zh-CN')

describe('fieldMessages', () => {
  it('theServersMessageGoesUnderTheFieldItsCodeNames', () => {
    expect(fieldMessages(problem('registers.id-number-checksum'))).toEqual({ idNumber: 'msg registers.id-number-checksum' })
    expect(fieldMessages(problem('registers.phone-invalid'))).toEqual({ phone: 'msg registers.phone-invalid' })
    expect(fieldMessages(problem('registers.credit-code-checksum'))).toEqual({ creditCode: 'msg registers.credit-code-checksum' })
  })

  it('fieldErrorsTheProblemListsWin', () => {
    const error = problem('validation.failed', { errors: [{ field: 'name', message: '必填' }] })
    expect(fieldMessages(error)).toEqual({ name: '必填' })
  })

  it('aFormMayMapACodeToItsOwnField', () => {
    expect(fieldMessages(problem('registers.phone-invalid'), { 'registers.phone-invalid': 'contactPhone' })).toEqual({
      contactPhone: 'msg registers.phone-invalid',
    })
  })

  it('anUnknownCodeOrANetworkErrorNamesNoField', () => {
    expect(fieldMessages(problem('conflict.stale-version'))).toEqual({})
    expect(fieldMessages(new Error('boom'))).toEqual({})
  })
})
