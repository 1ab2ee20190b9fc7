package io.gridgov.workforce.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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

/** The grid-worker register as a file: template, import jobs (start, progress, XLSX report) and the XLSX export of a filtered list. */
@RestController
@RequestMapping("/api/workforce/workers")
class WorkerImportController {

	record JobView(UUID id, String kind, String fileName, String status, int total, int processed, int accepted,
			int updated, int unchanged, int refused, Map<String, String> problem, List<Refusal> refusals) {
	}

	record ExportBody(String gridCode, String q, Employment employment, WorkerSource source, WorkerStatus status,
			boolean reveal, String reason) {
	}

	private final WorkerImportService imports;
	private final WorkerImportJobs jobs;
	private final WorkerExport exports;

	WorkerImportController(WorkerImportService imports, WorkerImportJobs jobs, WorkerExport exports) {
		this.imports = imports;
		this.jobs = jobs;
		this.exports = exports;
	}

	@GetMapping("/imports/template")
	@PreAuthorize("hasAuthority('workers.manage')")
	ResponseEntity<byte[]> template() {
		return file(WorkerSheet.TEMPLATE.workbook("网格员", WorkerSheet.NOTES), "template-workers.xlsx");
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('workers.manage')")
	JobView start(@RequestPart(name = "file", required = false) MultipartFile file) {
		Actor actor = CurrentActor.require();
		if (file == null || file.isEmpty()) {
			throw new DomainException(ErrorKind.INVALID, "import.file-missing");
		}
		try (InputStream in = file.getInputStream()) {
			return view(imports.job(imports.start(file.getOriginalFilename(), file.getSize(), in, actor), actor));
		}
		catch (IOException e) {
			throw new DomainException(ErrorKind.INVALID, "import.unreadable");
		}
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize("hasAuthority('workers.manage')")
	JobView job(@PathVariable UUID id) {
		return view(imports.job(id, CurrentActor.require()));
	}

	@GetMapping("/imports/{id}/report")
	@PreAuthorize("hasAuthority('workers.manage')")
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		return file(jobs.report(imports.job(id, CurrentActor.require())), "import-report-" + id + ".xlsx");
	}

	@PostMapping("/export")
	@PreAuthorize("hasAuthority('workers.read')")
	ResponseEntity<byte[]> export(@RequestBody ExportBody body) {
		return file(exports.workbook(new WorkerQuery.Filter(body.gridCode(), body.q(), body.employment(), body.source(),
				body.status()), body.reveal(), body.reason(), CurrentActor.require()), "workers.xlsx");
	}

	private JobView view(Job job) {
		return new JobView(job.id(), job.kind(), job.fileName(), job.status(), job.total(), job.processed(), job.accepted(),
				job.updated(), job.unchanged(), job.refused(), jobs.problem(job), jobs.refusals(job.id(), 200));
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, String name) {
		return Workbooks.download(bytes, name);
	}
}
