import { label } from '../labels'

// Labels of the operations screens' enumerations (DOMAIN.md), kept apart from the shared labels to merge easily.
type Labels = Record<string, [string, string]>

export const ALLIANCES: Labels = {
  DOMESTIC_SERVICE: ['家政服务品牌联盟', 'Domestic-service alliance'],
  PUBLIC_WELFARE: ['公益服务品牌联盟', 'Public-welfare alliance'],
}

export const MEMBERSHIP_STATUSES: Labels = {
  APPLIED: ['待审核', 'Applied'],
  REJECTED: ['未通过', 'Rejected'],
  APPROVED: ['审核通过', 'Approved'],
  ADMITTED: ['已入盟', 'Admitted'],
  SUSPENDED: ['暂停', 'Suspended'],
  EXPELLED: ['已除名', 'Expelled'],
  WITHDRAWN: ['已退出', 'Withdrawn'],
}

export const ORGANISATION_TYPES: Labels = {
  ENTERPRISE: ['企业', 'Enterprise'],
  SOCIAL_ORGANISATION: ['社会组织', 'Social organisation'],
}

export const FUNDING_SOURCES: Labels = {
  FEDERATION_SPECIAL_FUNDS: ['专项经费', 'Federation special funds'],
  SOCIAL_DONATION: ['社会资助', 'Social donation'],
  VENTURE_PHILANTHROPY_SUBSIDY: ['公益创投补贴', 'Venture-philanthropy subsidy'],
  GOVERNMENT_PURCHASE: ['政府购买服务', 'Government purchase'],
  ASSOCIATION_FUNDRAISING: ['协会募集', 'Association fundraising'],
}

export const UNIT_LEVELS: Labels = {
  FEDERATION: ['市妇联', 'Federation'],
  OPERATIONS_HQ: ['运营总部', 'Operations HQ'],
  BRANCH_CENTRE: ['分支机构', 'Branch centre'],
  COMMUNITY_HOME: ['妇女儿童之家', 'Community home'],
  CITY_CENTRE: ['市级中心', 'City centre'],
}

export const HOME_TIERS: Labels = {
  STANDARD: ['普通', 'Standard'],
  PROVINCIAL_DEMONSTRATION: ['省级示范', 'Provincial demonstration'],
}

/** Tag colour of a membership status. */
export function statusType(status: string): 'success' | 'warning' | 'info' | 'danger' | 'primary' {
  return ({ ADMITTED: 'success', APPROVED: 'primary', APPLIED: 'warning', SUSPENDED: 'warning', EXPELLED: 'danger', REJECTED: 'info', WITHDRAWN: 'info' } as const)[status as 'ADMITTED'] ?? 'info'
}

export { label }

export const QUALIFICATIONS: Labels = {
  ASSISTANT_SOCIAL_WORKER: ['助理社会工作师', 'Assistant social worker'],
  SOCIAL_WORKER: ['社会工作师', 'Social worker'],
  SENIOR_SOCIAL_WORKER: ['高级社会工作师', 'Senior social worker'],
}
