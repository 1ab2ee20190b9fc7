package io.gridgov.platform.paging;

import io.gridgov.platform.problem.DomainException;
import io.gridgov.platform.problem.ErrorKind;

/** A page request: zero-based page number and a size of at most {@value #MAX_SIZE}. */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageQuery {
		if (page < 0 || page > 100_000) {
			throw new DomainException(ErrorKind.INVALID, "paging.page-invalid", page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new DomainException(ErrorKind.INVALID, "paging.size-invalid", size, MAX_SIZE);
		}
	}

	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
