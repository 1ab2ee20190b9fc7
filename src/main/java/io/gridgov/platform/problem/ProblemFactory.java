package io.gridgov.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds RFC 9457 problem details: a stable {@code code}, the title and detail in the request's
 * language, the same message in every supported language under {@code messages}, and the
 * request id. Never a stack trace.
 */
@Component
public class ProblemFactory {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
	private static final String TYPE_PREFIX = "urn:gridgov:problem:";

	private final MessageSource messages;

	public ProblemFactory(MessageSource messages) {
		this.messages = messages;
	}

	/** Chinese unless the request asks for English. */
	public static Locale localeOf(HttpServletRequest request) {
		String header = request == null ? null : request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return CHINESE;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header),
					List.of(Locale.forLanguageTag("zh-CN"), Locale.forLanguageTag("zh"), Locale.forLanguageTag("en")));
			return best != null && best.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
		}
		catch (IllegalArgumentException malformedHeader) {
			return CHINESE;
		}
	}

	public ProblemDetail create(ErrorKind kind, String code, Object[] args, Locale locale) {
		return create(HttpStatusCode.valueOf(kind.status()), code, args, locale);
	}

	public ProblemDetail create(HttpStatusCode status, String code, Object[] args, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title(status, locale));
		problem.setDetail(message(code, args, locale));
		problem.setProperty("code", code);
		Map<String, String> all = new LinkedHashMap<>();
		for (Locale supported : SUPPORTED) {
			all.put(supported.toLanguageTag(), message(code, args, supported));
		}
		problem.setProperty("messages", all);
		String requestId = MDC.get("requestId");
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	public ProblemDetail create(DomainException ex, Locale locale) {
		ProblemDetail problem = create(ex.kind(), ex.code(), ex.args(), locale);
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	public String message(String code, Object[] args, Locale locale) {
		try {
			return messages.getMessage(code, args, locale);
		}
		catch (NoSuchMessageException missing) {
			return code;
		}
	}

	private String title(HttpStatusCode status, Locale locale) {
		return messages.getMessage("status." + status.value(), null, "HTTP " + status.value(), locale);
	}
}
