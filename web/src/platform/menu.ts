import type { Component } from 'vue'
import { Document, HomeFilled, Location, User } from '@element-plus/icons-vue'
import { Permission, type PermissionName } from './permissions'

export type MenuKey = 'home' | 'regions' | 'users' | 'audit'

export interface MenuItem {
  key: MenuKey
  path: string
  labelKey: `menu.${MenuKey}`
  icon: Component
  /** Absent: every signed-in user sees it. */
  permission?: PermissionName
}

/** The whole menu in display order; the router guards the same paths with the same permissions. */
export const MENU: readonly MenuItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: HomeFilled },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: Location, permission: Permission.RegionsRead },
  { key: 'users', path: '/users', labelKey: 'menu.users', icon: User, permission: Permission.UsersManage },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: Document, permission: Permission.AuditRead },
]

/** The menu entries a user with these permissions may use. */
export function menuItemsFor(permissions: readonly string[]): MenuItem[] {
  const granted = new Set(permissions)
  return MENU.filter((item) => !item.permission || granted.has(item.permission))
}
