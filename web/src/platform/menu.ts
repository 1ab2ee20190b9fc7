import type { Component } from 'vue'
import {
  Checked,
  Document,
  EditPen,
  Files,
  Flag,
  Guide,
  HomeFilled,
  Location,
  Management,
  MapLocation,
  Message,
  Notebook,
  Postcard,
  PriceTag,
  Position,
  Tickets,
  User,
  Upload,
  UserFilled,
} from '@element-plus/icons-vue'
import { Permission, Role, type PermissionName } from './permissions'

export type MenuKey =
  | 'home'
  | 'cases'
  | 'case-intake'
  | 'inbox'
  | 'cases-catalogue'
  | 'map'
  | 'my-grid'
  | 'followups-today'
  | 'campaigns'
  | 'registers'
  | 'registers-visit'
  | 'registers-import'
  | 'registers-tags'
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
  { key: 'registers', path: '/registers', labelKey: 'registers.menu.registers', icon: Notebook, permission: Permission.RegistersRead },
  {
    key: 'registers-visit',
    path: '/registers/visit',
    labelKey: 'registers.menu.visit',
    icon: Guide,
    permission: Permission.RegistersRead,
    role: Role.GridWorker,
  },
  { key: 'registers-import', path: '/registers/import', labelKey: 'registers.menu.import', icon: Upload, permission: Permission.RegistersImport },
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
  { key: 'registers-tags', path: '/registers/tags', labelKey: 'registers.menu.tags', icon: PriceTag, permission: Permission.RegistersTags },
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
