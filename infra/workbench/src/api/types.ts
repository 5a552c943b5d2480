// Shapes of the query API's answers the screens read (query-side/*View.java and friends).

export interface CatalogueEntry {
  code: string
  name: string
  stationPoint: string | null
  retired: boolean
}

export interface Station {
  stationId: string
  stationName: string
  communityHomeId: string
  communityHomeName: string
  district: string
  homeTier: string
  homeTierLabel: string
  status: string
  activePoints: string[]
  openedAt: string
  statusReason: string | null
  statusChangedAt: string | null
}

export interface Offering {
  offeringId: string
  memberId: string
  organisationName: string
  projectCode: string
  projectName: string
  active: boolean
}

export interface SocialWorker {
  socialWorkerId: string
  name: string
}

export interface FederationStaff {
  staffId: string
  name: string
  unitName: string
}

export interface Volunteer {
  volunteerId: string
  name: string
  volunteerNumber: string
}

/** A volunteer named on a service, with the whole minutes they gave. */
export interface VolunteerMinutes {
  volunteerId: string
  minutes: number
}

export interface ServiceRecord {
  serviceRecordId: string
  stationId: string
  stationName: string
  district: string
  stationPoint: string
  stationPointLabel: string
  projectCode: string
  projectName: string
  providerKind: string
  providerMemberId: string | null
  providerName: string
  deliveredAt: string
  participantCount: number
  description: string
  outcome: string | null
  satisfaction: number | null
  feedback: string | null
  recordedAt: string
  correctionCount: number
  voided: boolean
  voidReason: string | null
}

/** What the record-service form sends (the command API's fields). */
export interface ServiceInput {
  stationPoint: string
  projectCode: string
  providerKind: string
  providerMemberId?: string
  socialWorkerIds?: string[]
  staffIds?: string[]
  volunteers?: VolunteerMinutes[]
  deliveredAt: string
  participantCount: number
  description: string
  outcome?: string
  satisfaction?: number
  feedback?: string
}
