/** What the server accepts (it checks the bytes again): JPEG, PNG or WebP up to 10 MB. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

/** An i18n key under `cases.photos.`. */
export type PhotoRefusal = 'badType' | 'tooBig'

/** Why a picked file will not be sent, or null. An unknown type (some phones send none) is left to the server. */
export function refusePhoto(file: { type: string; size: number }): PhotoRefusal | null {
  if (file.type && !(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'badType'
  if (file.size > MAX_PHOTO_BYTES) return 'tooBig'
  return null
}
