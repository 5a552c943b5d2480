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

/** What an event means, as the history timeline says it (the event's class name for one not listed). */
export const EVENT_TYPES: Labels = {
  AllianceMembershipApplied: ['提交入盟申请', 'Applied for membership'],
  AllianceApplicationApproved: ['入盟申请审核通过', 'Application approved'],
  AllianceApplicationRejected: ['入盟申请未通过', 'Application rejected'],
  AllianceConventionSigned: ['签署联盟公约', 'Convention signed'],
  AllianceMemberAdmitted: ['准予入盟', 'Admitted'],
  AllianceMemberSuspended: ['暂停成员资格', 'Suspended'],
  AllianceMemberReinstated: ['恢复成员资格', 'Reinstated'],
  AllianceMemberExpelled: ['除名', 'Expelled'],
  AllianceMemberWithdrew: ['退出联盟', 'Withdrew'],
  AllianceConventionPublished: ['发布联盟公约', 'Convention published'],
  ServiceOffered: ['提供服务项目', 'Project offered'],
  OfferingWithdrawn: ['撤回服务项目', 'Offering withdrawn'],
  FundsReceived: ['资金入账', 'Funds received'],
  FundsAllocated: ['资金拨付', 'Funds allocated'],
  ExpenditureRecorded: ['登记支出', 'Expenditure recorded'],
  AllocationReleased: ['收回拨付结余', 'Allocation released'],
  StationOpened: ['开设家庭驿站', 'Station opened'],
  StationSuspended: ['暂停家庭驿站', 'Station suspended'],
  StationReopened: ['恢复家庭驿站', 'Station reopened'],
  StationClosed: ['关闭家庭驿站', 'Station closed'],
  StationPointActivated: ['启用驿站点', 'Station point activated'],
  StationPointDeactivated: ['停用驿站点', 'Station point deactivated'],
  SpecialtyServiceAdded: ['添加特色服务', 'Specialty added'],
  SpecialtyServiceRetired: ['停用特色服务', 'Specialty retired'],
  SocialWorkerRecruited: ['招聘社工', 'Social worker recruited'],
  SocialWorkerAssigned: ['派驻社工', 'Social worker assigned'],
  SocialWorkerReleased: ['解聘社工', 'Social worker released'],
  FederationStaffRegistered: ['登记妇工', 'Staff registered'],
  VolunteerRegistered: ['登记义工', 'Volunteer registered'],
  VolunteerHoursRecorded: ['登记服务时长', 'Hours recorded'],
  ServiceRecorded: ['登记服务', 'Service recorded'],
  ServiceRecordCorrected: ['更正服务记录', 'Record corrected'],
  ServiceRecordVoided: ['作废服务记录', 'Record voided'],
  CaseReferred: ['转介', 'Referred'],
  ReferralAccepted: ['受理', 'Accepted'],
  ReferralDeclined: ['不予受理', 'Declined'],
  ReferralWorkStarted: ['开始办理', 'Work started'],
  ReferralResolved: ['办结', 'Resolved'],
  ReferralClosed: ['结案', 'Closed'],
  ReferralWithdrawn: ['撤回转介', 'Withdrawn'],
  ReferralAcceptanceOverdue: ['受理超时', 'Acceptance overdue'],
  AccountCreated: ['创建账号', 'Account created'],
  AccountAccessChanged: ['调整单位与角色', 'Access changed'],
  AccountDisabled: ['停用账号', 'Account disabled'],
  AccountEnabled: ['启用账号', 'Account enabled'],
  AccountPasswordReset: ['重置密码', 'Password reset'],
  AccountPasswordChanged: ['本人修改密码', 'Password changed by its holder'],
}

export const PRICINGS: Labels = {
  FREE: ['公益（免费）', 'Free'],
  SUBSIDISED: ['补贴', 'Subsidised'],
  PAID: ['商务（收费）', 'Paid'],
}

export const CAPACITY_PERIODS: Labels = {
  PER_SESSION: ['每场', 'Per session'],
  PER_MONTH: ['每月', 'Per month'],
}
