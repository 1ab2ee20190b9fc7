package io.gridgov.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.gridgov.identity.Role;
import io.gridgov.platform.paging.Page;
import io.gridgov.platform.paging.PageQuery;
import io.gridgov.platform.scope.Actor;

/** Lists accounts inside the administrator's scope. */
@Component
@Transactional(readOnly = true)
class UserQuery {

	private final JdbcClient jdbc;
	private final UserRepository users;
	private final UserViews views;

	UserQuery(JdbcClient jdbc, UserRepository users, UserViews views) {
		this.jdbc = jdbc;
		this.users = users;
		this.views = views;
	}

	Page<UserViews.UserView> search(Actor admin, String q, Role role, PageQuery page) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder("u.scope_code LIKE ?");
		params.add(admin.scope().likePattern());
		if (q != null && !q.isBlank()) {
			where.append(" AND (LOWER(u.username) LIKE ? OR LOWER(u.display_name) LIKE ?)");
			String like = "%" + q.trim().toLowerCase(Locale.ROOT) + "%";
			params.add(like);
			params.add(like);
		}
		if (role != null) {
			where.append(" AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = ?)");
			params.add(role.name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM identity_user u WHERE " + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<UUID> ids = jdbc.sql("SELECT u.id FROM identity_user u WHERE " + where + " ORDER BY u.username LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(UUID.class)
			.list();
		List<UserViews.UserView> items = new ArrayList<>();
		users.findAllById(ids).forEach(user -> items.add(views.of(user)));
		items.sort((a, b) -> a.username().compareTo(b.username()));
		return Page.of(items, page, total);
	}
}
