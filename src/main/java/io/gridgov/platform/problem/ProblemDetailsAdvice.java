package io.gridgov.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.gridgov.platform.audit.AuditOutcome;
import io.gridgov.platform.audit.AuditRecord;
import io.gridgov.platform.audit.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every exception that reaches a controller to an RFC 9457 problem detail with a stable
 * {@code code}, in the request's language and in every supported one. Unexpected errors are
 * logged with their request id and answered with a 500 that carries no stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final ProblemFactory problems;
	private final ObjectProvider<AuditTrail> audit;

	ProblemDetailsAdvice(ProblemFactory problems, ObjectProvider<AuditTrail> audit) {
		this.problems = problems;
		this.audit = audit;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
		if (ex instanceof RecordNotFoundException notFound && notFound.outOfScope()) {
			audit.ifAvailable(trail -> trail.record(new AuditRecord("READ", notFound.recordType(), notFound.recordId(),
					AuditOutcome.DENIED, "outside the actor's region scope")));
		}
		ProblemDetail problem = problems.create(ex, ProblemFactory.localeOf(request));
		return ResponseEntity.status(ex.kind().status()).body(problem);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return respond(HttpStatus.CONFLICT, "conflict.stale-version", request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex, HttpServletRequest request) {
		return respond(HttpStatus.CONFLICT, "conflict.duplicate", request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex, HttpServletRequest request) {
		audit.ifAvailable(trail -> trail.record(new AuditRecord(request.getMethod() + " " + request.getRequestURI(), null,
				null, AuditOutcome.DENIED, "role does not permit this")));
		return respond(HttpStatus.FORBIDDEN, "security.forbidden", request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = locale(request);
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation.failed", new Object[0], locale);
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new FieldError(error.getField(), "validation." + error.getCode(),
					problems.message("validation." + error.getCode(), error.getArguments(), locale)))
			.collect(Collectors.toList());
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale(request);
		ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, "validation.failed", new Object[0], locale);
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
						"validation." + lastCode(error.getCodes()),
						problems.message("validation." + lastCode(error.getCodes()), error.getArguments(), locale))))
			.collect(Collectors.toList());
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		String code;
		Object[] args;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			code = "request.unknown-field";
			args = new Object[] { unknown.getPropertyName() };
		}
		else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			code = "request.wrong-type";
			args = new Object[] { path((JacksonException) cause) };
		}
		else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			code = "request.malformed-json";
			args = new Object[0];
		}
		else {
			code = "request.body-missing";
			args = new Object[0];
		}
		return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, code, args, locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problems.create(HttpStatus.BAD_REQUEST, "request.parameter-missing",
					new Object[] { ex.getParameterName() }, locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problems.create(HttpStatus.BAD_REQUEST, "request.parameter-wrong-type",
					new Object[] { ex.getPropertyName() }, locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(headers)
			.body(problems.create(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed",
					new Object[] { ex.getMethod() }, locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type",
					new Object[] { String.valueOf(ex.getContentType()) }, locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
			.body(problems.create(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable", new Object[0], locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problems.create(HttpStatus.NOT_FOUND, "request.not-found", new Object[0], locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problems.create(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code = statusCode.is5xxServerError() ? "server.error" : "request.invalid";
		if (statusCode.is5xxServerError()) {
			log.error("Request failed", ex);
		}
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.body(problems.create(statusCode, code, new Object[0], locale(request)));
	}

	private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, HttpServletRequest request) {
		return ResponseEntity.status(status)
			.body(problems.create(status, code, new Object[0], ProblemFactory.localeOf(request)));
	}

	private static Locale locale(WebRequest request) {
		HttpServletRequest servletRequest = request instanceof NativeWebRequest nativeRequest
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
		return ProblemFactory.localeOf(servletRequest);
	}

	private static String path(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."));
		return path.isEmpty() ? "(body)" : path;
	}

	private static String lastCode(String[] codes) {
		return codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
	}
}
