package io.gridgov.registers.internal;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;
import io.gridgov.platform.problem.RecordNotFoundException;
import io.gridgov.registers.internal.TagStore.Tag;

/** The tag list: everyone who reads the registers sees it; registers.tags edits it (a tag is retired, never deleted). */
@RestController
@RequestMapping("/api/registers/tags")
class TagController {

	static final Set<String> CATEGORIES = Set.of("SPECIAL", "KEY", "FOLLOW_UP", "OTHER");

	record TagBody(String code, String nameZh, String nameEn, String category, Integer sortOrder, Boolean active) {
	}

	private final TagStore tags;
	private final AuditTrail audit;

	TagController(TagStore tags, AuditTrail audit) {
		this.tags = tags;
		this.audit = audit;
	}

	@GetMapping
	List<Tag> list() {
		return tags.all();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Tag create(@RequestBody TagBody body) {
		Tag tag = check(body.code(), body);
		if (tags.find(tag.code()).isPresent()) {
			throw new DomainException(ErrorKind.CONFLICT, "registers.tag-exists", tag.code());
		}
		tags.save(tag, true);
		audit.record(AuditRecord.success("TAG_CREATE", "tag", tag.code()));
		return tag;
	}

	@PutMapping("/{code}")
	@Transactional
	Tag update(@PathVariable String code, @RequestBody TagBody body) {
		tags.find(code).orElseThrow(() -> RecordNotFoundException.notFound("tag", code));
		Tag tag = check(code, body);
		tags.save(tag, false);
		audit.record(AuditRecord.success("TAG_UPDATE", "tag", code));
		return tag;
	}

	private static Tag check(String code, TagBody body) {
		String c = code == null ? "" : code.strip();
		if (!c.matches("[A-Z0-9_]{2,32}") || blank(body.nameZh()) || blank(body.nameEn()) || body.nameZh().strip().length() > 50
				|| body.nameEn().strip().length() > 80 || body.category() == null || !CATEGORIES.contains(body.category())) {
			throw new DomainException(ErrorKind.INVALID, "registers.tag-invalid");
		}
		return new Tag(c, body.nameZh().strip(), body.nameEn().strip(), body.category(),
				body.sortOrder() == null ? 500 : body.sortOrder(), body.active() == null || body.active());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
