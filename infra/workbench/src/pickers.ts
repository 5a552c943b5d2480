import type { Station } from './api/types'
import type { RemoteKind } from './components/RemoteSelect.vue'

// What the remote-search selects search: the list's path, an item's value and its text.
export const STATION_SEARCH: RemoteKind<Station> = {
  path: '/api/stations',
  key: (s) => s.stationId,
  text: (s) => `${s.stationName}（${s.district}）`,
}

export const UNIT_SEARCH: RemoteKind<{ unitId: string; name: string; district: string | null }> = {
  path: '/api/units',
  key: (u) => u.unitId,
  text: (u) => (u.district && !u.name.startsWith(u.district) ? `${u.name}（${u.district}）` : u.name),
}
