import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '../platform/i18n'

const upload = vi.fn()
vi.mock('../platform/api', async (original) => {
  const actual = await original<typeof import('../platform/api')>()
  return { ...actual, api: { ...actual.api, upload: (...args: unknown[]) => upload(...args) } }
})

const { ApiError } = await import('../platform/api')
const { default: HotlineImportPage } = await import('./HotlineImportPage.vue')

function mountPage() {
  return mount(HotlineImportPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body })
}

async function choose(wrapper: ReturnType<typeof mountPage>, file: File) {
  const input = wrapper.get('[data-testid="hotline-file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('HotlineImportPage', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    upload.mockReset()
  })

  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('offersBothTemplatesForDownload', () => {
    const wrapper = mountPage()
    expect(wrapper.get('[data-testid="hotline-template-xlsx"]').attributes('href')).toBe('/api/cases/import/template.xlsx')
    expect(wrapper.get('[data-testid="hotline-template-csv"]').attributes('href')).toBe('/api/cases/import/template.csv')
  })

  it('uploadsTheChosenFileAndListsTheRefusedRows', async () => {
    upload.mockImplementation(async (_path: string, _form: FormData, options: { onProgress?: (f: number) => void }) => {
      options.onProgress?.(0.5)
      return {
        accepted: 2,
        unchanged: 1,
        caseIds: ['a', 'b'],
        refused: [
          { row: 5, column: '诉求类别', code: 'cases.import-category-unknown', message: '诉求类别“乱扔烟头”不存在' },
          { row: 5, column: '联系电话', code: 'cases.phone-invalid', message: '电话号码格式不正确' },
        ],
      }
    })
    const wrapper = mountPage()
    await choose(wrapper, new File(['x'], '工单.xlsx'))
    await wrapper.get('[data-testid="hotline-import"]').trigger('click')
    await flushPromises()

    expect(upload).toHaveBeenCalledOnce()
    const [path, form] = upload.mock.calls[0]
    expect(path).toBe('/api/cases/import')
    expect((form as FormData).get('file')).toBeInstanceOf(File)
    expect(wrapper.get('[data-testid="hotline-result"]').text()).toContain('已新建 2 件案件；1 张工单此前已导入，未重复创建；1 行未导入')
    const table = wrapper.get('[data-testid="hotline-refused"]').text()
    expect(table).toContain('乱扔烟头')
    expect(table).toContain('联系电话')
  })

  it('showsTheProblemOfAFileThatCannotBeRead', async () => {
    upload.mockRejectedValue(
      new ApiError(422, { code: 'cases.import-columns-missing', messages: { 'zh-CN': '文件缺少模板的必需列：工单号。' } }),
    )
    const wrapper = mountPage()
    await choose(wrapper, new File(['x'], 'other.csv'))
    await wrapper.get('[data-testid="hotline-import"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="hotline-failure"]').text()).toContain('文件缺少模板的必需列')
    expect(wrapper.find('[data-testid="hotline-refused"]').exists()).toBe(false)
  })

  it('refusesAFileOverTenMegabytesBeforeUploading', async () => {
    const wrapper = mountPage()
    const big = new File(['x'], 'big.xlsx')
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 })
    await choose(wrapper, big)
    expect(wrapper.get('[data-testid="hotline-import"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('文件超过 10 MB')
  })
})
