/** What the server accepts (checked again there by content). */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

export type PhotoRefusal = 'type' | 'size'

/** Why a picked file will not be sent, or null. An unknown type (some phones send none) is left to the server. */
export function refusePhoto(file: { type: string; size: number }): PhotoRefusal | null {
  if (file.type && !(ACCEPTED_TYPES as readonly string[]).includes(file.type)) return 'type'
  if (file.size > MAX_PHOTO_BYTES) return 'size'
  return null
}
