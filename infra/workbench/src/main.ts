import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import * as Icons from '@element-plus/icons-vue'
import App from './App.vue'
import { router } from './router'
import { onSessionProblem } from './api/http'
import { useSession } from './stores/session'
import './style.css'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(ElementPlus)
for (const [name, component] of Object.entries(Icons)) app.component(name, component)

// A session that ended (idle timeout, logout elsewhere) sends the user to the login page; a password change that
// is due sends them to change it.
onSessionProblem((error) => {
  const session = useSession()
  if (error.status === 401) {
    session.forget()
    if (router.currentRoute.value.name !== 'login') {
      router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } })
    }
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    router.push({ name: 'password' })
  }
})

app.mount('#app')
