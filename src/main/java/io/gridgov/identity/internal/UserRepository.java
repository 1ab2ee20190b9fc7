package io.gridgov.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface UserRepository extends CrudRepository<User, UUID> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);
}
