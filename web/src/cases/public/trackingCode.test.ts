import { describe, expect, it } from 'vitest'
import { formatTrackingCode, parseTrackingCode, tidyTrackingInput } from './trackingCode'

describe('tracking code', () => {
  it('aCodeIsShownInGroupsOfFour', () => {
    expect(formatTrackingCode('7K3M9QXA2HBD')).toBe('7K3M-9QXA-2HBD')
    expect(formatTrackingCode('7K3M-9QXA-2HBD')).toBe('7K3M-9QXA-2HBD')
  })

  it('parsingForgivesLowerCaseHyphensAndSpacesLikeTheServer', () => {
    expect(parseTrackingCode('7k3m-9qxa-2hbd')).toBe('7K3M9QXA2HBD')
    expect(parseTrackingCode(' 7K3M 9QXA 2HBD ')).toBe('7K3M9QXA2HBD')
  })

  it('parsingReadsTheConfusableLettersAsDigits', () => {
    expect(parseTrackingCode('IlLO-oiOI-0000')).toBe('111001010000')
  })

  it('anythingElseIsNotACode', () => {
    for (const bad of ['', '7K3M9QXA2HB', '7K3M9QXA2HBDX', '7K3M9QXA2HBU', '7K3M_9QXA_2HBD', 'ä'.repeat(12), '-'.repeat(40)]) {
      expect(parseTrackingCode(bad), bad).toBeNull()
    }
    expect(parseTrackingCode(null)).toBeNull()
    expect(formatTrackingCode('not a code')).toBe('not a code')
  })

  it('theInputIsTidiedWhileTyping', () => {
    expect(tidyTrackingInput('7k3m9')).toBe('7K3M-9')
    expect(tidyTrackingInput('7k3m 9qxa-2hbd')).toBe('7K3M-9QXA-2HBD')
    expect(tidyTrackingInput('7K3M-9QXA-2HBD-EXTRA')).toBe('7K3M-9QXA-2HBD')
    expect(tidyTrackingInput('o0-il')).toBe('0011')
    expect(tidyTrackingInput('')).toBe('')
  })
})
