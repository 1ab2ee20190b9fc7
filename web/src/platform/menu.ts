import type { Component } from 'vue'
import { Document, Files, HomeFilled, Location, MapLocation, Phone, Postcard, Position, User, UserFilled } from '@element-plus/icons-vue'
import { Permission, Role, type PermissionName } from './permissions'

export type MenuKey = 'home' | 'map' | 'my-grid' | 'regions' | 'grids-admin' | 'workers' | 'boards' | 'users' | 'audit' | 'hotline-import'

export interface MenuItem {
  /** Also the test id: `menu-<key>`. */
  key: MenuKey
  path: string
  labelKey: string
  icon: Component
  /** Absent: every signed-in user sees it. */
  permission?: PermissionName
  /** Only users holding this role see it (besides the permission). */
  role?: string
}

/** The whole menu in display order; the router guards the same paths with the same permissions. */
export const MENU: readonly MenuItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: HomeFilled },
  { key: 'map', path: '/map', labelKey: 'menu.map', icon: MapLocation, permission: Permission.GridsRead },
  {
    key: 'my-grid',
    path: '/my-grid',
    labelKey: 'menu.myGrid',
    icon: Position,
    permission: Permission.GridsRead,
    role: Role.GridWorker,
  },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: Location, permission: Permission.RegionsRead },
  {
    key: 'hotline-import',
    path: '/cases/import',
    labelKey: 'hotlineImport.menu',
    icon: Phone,
    permission: Permission.CasesReport,
    role: Role.CommandCentre,
  },
  { key: 'grids-admin', path: '/grids', labelKey: 'menu.gridsAdmin', icon: Files, permission: Permission.GridsManage },
  { key: 'workers', path: '/workers', labelKey: 'menu.workers', icon: UserFilled, permission: Permission.WorkersRead },
  { key: 'boards', path: '/boards', labelKey: 'menu.boards', icon: Postcard, permission: Permission.WorkersRead },
  { key: 'users', path: '/users', labelKey: 'menu.users', icon: User, permission: Permission.UsersManage },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: Document, permission: Permission.AuditRead },
]

/** The menu entries a user with these permissions (and roles) may use. */
export function menuItemsFor(permissions: readonly string[], roles: readonly string[] = []): MenuItem[] {
  const granted = new Set(permissions)
  return MENU.filter(
    (item) => (!item.permission || granted.has(item.permission)) && (!item.role || roles.includes(item.role)),
  )
}
