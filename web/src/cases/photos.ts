/** What the server accepts (it checks the bytes again): JPEG, PNG or WebP up to 10 MB. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/** Why a chosen file will not be uploaded (an i18n key under `cases.photos.`), or null. */
export function photoProblem(file: Pick<File, 'type' | 'size'>): 'badType' | 'tooBig' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'badType'
  if (file.size > PHOTO_MAX_BYTES) return 'tooBig'
  return null
}
