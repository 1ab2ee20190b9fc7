package io.gridgov.workforce.internal;

import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

interface WorkerRepository extends CrudRepository<Worker, UUID> {
}
