import type { Component } from 'vue'
import {
  Camera,
  Checked,
  DataAnalysis,
  DataBoard,
  Document,
  EditPen,
  Files,
  Flag,
  Guide,
  HomeFilled,
  List,
  Location,
  Management,
  MapLocation,
  Message,
  Phone,
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
  | 'hotline-import'
  | 'inbox'
  | 'patrol'
  | 'my-cases'
  | 'cases-catalogue'
  | 'dashboard'
  | 'statistics'
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
  /** Only users holding one of these roles see it (besides the permission). */
  roles?: readonly string[]
}

/** The whole menu in display order; the router guards the same paths with the same permissions. */
export const MENU: readonly MenuItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: HomeFilled },
  // The case entries come first, each role seeing the pages of its own part of the case loop: the command
  // centre takes cases in and works the queue (the leader watches it), a department works its inbox, a grid
  // worker reports on patrol and follows their own cases. Department and grid worker could open the queue
  // (they hold cases.read and it is scoped to them), but their own pages show exactly what they have to do.
  {
    key: 'cases',
    path: '/cases',
    labelKey: 'cases.menu.queue',
    icon: Tickets,
    permission: Permission.CasesRead,
    roles: [Role.CommandCentre, Role.Leader],
  },
  {
    key: 'case-intake',
    path: '/cases/new',
    labelKey: 'cases.menu.intake',
    icon: EditPen,
    permission: Permission.CasesReport,
    roles: [Role.CommandCentre],
  },
  {
    key: 'hotline-import',
    path: '/cases/import',
    labelKey: 'hotlineImport.menu',
    icon: Phone,
    permission: Permission.CasesReport,
    roles: [Role.CommandCentre],
  },
  {
    key: 'inbox',
    path: '/inbox',
    labelKey: 'cases.menu.inbox',
    icon: Message,
    permission: Permission.CasesRead,
    roles: [Role.Department],
  },
  {
    key: 'patrol',
    path: '/patrol',
    labelKey: 'casesField.menuPatrol',
    icon: Camera,
    permission: Permission.CasesReport,
    roles: [Role.GridWorker],
  },
  {
    key: 'my-cases',
    path: '/my-cases',
    labelKey: 'casesField.menuMyCases',
    icon: List,
    permission: Permission.CasesRead,
    roles: [Role.GridWorker],
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
    roles: [Role.GridWorker],
  },
  {
    key: 'followups-today',
    path: '/followups/today',
    labelKey: 'menu.followupsToday',
    icon: Checked,
    permission: Permission.CampaignsRecord,
    roles: [Role.GridWorker],
  },
  { key: 'campaigns', path: '/campaigns', labelKey: 'menu.campaigns', icon: Flag, permission: Permission.CampaignsRead },
  { key: 'registers', path: '/registers', labelKey: 'registers.menu.registers', icon: Notebook, permission: Permission.RegistersRead },
  {
    key: 'registers-visit',
    path: '/registers/visit',
    labelKey: 'registers.menu.visit',
    icon: Guide,
    permission: Permission.RegistersRead,
    roles: [Role.GridWorker],
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
    (item) => (!item.permission || granted.has(item.permission)) && (!item.roles || item.roles.some((role) => roles.includes(role))),
  )
}
