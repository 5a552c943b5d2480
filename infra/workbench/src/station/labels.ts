import { label } from '../labels'

// Labels of the station worker's forms (DOMAIN.md §5, the referral categories of the command side's catalogue).
type Labels = Record<string, [string, string]>

export const SURVEY_CHANNELS: Labels = {
  COMMUNITY_VISIT: ['社区走访', 'Community visit'],
  FIELD_RESEARCH: ['蹲点调研', 'Field research'],
  WEB_PORTAL: ['网站', 'Web portal'],
  MICROBLOG: ['微博', 'Microblog'],
  NEW_WOMAN_APP: ['“新女性”APP', '"New Woman" app'],
}

export const CONSENT_METHODS: Labels = {
  WRITTEN: ['书面同意', 'Written'],
  VERBAL: ['口头同意', 'Verbal'],
}

/**
 * The categories each city centre takes referrals under: the command side's defaults (ReferralCategoryCatalogue).
 * A category configured there beyond these is not offered here until the query side lists them.
 */
export const REFERRAL_CATEGORIES: Record<string, Labels> = {
  DOMESTIC_SERVICE_CENTRE: {
    HOUSEKEEPING_PLACEMENT: ['家政岗位对接', 'Housekeeping placement'],
    HOUSEKEEPING_TRAINING: ['家政技能培训', 'Housekeeping training'],
    EMPLOYMENT: ['就业创业帮扶', 'Employment support'],
  },
  RIGHTS_SERVICE_CENTRE: {
    LEGAL_AID: ['法律援助', 'Legal aid'],
    PSYCHOLOGICAL_SUPPORT: ['心理疏导', 'Psychological support'],
    DOMESTIC_VIOLENCE_PROTECTION: ['反家庭暴力保护', 'Protection from domestic violence'],
  },
  SOCIAL_ORGANISATION_CENTRE: {
    SOCIAL_ORGANISATION_SUPPORT: ['社会组织对接', 'Social-organisation support'],
    COMMUNITY_PROJECT: ['社区公益项目', 'Community project'],
  },
}

export function referralCategories(centre: string): { value: string; label: string }[] {
  const labels = REFERRAL_CATEGORIES[centre] ?? {}
  return Object.keys(labels).map((value) => ({ value, label: label(labels, value) }))
}
