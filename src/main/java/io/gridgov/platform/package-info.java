/**
 * The shared kernel: ids, time, region codes and the actor, RFC 9457 problem details with a
 * stable code, paging and the audit port. No business logic lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.gridgov.platform;
