/** Permission names as `GET /api/me` returns them. */
export const Permission = {
  RegionsRead: 'regions.read',
  UsersManage: 'users.manage',
  AuditRead: 'audit.read',
  GridsRead: 'grids.read',
  GridsManage: 'grids.manage',
  WorkersRead: 'workers.read',
  WorkersManage: 'workers.manage',
  PersonalDataReveal: 'personaldata.reveal',
  CasesRead: 'cases.read',
  CasesReport: 'cases.report',
  CasesConfigure: 'cases.configure',
  CampaignsRead: 'campaigns.read',
  CampaignsRecord: 'campaigns.record',
  RegistersRead: 'registers.read',
  RegistersManage: 'registers.manage',
  RegistersImport: 'registers.import',
  RegistersTags: 'registers.tags',
  InsightRead: 'insight.read',
} as const

export type PermissionName = (typeof Permission)[keyof typeof Permission]

/** Role codes the UI itself cares about (the menu entry of a grid worker's own grid). */
export const Role = {
  GridWorker: 'GRID_WORKER',
  CommandCentre: 'COMMAND_CENTRE',
  Department: 'DEPARTMENT',
  Leader: 'LEADER',
} as const
