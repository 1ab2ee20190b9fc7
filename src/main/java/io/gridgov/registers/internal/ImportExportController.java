package io.gridgov.registers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.scope.Actor;
import io.gridgov.platform.scope.CurrentActor;
import io.gridgov.platform.tabular.ImportJobs.Job;
import io.gridgov.platform.tabular.ImportJobs.Refusal;
import io.gridgov.platform.tabular.Workbooks;
import io.gridgov.registers.EnterpriseFlag;
import io.gridgov.registers.Residency;
import io.gridgov.registers.ResidentStatus;

/** Templates, import jobs (start, progress, refused rows, XLSX report) and XLSX exports of filtered lists. */
@RestController
@RequestMapping("/api/registers")
class ImportExportController {

	record JobView(UUID id, String kind, String fileName, String status, int total, int processed, int accepted,
			int updated, int unchanged, int refused, Map<String, String> problem, List<Refusal> refusals) {
	}

	record ResidentExport(String gridCode, String q, String tag, Residency residency, ResidentStatus status,
			boolean reveal, String reason) {
	}

	record EnterpriseExport(String gridCode, String q, EnterpriseFlag flag, String industry, boolean reveal,
			String reason) {
	}

	private final ImportService imports;
	private final ImportJobStore jobs;
	private final ExportService exports;

	ImportExportController(ImportService imports, ImportJobStore jobs, ExportService exports) {
		this.imports = imports;
		this.jobs = jobs;
		this.exports = exports;
	}

	@GetMapping("/imports/templates/{kind}")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		ImportKind k = kind(kind);
		String sheet = switch (k) {
			case RESIDENT -> "居民";
			case HOUSEHOLD -> "户";
			case ENTERPRISE -> "企业";
		};
		return file(k.template().workbook(sheet, notes(k)), "template-" + k.name().toLowerCase(Locale.ROOT) + ".xlsx");
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('registers.import')")
	JobView start(@RequestParam String kind, @RequestPart(name = "file", required = false) MultipartFile file) {
		Actor actor = CurrentActor.require();
		ImportKind k = kind(kind);
		if (file == null || file.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-file-missing");
		}
		try (InputStream in = file.getInputStream()) {
			return view(imports.job(imports.start(k, file.getOriginalFilename(), file.getSize(), in, actor), actor), actor);
		}
		catch (IOException e) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-unreadable");
		}
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize("hasAuthority('registers.import')")
	JobView job(@PathVariable UUID id) {
		Actor actor = CurrentActor.require();
		return view(imports.job(id, actor), actor);
	}

	@GetMapping("/imports/{id}/report")
	@PreAuthorize("hasAuthority('registers.import')")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		Actor actor = CurrentActor.require();
		return file(jobs.report(imports.job(id, actor)), "import-report-" + id + ".xlsx");
	}

	@PostMapping("/residents/export")
	ResponseEntity<byte[]> exportResidents(@RequestBody ResidentExport body) {
		return file(exports.residents(new ResidentQuery.Filter(body.gridCode(), body.q(), body.tag(), body.residency(),
				body.status(), null), body.reveal(), body.reason(), CurrentActor.require()), "residents.xlsx");
	}

	@PostMapping("/enterprises/export")
	ResponseEntity<byte[]> exportEnterprises(@RequestBody EnterpriseExport body) {
		return file(exports.enterprises(new EnterpriseStore.Filter(body.gridCode(), body.q(), body.flag(), body.industry()),
				body.reveal(), body.reason(), CurrentActor.require()), "enterprises.xlsx");
	}

	private JobView view(Job job, Actor actor) {
		return new JobView(job.id(), job.kind(), job.fileName(), job.status(), job.total(), job.processed(), job.accepted(),
				job.updated(), job.unchanged(), job.refused(), imports.problem(job), imports.refusals(job.id(), actor, 200));
	}

	private static ImportKind kind(String kind) {
		try {
			return ImportKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(ErrorKind.INVALID, "registers.import-kind-unknown", kind);
		}
	}

	private static List<String> notes(ImportKind kind) {
		List<String> common = List.of("带 * 的列必须填写；表头请勿修改，列的顺序可以调整。", "请勿合并单元格；公式须已计算出结果。",
				"网格编码为 15 位（如 440704003001001）；也可只填经度、纬度（WGS-84），由系统确定网格。",
				"同一身份证号码 / 统一社会信用代码再次导入时更新原记录，内容相同则不变。", "也可另存为 CSV（UTF-8 或 GBK 编码）导入。");
		return switch (kind) {
			case RESIDENT -> java.util.stream.Stream.concat(common.stream(), java.util.stream.Stream.of(
					"身份证号请设为文本格式，否则 Excel 会丢失末位；性别和出生日期可由身份证号自动得出。",
					"户籍类型：户籍 / 流动；标签可填多个，用顿号分隔（如 独居老人、残疾人）；是否户主：是 / 否。")).toList();
			case HOUSEHOLD -> java.util.stream.Stream.concat(common.stream(),
					java.util.stream.Stream.of("户主身份证号须是已登记在该地址的居民。")).toList();
			case ENTERPRISE -> java.util.stream.Stream.concat(common.stream(),
					java.util.stream.Stream.of("分类列填写 是 / 否。统一社会信用代码为 18 位（GB 32100）。")).toList();
		};
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, String name) {
		return Workbooks.download(bytes, name);
	}
}
