package io.gridgov.cases.internal.hotline;

import java.io.IOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.gridgov.cases.Catalogue;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.ProblemFactory;
import io.gridgov.platform.scope.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;

/** The 12345 work-order import: the templates to fill in, and the upload of a filled-in file. */
@RestController
@RequestMapping("/api/cases/import")
class HotlineImportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final HotlineImportService imports;
	private final Catalogue catalogue;

	HotlineImportController(HotlineImportService imports, Catalogue catalogue) {
		this.imports = imports;
		this.catalogue = catalogue;
	}

	@PostMapping
	HotlineImportService.ImportResult upload(@RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) throws IOException {
		if (file == null) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-file-required");
		}
		if (file.getSize() > WorkOrderFileReader.MAX_BYTES) {
			throw new DomainException(ErrorKind.INVALID, "cases.import-too-large",
					WorkOrderFileReader.MAX_BYTES / 1024 / 1024);
		}
		return imports.importFile(file.getBytes(), CurrentActor.require(), ProblemFactory.localeOf(request));
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> xlsxTemplate() {
		return download(WorkOrderTemplate.xlsx(catalogue.leaves(), catalogue.classes()), XLSX, "12345工单导入模板.xlsx");
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> csvTemplate() {
		return download(WorkOrderTemplate.csv(), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"12345工单导入模板.csv");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
