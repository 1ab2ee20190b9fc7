/** Permission names as `GET /api/me` returns them. */
export const Permission = {
  RegionsRead: 'regions.read',
  UsersManage: 'users.manage',
  AuditRead: 'audit.read',
} as const

export type PermissionName = (typeof Permission)[keyof typeof Permission]
