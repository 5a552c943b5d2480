import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from './stores/session'
import { IMPORT_ROLES } from './importing/imports'

// meta.title: the i18n key of the screen's name (DOMAIN.md §10); meta.roles: who sees it in the menu and may open
// it (the server checks again); meta.icon: the menu's icon.
export const screens: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: 'workbench', icon: 'HomeFilled' } },
  { path: '/station', name: 'station', component: () => import('./views/StationView.vue'), meta: { title: 'station', icon: 'House', roles: ['STATION_WORKER', 'OPERATOR', 'ADMIN'] } },
  { path: '/records', name: 'records', component: () => import('./views/ServiceRecordsView.vue'), meta: { title: 'records', icon: 'Tickets', roles: ['STATION_WORKER', 'OPERATOR', 'ADMIN', 'AUDITOR'] } },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue'), meta: { title: 'search', icon: 'Search' } },
  { path: '/referrals', name: 'referrals', component: () => import('./views/ReferralsView.vue'), meta: { title: 'referrals', icon: 'Connection', roles: ['CENTRE_STAFF', 'ADMIN', 'AUDITOR'] } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { title: 'dashboard', icon: 'DataAnalysis', roles: ['ADMIN', 'OPERATOR', 'AUDITOR'] } },
  { path: '/evaluation', name: 'evaluation', component: () => import('./views/EvaluationView.vue'), meta: { title: 'evaluation', icon: 'TrendCharts', roles: ['ADMIN', 'OPERATOR', 'AUDITOR'] } },
  { path: '/as-of', name: 'as-of', component: () => import('./views/AsOfView.vue'), meta: { title: 'asOf', icon: 'Clock', roles: ['ADMIN', 'OPERATOR', 'AUDITOR'] } },
  { path: '/network', name: 'network', component: () => import('./views/NetworkView.vue'), meta: { title: 'network', icon: 'Share', roles: ['ADMIN', 'OPERATOR'] } },
  { path: '/alliance', name: 'alliance', component: () => import('./views/AllianceView.vue'), meta: { title: 'alliance', icon: 'Medal', roles: ['OPERATOR', 'ADMIN'] } },
  { path: '/funds', name: 'funds', component: () => import('./views/FundsView.vue'), meta: { title: 'funds', icon: 'Wallet', roles: ['OPERATOR', 'ADMIN'] } },
  { path: '/org-tree', name: 'org-tree', component: () => import('./views/OrgTreeView.vue'), meta: { title: 'orgTree', icon: 'Operation', roles: ['OPERATOR', 'ADMIN'] } },
  { path: '/people', name: 'people', component: () => import('./views/PeopleView.vue'), meta: { title: 'opPeople', icon: 'User', roles: ['OPERATOR', 'ADMIN'] } },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: { title: 'imports', icon: 'Upload', roles: IMPORT_ROLES } },
  { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { title: 'audit', icon: 'Document', roles: ['ADMIN', 'AUDITOR'] } },
  { path: '/accounts', name: 'accounts', component: () => import('./views/AccountsView.vue'), meta: { title: 'accounts', icon: 'Avatar', roles: ['ADMIN'] } },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminView.vue'), meta: { title: 'admin', icon: 'Setting', roles: ['ADMIN'] } },
]

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { title: 'login', public: true } },
    {
      path: '/',
      component: () => import('./layout/MainLayout.vue'),
      children: [
        ...screens,
        { path: '/password', name: 'password', component: () => import('./views/ChangePasswordView.vue'), meta: { title: 'password' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  const user = await session.load().catch(() => null)
  if (!user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (user.mustChangePassword && to.name !== 'password') return { name: 'password' }
  if (!session.hasAnyRole(to.meta.roles as string[] | undefined)) return { name: 'home' }
  return true
})
