import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './platform/styles.css'
import App from './App.vue'
import { createAppRouter } from './router'
import { i18n, currentLocale, setLocale } from './platform/i18n'
import { onUnauthorized } from './platform/api'
import { useSession } from './identity/session'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia).use(i18n).use(router).use(ElementPlus)
setLocale(currentLocale())

onUnauthorized((error) => {
  useSession(pinia).clear()
  if (error.code === 'auth.session-expired') {
    ElMessage({ type: 'warning', message: i18n.global.t('auth.sessionExpired'), grouping: true })
  }
  const here = router.currentRoute.value
  if (here.name !== 'login') {
    router.replace({ name: 'login', query: here.fullPath === '/' ? {} : { redirect: here.fullPath } })
  }
})

app.mount('#app')
