import { describe, expect, it } from 'vitest'
import { MAX_PHOTO_BYTES, refusePhoto } from './photos'

describe('refusePhoto', () => {
  it('jpegPngAndWebpUpToTenMegabytesAreSent', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp']) expect(refusePhoto({ type, size: MAX_PHOTO_BYTES })).toBeNull()
  })

  it('aFileWithoutATypeIsLeftToTheServerWhichChecksTheBytes', () => {
    expect(refusePhoto({ type: '', size: 1000 })).toBeNull()
  })

  it('otherTypesAndLargerFilesAreRefusedBeforeUpload', () => {
    expect(refusePhoto({ type: 'image/heic', size: 1000 })).toBe('badType')
    expect(refusePhoto({ type: 'image/gif', size: 1000 })).toBe('badType')
    expect(refusePhoto({ type: 'application/pdf', size: 1000 })).toBe('badType')
    expect(refusePhoto({ type: 'image/jpeg', size: MAX_PHOTO_BYTES + 1 })).toBe('tooBig')
  })
})
