import { locale } from './i18n'

// Labels of the domain's enumerations (DOMAIN.md): Chinese as users say them, English for visitors.
type Labels = Record<string, [string, string]>

export const STATION_POINTS: Labels = {
  EMOTIONAL: ['情感驿站', 'Emotional'],
  ENTREPRENEURSHIP: ['创业驿站', 'Entrepreneurship'],
  HAPPINESS: ['快乐驿站', 'Happiness'],
  CULTURE: ['文化驿站', 'Culture'],
  CONVENIENCE: ['便民驿站', 'Convenience'],
}

export const PROVIDER_KINDS: Labels = {
  ALLIANCE_MEMBER: ['联盟成员', 'Alliance member'],
  FEDERATION_STAFF: ['妇工', 'Federation staff'],
  SOCIAL_WORKER: ['社工', 'Social worker'],
  VOLUNTEERS: ['义工（志愿者）', 'Volunteers'],
}

export const CENTRES: Labels = {
  DOMESTIC_SERVICE_CENTRE: ['巾帼家政服务中心', 'Domestic-service centre'],
  RIGHTS_SERVICE_CENTRE: ['妇女维权服务中心', 'Rights-service centre'],
  SOCIAL_ORGANISATION_CENTRE: ['女性社会组织服务中心', 'Social-organisation centre'],
}

export const REFERRAL_STATUSES: Labels = {
  REFERRED: ['待受理', 'Referred'],
  ACCEPTED: ['已受理', 'Accepted'],
  DECLINED: ['不予受理', 'Declined'],
  IN_PROGRESS: ['办理中', 'In progress'],
  RESOLVED: ['已办结', 'Resolved'],
  CLOSED: ['已结案', 'Closed'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
}

export const STATION_STATUSES: Labels = {
  OPEN: ['开放', 'Open'],
  SUSPENDED: ['暂停', 'Suspended'],
  CLOSED: ['已关闭', 'Closed'],
}

export const ROLES: Labels = {
  ADMIN: ['系统管理员', 'Administrator'],
  OPERATOR: ['运营人员', 'Operator'],
  STATION_WORKER: ['社区社工', 'Station worker'],
  CENTRE_STAFF: ['中心工作人员', 'Centre staff'],
  AUDITOR: ['评估审计', 'Auditor'],
}

export const DISTRICTS = ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区']

export function label(labels: Labels, code: string | null | undefined): string {
  if (!code) return ''
  const entry = labels[code]
  if (!entry) return code
  return locale.value === 'zh' ? entry[0] : entry[1]
}

export function options(labels: Labels): { value: string; label: string }[] {
  return Object.keys(labels).map((value) => ({ value, label: label(labels, value) }))
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

/** Instants are UTC on the wire; users read them in Asia/Shanghai. */
export function formatTime(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)) : ''
}

/** Today as a date of the users' calendar (yyyy-MM-dd). */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

export const MEMBERSHIP_STATUSES: Labels = {
  APPLIED: ['已申请', 'Applied'],
  REJECTED: ['未通过', 'Rejected'],
  APPROVED: ['已审核', 'Approved'],
  ADMITTED: ['已入盟', 'Admitted'],
  SUSPENDED: ['暂停', 'Suspended'],
  EXPELLED: ['已除名', 'Expelled'],
  WITHDRAWN: ['已退出', 'Withdrawn'],
}
