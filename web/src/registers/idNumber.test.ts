import { describe, expect, it } from 'vitest'
import { checkCharacter, isMobilePhone, normaliseIdNumber, readIdNumber, searchKind } from './idNumber'

const TODAY = new Date(2026, 10, 30)

describe('readIdNumber (GB 11643)', () => {
  it('theStandardsWorkedExampleHasCheckCharacterX', () => {
    // GB 11643-1999, appendix: 11010519491231002X
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(readIdNumber('11010519491231002X', TODAY)).toEqual({ valid: true, birthDate: '1949-12-31', gender: 'FEMALE' })
  })

  it('genderComesFromTheOrderCodeOddIsMale', () => {
    const first17 = '44070419900101913'
    expect(readIdNumber(first17 + checkCharacter(first17), TODAY)).toMatchObject({ valid: true, gender: 'MALE', birthDate: '1990-01-01' })
  })

  it('aWrongCheckDigitIsRefusedAsChecksum', () => {
    const first17 = '44070419900101913'
    const right = checkCharacter(first17)
    const wrong = right === '1' ? '2' : '1'
    expect(readIdNumber(first17 + wrong, TODAY)).toEqual({ valid: false, reason: 'checksum' })
  })

  it('anImpossibleOrFutureBirthDateIsRefused', () => {
    const feb30 = '44070419900230912'
    expect(readIdNumber(feb30 + checkCharacter(feb30), TODAY)).toEqual({ valid: false, reason: 'birthDate' })
    const future = '44070420301231912'
    expect(readIdNumber(future + checkCharacter(future), TODAY)).toEqual({ valid: false, reason: 'birthDate' })
  })

  it('wrongLengthOrLettersAreAFormatError', () => {
    expect(readIdNumber('4407041990', TODAY)).toEqual({ valid: false, reason: 'format' })
    expect(readIdNumber('4407041990010191AX', TODAY)).toEqual({ valid: false, reason: 'format' })
  })

  it('fullWidthDigitsAndALowerCaseXAreTheSameNumber', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X')
    expect(readIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ valid: true })
  })
})

describe('isMobilePhone', () => {
  it('acceptsMainlandMobileNumbersWithPrefixesAndSeparators', () => {
    expect(isMobilePhone('13812345678')).toBe(true)
    expect(isMobilePhone('+86 138-1234-5678')).toBe(true)
    expect(isMobilePhone('008613812345678')).toBe(true)
  })

  it('refusesLandlinesAndWrongSecondDigits', () => {
    expect(isMobilePhone('12345678901')).toBe(false)
    expect(isMobilePhone('0750-1234567')).toBe(false)
    expect(isMobilePhone('1381234567')).toBe(false)
  })
})

describe('searchKind', () => {
  it('anIdNumberOrAPhoneIsAnExactSearchAnythingElseAName', () => {
    expect(searchKind('11010519491231002X')).toBe('idNumber')
    expect(searchKind('138 1234 5678')).toBe('phone')
    expect(searchKind('陈')).toBe('name')
    expect(searchKind('  ')).toBe('none')
  })
})
