import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import ImportView from '../src/views/ImportView.vue'
import { ApiError } from '../src/api/http'
import * as imports from '../src/importing/imports'
import { useSession } from '../src/stores/session'
import { settle } from './helpers'

type View = { form: { kind: string; file: File | null }; start: () => Promise<void> }

function mountView(roles: string[]) {
  setActivePinia(createPinia())
  useSession().user = { username: 'u', displayName: 'u', unitId: 'x', unitName: null, unitLevel: null, roles, centre: null, mustChangePassword: false }
  const wrapper = mount(ImportView, { global: { plugins: [ElementPlus], stubs: { Download: true, Upload: true, UploadFilled: true, Document: true } }, attachTo: document.body })
  return { wrapper, vm: (wrapper.vm as unknown as { $: { setupState: View } }).$.setupState }
}

describe('ImportView', () => {
  beforeEach(() => vi.restoreAllMocks())

  it('offers a station worker services and needs surveys only, with the template of the chosen kind', async () => {
    const { wrapper } = mountView(['STATION_WORKER'])
    const kinds = wrapper.findAll('[data-test=import-kind] .el-radio-button').map((k) => k.text())
    expect(kinds).toEqual(['服务记录', '需求调研'])
    expect(wrapper.find('[data-test=import-template]').attributes('href')).toBe('/api/imports/services/template')
  })

  it('asks for a file before sending, and shows the server\'s refusal of the file above the form', async () => {
    const start = vi.spyOn(imports, 'startImport')
    const { wrapper, vm } = mountView(['OPERATOR'])
    await vm.start()
    await settle()
    expect(start).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('请选择一个 .xlsx 文件')

    start.mockRejectedValueOnce(new ApiError({ status: 400, code: 'IMPORT_HEADINGS_MISMATCH', detail: '表头与模板不一致：应为 驿站编号、驿站点' }))
    vm.form.file = new File(['x'], 'wrong.xlsx')
    vm.form.kind = 'funds'
    await vm.start()
    await settle()
    expect(start).toHaveBeenCalledWith('funds', vm.form.file)
    expect(wrapper.find('[data-test=import-error]').text()).toContain('表头与模板不一致')
  })

  it('shows the progress, then the report with its refused rows\' codes and details, and the report\'s download', async () => {
    const done = { jobId: 'J9', kind: 'services', kindLabel: '服务记录', fileName: 's.xlsx', status: 'DONE', total: 2, done: 2, accepted: 1,
      alreadyRecorded: 0, refused: 1, startedAt: '', finishedAt: '', rowsPerSecond: 40 } as imports.ImportProgress
    vi.spyOn(imports, 'startImport').mockResolvedValue(done)
    vi.spyOn(imports, 'readRows').mockResolvedValue([
      { row: 2, outcome: 'ACCEPTED', id: 'rec-2', code: null, field: null, detail: null, detailEn: null },
      { row: 3, outcome: 'REFUSED', id: null, code: 'PROJECT_UNKNOWN', field: 'projectCode', detail: '没有这个服务项目', detailEn: 'no such project' },
    ])
    const { wrapper, vm } = mountView(['ADMIN'])
    vm.form.file = new File(['x'], 's.xlsx')
    await vm.start()
    await settle()
    expect(wrapper.find('[data-test=import-progress]').attributes('data-status')).toBe('DONE')
    expect(wrapper.find('[data-test=import-refused]').text()).toBe('1')
    expect(wrapper.find('[data-test=import-report-xlsx]').attributes('href')).toBe('/api/import-jobs/J9/report.xlsx')
    const table = wrapper.find('[data-test=import-rows]').text()
    expect(table).toContain('PROJECT_UNKNOWN')
    expect(table).toContain('没有这个服务项目')
    expect(table).toContain('rec-2')
  })
})
