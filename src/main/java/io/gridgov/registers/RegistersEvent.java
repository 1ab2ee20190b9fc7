package io.gridgov.registers;

/** Domain events of the registers, published through the outbox. */
public sealed interface RegistersEvent permits ResidentRegistered, ResidentStatusChanged, EnterpriseRegistered {
}
