import type { Component } from 'vue'
import {
  Checked,
  DataAnalysis,
  DataBoard,
  Document,
  EditPen,
  Files,
  Flag,
  HomeFilled,
  Location,
  Management,
  MapLocation,
  Message,
  Postcard,
  Position,
  Tickets,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import { Permission, Role, type PermissionName } from './permissions'

export type MenuKey =
  | 'home'
  | 'cases'
  | 'case-intake'
  | 'inbox'
  | 'cases-catalogue'
  | 'dashboard'
  | 'statistics'
  | 'map'
  | 'my-grid'
  | 'followups-today'
  | 'campaigns'
  | 'regions'
  | 'grids-admin'
  | 'workers'
  | 'boards'
  | 'users'
  | 'audit'

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
  { key: 'cases', path: '/cases', labelKey: 'cases.menu.queue', icon: Tickets, permission: Permission.CasesRead },
  {
    key: 'case-intake',
    path: '/cases/new',
    labelKey: 'cases.menu.intake',
    icon: EditPen,
    permission: Permission.CasesReport,
    role: Role.CommandCentre,
  },
  {
    key: 'inbox',
    path: '/inbox',
    labelKey: 'cases.menu.inbox',
    icon: Message,
    permission: Permission.CasesRead,
    role: Role.Department,
  },
  { key: 'dashboard', path: '/dashboard', labelKey: 'insight.menu.dashboard', icon: DataBoard, permission: Permission.InsightRead },
  { key: 'statistics', path: '/statistics', labelKey: 'insight.menu.statistics', icon: DataAnalysis, permission: Permission.InsightRead },
  { key: 'map', path: '/map', labelKey: 'menu.map', icon: MapLocation, permission: Permission.GridsRead },
  {
    key: 'my-grid',
    path: '/my-grid',
    labelKey: 'menu.myGrid',
    icon: Position,
    permission: Permission.GridsRead,
    role: Role.GridWorker,
  },
  {
    key: 'followups-today',
    path: '/followups/today',
    labelKey: 'menu.followupsToday',
    icon: Checked,
    permission: Permission.CampaignsRecord,
    role: Role.GridWorker,
  },
  { key: 'campaigns', path: '/campaigns', labelKey: 'menu.campaigns', icon: Flag, permission: Permission.CampaignsRead },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: Location, permission: Permission.RegionsRead },
  { key: 'grids-admin', path: '/grids', labelKey: 'menu.gridsAdmin', icon: Files, permission: Permission.GridsManage },
  { key: 'workers', path: '/workers', labelKey: 'menu.workers', icon: UserFilled, permission: Permission.WorkersRead },
  { key: 'boards', path: '/boards', labelKey: 'menu.boards', icon: Postcard, permission: Permission.WorkersRead },
  {
    key: 'cases-catalogue',
    path: '/cases/catalogue',
    labelKey: 'cases.menu.catalogue',
    icon: Management,
    permission: Permission.CasesConfigure,
  },
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
